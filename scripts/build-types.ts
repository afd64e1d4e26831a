/** What `build()` takes and gives back (build.ts): the options of `npm run build` and its result. */
import type { ManifestEntry } from './core/types.js';
import type { PacketReport } from './packet/packet-stage.js';
import type { Printer } from './print/printer.js';
import type { Shard } from './scale/shard.js';

export interface BuildOptions {
  /** Project root holding briefpress.config.yaml. Default: the current folder. */
  root?: string;
  /** Sources folder, relative to the root. Default: `build.sources` of the config. */
  sources?: string;
  /** Output folder, relative to the root. Default: `build.out` of the config. */
  out?: string;
  /** Pages printing at once. Default: the number of CPU cores. */
  concurrency?: number;
  /** Warnings (page budget overflows, guessed sources) fail the build. */
  strict?: boolean;
  /** No progress output. */
  quiet?: boolean;
  /** Ignore the build cache and rebuild everything. */
  force?: boolean;
  /** Milliseconds one brief may take to print before it fails (the others go on). Default: 30 000. */
  printTimeout?: number;
  /** Milliseconds normalizing one source may take before it fails (the others go on). Default: 30 000. */
  normalizeTimeout?: number;
  /** Print through these running browsers (DevTools endpoints) instead of launching one; see remote-browser.ts. */
  browserWs?: string[];
  /** Build only this part of the briefs and write `shard-K-of-N.json` instead of the archive; see shard.ts. */
  shard?: Shard;
  /** Worker threads that normalize and render; default: none for fewer than 32 briefs to redo, else see `workerThreads`. */
  threads?: number;
  /**
   * Seconds to keep the browser running after a build that printed a few briefs, for the
   * next build of this output folder to print with (print/warm-browser.ts); it is used when
   * there is one. Default 0: a browser of the build's own, closed at its end.
   */
  keepBrowser?: number;
  /** Print with this printer (kept open afterwards) instead of starting a browser: the dev server's warm one. */
  printer?: Printer;
  /**
   * Called, in a build that printed a few briefs (at most 50), as soon as their PDFs and web
   * pages are written, with their manifest entries, before the rest of the archive is made
   * (which waits for what it returns): the dev server reloads those pages then, and serves
   * them before the build goes on. Not called when nothing was printed.
   */
  onPreview?: (entries: ManifestEntry[]) => void | Promise<void>;
  /**
   * Stops the build: no new brief starts, the browser closes, and the briefs printed so far
   * are remembered for the next build; `build` then rejects with the signal's `AbortError`.
   */
  signal?: AbortSignal;
}

export interface BuildResult {
  ok: boolean;
  built: number;
  cached: number;
  failed: number;
  removed: number;
  pages: number;
  warnings: number;
  errors: number;
  /** Milliseconds spent in each stage. */
  timings: Record<string, number>;
  /** Every brief's entry, newest first (as `manifest.json`); read from the build cache on first use. */
  readonly manifest: ManifestEntry[];
  /** Every problem, one `path:line:column: severity: reason (rule)` line each. */
  messages: string[];
  /** Whether a browser was started (it is not when everything was cached). */
  launchedBrowser: boolean;
  /** The briefs were printed with a browser kept warm between builds (`keepBrowser`): one an earlier build left, or one this build started. */
  warmBrowser?: 'reused' | 'started';
  /** Requests the printed pages tried to make and the printer refused (nothing leaves the machine). */
  blockedRequests: number;
  /** The configured packets printed (or taken from the last build), with their page and sheet counts. */
  packets: PacketReport[];
}
