/** Milliseconds spent in each stage of a build, as its result and `--timings` report them. */

/** Runs `work` and adds the milliseconds it takes to the stage's total. */
export type StageTimer = <T>(stage: string, work: () => Promise<T>) => Promise<T>;

/** A `StageTimer` adding to `timings[stage]`. */
export function stageTimer(timings: Record<string, number>): StageTimer {
  return async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = Math.round((timings[stage] ?? 0) + performance.now() - start);
    }
  };
}
