/**
 * The printer's page pool with a fake page factory: which page a brief gets, when a page is
 * opened, replaced or closed, and what a lost browser (a new generation) does to the count.
 */
import { describe, expect, it } from 'vitest';
import { createPagePool, type PagePoolOptions } from '../../scripts/print/page-pool.js';

interface FakePage {
  id: number;
  closed: boolean;
  dead: boolean;
}

function fakePool(overrides: Partial<PagePoolOptions<FakePage>> = {}) {
  const opened: FakePage[] = [];
  let failNext: Error | undefined;
  const pool = createPagePool<FakePage>({
    size: 2,
    usesPerPage: 3,
    open: async () => {
      if (failNext) {
        const error = failNext;
        failNext = undefined;
        throw error;
      }
      const page = { id: opened.length + 1, closed: false, dead: false };
      opened.push(page);
      return page;
    },
    close: (page) => void (page.closed = true),
    usable: (page) => !page.closed && !page.dead,
    ...overrides,
  });
  return { pool, opened, failOpen: (error: Error) => (failNext = error) };
}

/** Whether `promise` has settled once every pending callback has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('page pool', () => {
  it('opens at most `size` pages; the next brief waits for one to be released and gets it', async () => {
    const { pool, opened } = fakePool();
    const a = await pool.acquire();
    const b = await pool.acquire();
    expect([a.id, b.id]).toEqual([1, 2]);
    const third = pool.acquire();
    expect(await settled(third)).toBe(false);
    pool.release(a, 'printed');
    expect(await third).toBe(a);
    expect(opened).toHaveLength(2);
    expect(pool.open).toBe(2);
  });

  it('reuses an idle page, and replaces one after `usesPerPage` prints', async () => {
    const { pool, opened } = fakePool({ size: 1 });
    for (let i = 0; i < 3; i++) {
      const page = await pool.acquire();
      expect(page.id).toBe(1);
      pool.release(page, 'printed');
    }
    expect(opened[0]!.closed).toBe(true);
    expect(pool.open).toBe(0);
    const next = await pool.acquire();
    expect(next.id).toBe(2);
  });

  it('a page back unused (just opened) is not counted as a print', async () => {
    const { pool } = fakePool({ size: 1, usesPerPage: 1 });
    const page = await pool.acquire();
    pool.release(page, 'unused');
    expect(await pool.acquire()).toBe(page);
    pool.release(page, 'printed');
    expect(page.closed).toBe(true);
  });

  it('replaces a broken page for the brief waiting in line', async () => {
    const { pool, opened } = fakePool({ size: 1 });
    const page = await pool.acquire();
    const waiting = pool.acquire();
    pool.release(page, 'broken');
    expect(page.closed).toBe(true);
    const next = await waiting;
    expect(next.id).toBe(2);
    expect(opened).toHaveLength(2);
    expect(pool.open).toBe(1);
  });

  it('fails the brief in line when its replacement page cannot open', async () => {
    const { pool, failOpen } = fakePool({ size: 1 });
    const page = await pool.acquire();
    const waiting = pool.acquire();
    failOpen(new Error('no browser'));
    pool.release(page, 'broken');
    await expect(waiting).rejects.toThrow('no browser');
    expect(pool.open).toBe(0);
    expect((await pool.acquire()).id).toBe(2);
  });

  it('skips an idle page whose renderer died while it waited', async () => {
    const { pool } = fakePool({ size: 1 });
    const page = await pool.acquire();
    pool.release(page, 'printed');
    page.dead = true;
    const next = await pool.acquire();
    expect(next.id).toBe(2);
    expect(page.closed).toBe(true);
    expect(pool.open).toBe(1);
  });

  it('after a lost browser, the old pages count no more and one coming back does not free a new one', async () => {
    const { pool } = fakePool();
    const old1 = await pool.acquire();
    const old2 = await pool.acquire();
    pool.newGeneration();
    expect(pool.open).toBe(0);
    const new1 = await pool.acquire();
    const new2 = await pool.acquire();
    expect([new1.id, new2.id]).toEqual([3, 4]);
    pool.release(old1, 'broken');
    pool.release(old2, 'broken');
    expect(pool.open, 'the old pages do not free places of the new browser').toBe(2);
    expect(await settled(pool.acquire())).toBe(false);
  });

  it('on close: the briefs in line fail, the idle pages are handed back, and nothing more is handed out', async () => {
    const { pool } = fakePool({ size: 2 });
    const a = await pool.acquire();
    const b = await pool.acquire();
    pool.release(a, 'printed');
    const c = await pool.acquire();
    expect(c).toBe(a);
    pool.release(c, 'unused');
    const first = await pool.acquire();
    const waiting = pool.acquire();
    const idle = pool.close(new Error('the printer is closed'));
    await expect(waiting).rejects.toThrow('the printer is closed');
    expect(idle).toEqual([]);
    pool.release(b, 'printed'); // a print that ends after the close: its page is closed
    pool.release(first, 'printed');
    expect(b.closed && first.closed).toBe(true);
    await expect(pool.acquire()).rejects.toThrow('the printer is closed');

    const other = fakePool({ size: 1 }).pool;
    const page = await other.acquire();
    other.release(page, 'printed');
    expect(other.close(new Error('closed'))).toEqual([page]);
  });
});
