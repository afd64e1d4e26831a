/** What one run of the bench measured (run-bench.ts), as the table (bench-rows.ts) reads it. */
import type { BaselineResult } from './baseline-chromium.js';
import type { MemoryReport } from './measure-memory.js';
import type { MdToPdfResult } from './peers-md-to-pdf.js';
import type { UaColumn } from './pdf-ua-side-by-side.js';

export interface Timed {
  runs: number[];
  median: number;
}

export interface BenchResult {
  briefs: number;
  cold: Timed & { timings: Record<string, number>[]; built: number; failed: number; warnings: number; pages: Record<number, number> };
  /** Absent with `--cold-only`, as are `edit` and `cli`. */
  noop?: Timed & { launchedBrowser: boolean[]; browserSeen: boolean[]; built: number[] };
  edit?: Timed & { built: number[] };
  /** The same two rebuilds as a user runs them: `scripts/cli/build.ts` in a new Node process (npm's own start-up not included). */
  cli?: { noop: Timed; edit: Timed };
  /** Bare Chromium printing the same pages and taking the same pictures of page 1, right after each cold build. */
  baseline: Timed & {
    runsDetail: BaselineResult[];
    /** Each cold build ÷ the bare run right after it. */
    pairedRatios: number[];
  };
  /** Cold builds with `site.page_pictures: false`, each with bare Chromium printing only (no pictures) right after it. */
  coldNoPictures?: Timed & { baseline: Timed; pairedRatios: number[] };
  memory: MemoryReport;
  /** One-edit rebuilds again with each other build of Chromium installed (browser.ts `installedSystemBrowsers`). */
  otherBrowsers?: { browser: string; edit: Timed; cliEdit: Timed }[];
  /**
   * One-edit rebuilds with `--keep-browser`, with each Chromium installed, from the command
   * line and then in this process (`keepBrowser`): the build before them started the browser.
   */
  warm?: { browser: string; cliEdit: Timed; edit?: Timed }[];
  peers?: MdToPdfResult;
  /** The PDF/UA-1 checks on the same briefs' PDFs, briefpress's and md-to-pdf's (with --peers). */
  peersUa?: Record<string, UaColumn>;
  chromium: string;
}
