/**
 * The printer's pool of pages: at most `size` open at once in the current browser, reused
 * from brief to brief, each replaced after `usesPerPage` prints (a renderer grows slowly
 * over thousands of documents; a fresh one starts small again). Briefs wait in line for a
 * page. When the browser is lost, `newGeneration()` forgets its pages: they no longer count
 * against `size`, and the next `acquire` opens pages in the next browser.
 *
 * Generic over the page, so it is tested with a fake page factory (test/print/page-pool.test.ts).
 */
export interface PagePoolOptions<P> {
  /** Pages open at once. */
  size: number;
  /** Prints on one page before it is closed and another opened in its place. */
  usesPerPage: number;
  /** Open a page (in the current browser). */
  open: () => Promise<P>;
  /** Close a page that will not print again; may not throw. */
  close: (page: P) => void;
  /** Whether an idle page can still print (its renderer may have died while it waited). */
  usable: (page: P) => boolean;
}

/** How a page comes back: `printed` a brief, came back `unused` (just opened), or is `broken`. */
export type PageOutcome = 'printed' | 'unused' | 'broken';

export interface PagePool<P> {
  /** A page to print on: an idle one, a new one while fewer than `size` are open, else the next one released. */
  acquire(): Promise<P>;
  /** Give a page back: to the next brief in line or the idle pages; a broken or worn-out one is replaced. */
  release(page: P, outcome: PageOutcome): void;
  /** The browser was lost: its pages are gone and count no more. */
  newGeneration(): void;
  /** Nothing more is handed out; briefs in line fail. Returns the idle pages (the caller closes them). */
  close(reason: Error): P[];
  /** Pages open in the current browser (idle or printing). */
  readonly open: number;
}

export function createPagePool<P extends object>(options: PagePoolOptions<P>): PagePool<P> {
  const { size, usesPerPage } = options;
  let generation = 0;
  const generationOf = new WeakMap<P, number>();
  const uses = new WeakMap<P, number>();
  const idle: P[] = [];
  const waiting: { resolve: (page: P) => void; reject: (error: unknown) => void }[] = [];
  let pagesOpen = 0;
  let closed: Error | undefined;

  async function openPage(): Promise<P> {
    const born = generation;
    const page = await options.open();
    generationOf.set(page, born);
    return page;
  }

  /** Close a page that will not print again, and free its place in this browser's pool. */
  function discard(page: P): void {
    options.close(page);
    if (pagesOpen > 0 && generationOf.get(page) === generation) pagesOpen--;
  }

  /**
   * Open a page in the place of one discarded while briefs wait for a page. The briefs
   * keep waiting in line: a page that frees up before the new one is ready serves them
   * first (opening one takes as long as printing several briefs).
   */
  function replace(): void {
    if (closed || pagesOpen >= size) return;
    pagesOpen++;
    openPage().then(
      (page) => release(page, 'unused'),
      (error: unknown) => {
        pagesOpen--;
        waiting.shift()?.reject(error);
        if (waiting.length > 0) replace();
      },
    );
  }

  function release(page: P, outcome: PageOutcome): void {
    const used = (uses.get(page) ?? 0) + (outcome === 'printed' ? 1 : 0);
    uses.set(page, used);
    if (outcome === 'broken' || closed || used >= usesPerPage) {
      discard(page);
      if (waiting.length > 0) replace();
      return;
    }
    const next = waiting.shift();
    if (next) next.resolve(page);
    else idle.push(page);
  }

  return {
    async acquire() {
      if (closed) throw closed;
      for (let page = idle.pop(); page; page = idle.pop()) {
        if (options.usable(page)) return page;
        discard(page); // DevTools calls to a dead renderer would never answer: open another
      }
      if (pagesOpen < size) {
        pagesOpen++;
        try {
          return await openPage();
        } catch (error) {
          pagesOpen--;
          throw error;
        }
      }
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    release,
    newGeneration() {
      generation++;
      idle.length = 0;
      pagesOpen = 0;
    },
    close(reason) {
      closed ??= reason;
      for (const waiter of waiting.splice(0)) waiter.reject(reason); // they would otherwise wait for ever
      return idle.splice(0);
    },
    get open() {
      return pagesOpen;
    },
  };
}
