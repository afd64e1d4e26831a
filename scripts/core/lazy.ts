/** A resource started on first use, at most once (a browser, a pool of worker threads). */
export interface Lazy<T> {
  /** Start it unless it is started; its promise (a failure is reported to each caller). */
  get(): Promise<T>;
  /** It, if it was started and did start; undefined otherwise. Never rejects. */
  started(): Promise<T | undefined>;
}

export function lazy<T>(start: () => Promise<T>): Lazy<T> {
  let starting: Promise<T> | undefined;
  return {
    get() {
      if (!starting) {
        starting = start();
        starting.catch(() => {}); // reported where it is awaited
      }
      return starting;
    },
    async started() {
      return starting?.catch(() => undefined);
    },
  };
}
