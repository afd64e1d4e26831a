/**
 * The command lines of briefpress's commands: options, examples and exit codes, from which
 * `--help` is written and the arguments are parsed. Kept apart from the commands, which import
 * every stage: `node scripts/start/run.mjs` answers `--help` from this module alone (`helpFor`),
 * before it bundles and loads a command (seconds on a first run: esbuild goes through the
 * whole stage graph, Puppeteer and unified included).
 */
import { BROWSER_WS_ENV } from '../print/browser-endpoints.js';
import { PACKET_ORDERS } from '../core/config.js';
import { type CommandSpec, helpText, type OptionSpec, parseCommand } from './args.js';

/** Seconds a warm browser stays after an interactive build (print/warm-browser.ts). */
export const KEEP_BROWSER_SECONDS = 300;
export const KEEP_BROWSER_ENV = 'BRIEFPRESS_KEEP_BROWSER';

/** Options several commands share. */
const SOURCES_OPTION: OptionSpec = {
  type: 'string',
  value: 'DIR',
  description: 'folder of sources (default: build.sources of briefpress.config.yaml, "sources")',
};
const OUT_OPTION: OptionSpec = { type: 'string', value: 'DIR', description: 'output folder (default: build.out, "dist")' };

export const buildCommand: CommandSpec = {
  usage: 'npm run build -- [options]\n       npm run build -- --merge DIR... [--out DIR]',
  summary: 'Normalize every source, print each brief to PDF and write the HTML archive.\nUnchanged briefs are reused from the last build.',
  options: {
    sources: SOURCES_OPTION,
    out: OUT_OPTION,
    concurrency: { type: 'string', value: 'N', description: 'pages printing at once (default: number of CPU cores)' },
    strict: { type: 'boolean', description: 'treat warnings (page budget overflow, guessed sources) as errors' },
    force: { type: 'boolean', description: 'ignore the build cache and rebuild every brief' },
    quiet: { type: 'boolean', short: 'q', description: 'print problems only, no progress or summary' },
    'browser-ws': {
      type: 'string',
      multiple: true,
      value: 'URL',
      description: `print through a running browser (ws://… DevTools endpoint or http://host:port) instead of launching one; repeat or comma-separate for several (default: ${BROWSER_WS_ENV})`,
    },
    'keep-browser': {
      type: 'string',
      value: 'S',
      description: `keep the browser running S seconds after a build that printed a few briefs, for the next build to use (default: ${KEEP_BROWSER_SECONDS} in a terminal, else 0; ${KEEP_BROWSER_ENV})`,
    },
    shard: {
      type: 'string',
      value: 'K/N',
      description: 'build only the K-th of N parts of the briefs and write shard-K-of-N.json instead of the archive',
    },
    merge: {
      type: 'boolean',
      description: 'assemble the site from the output folders of --shard builds given after it (or folders holding them)',
    },
  },
  allowPositionals: true,
  examples: [
    'npm run build',
    'npm run build -- --sources drafts --out preview --strict',
    'npm run build -- --browser-ws ws://chrome-1:9222/devtools/browser/ID,ws://chrome-2:9222/devtools/browser/ID',
    'npm run build -- --shard 2/4 --out shard-2',
    'npm run build -- --merge shard-1 shard-2 shard-3 shard-4 --out dist',
  ],
  exitCodes: {
    0: 'every brief built',
    1: 'a source, the configuration or the browser has a problem (see the messages)',
    2: 'internal error (please report it)',
  },
};

export const checkCommand: CommandSpec = {
  usage: 'npm run check -- [options]',
  summary:
    'Check everything a print run needs, without printing or writing anything: every source\n' +
    'normalizes and validates; title, date and authors (or the organization) are set; no link is\n' +
    'empty or an unresolved [text](#) [n] reference; no two briefs share a slug; internal links,\n' +
    'anchors and images resolve; images have alt text; and every brief fits its page budget,\n' +
    'measured by printing it in the browser.',
  options: {
    sources: SOURCES_OPTION,
    strict: { type: 'boolean', description: 'fail on warnings too (for CI)' },
    'no-layout': { type: 'boolean', description: 'skip laying pages out in the browser (no page-budget check)' },
    quiet: { type: 'boolean', short: 'q', description: 'print problems only, no summary' },
  },
  examples: ['npm run check', 'npm run check -- --sources drafts --strict'],
  exitCodes: {
    0: 'ready to print (there may be warnings)',
    1: 'errors found (or warnings, with --strict), or a bad option or configuration',
    2: 'internal error (please report it)',
  },
};

export const devCommand: CommandSpec = {
  usage: 'npm run dev -- [options]',
  summary:
    'Build the site, serve it on http://127.0.0.1 and rebuild when a source, a template or\n' +
    'briefpress.config.yaml changes; open pages reload by themselves. Unchanged briefs are not\n' +
    "printed again. /__print/<slug> shows the pages of a brief's real PDF, with its page count\n" +
    'and any overflow of its page budget. Errors are printed here and shown over the page;\n' +
    'the server keeps running. Stop it with Ctrl-C.',
  options: {
    port: { type: 'string', value: 'N', description: 'port on 127.0.0.1 (default: 4173, or the next free one; 0: any free port)' },
    sources: SOURCES_OPTION,
    out: OUT_OPTION,
    concurrency: { type: 'string', value: 'N', description: 'pages printing at once (default: number of CPU cores)' },
  },
  examples: ['npm run dev', 'npm run dev -- --port 8080 --sources drafts --out preview'],
  exitCodes: {
    0: 'help shown (the server itself runs until stopped)',
    1: 'a bad option, the port is taken, or the configuration cannot be read',
    2: 'internal error (please report it)',
    130: 'stopped with Ctrl-C, after closing the browser and the server',
    143: 'stopped by SIGTERM, likewise',
  },
};

export const newCommand: CommandSpec = {
  usage: 'npm run new -- "Title" [options]',
  summary:
    "Create sources/<slug>.md: a Markdown brief with today's date, the front matter filled in\n" +
    'and a skeleton to write in. An existing file is never overwritten.',
  options: {
    kind: { type: 'string', value: 'KIND', description: 'brief (a one-pager, the default) or post (a blog post)' },
    date: { type: 'string', value: 'YYYY-MM-DD', description: "the brief's date (default: today)" },
    sources: SOURCES_OPTION,
  },
  examples: ['npm run new -- "Net Neutrality in Five Points"', 'npm run new -- "What the ITU Treaty Means" --kind post --date 2012-12-03'],
  exitCodes: {
    0: 'the brief was created (its path is printed)',
    1: 'no title, a bad option, or the file already exists',
    2: 'internal error (please report it)',
  },
  allowPositionals: true,
};

export const packetCommand: CommandSpec = {
  usage: 'npm run packet -- --title TEXT [selection] [options]',
  summary:
    'Print one packet from the briefs of the last build (run npm run build first): a cover with\n' +
    'the title, event and date, a contents page, then each selected brief as printed, each\n' +
    'starting on a right-hand page for double-sided printing. A brief is in it when its slug is\n' +
    'given with --slug, or when it matches every other criterion given. To print a packet with\n' +
    'every build, declare it under `packets:` in briefpress.config.yaml instead.',
  options: {
    title: { type: 'string', value: 'TEXT', description: 'title on the cover (required)' },
    event: { type: 'string', value: 'TEXT', description: 'a line under the title: the meeting, its place' },
    date: { type: 'string', value: 'YYYY-MM-DD', description: "the meeting's date, on the cover" },
    tag: { type: 'string', multiple: true, value: 'TAG', description: 'briefs with this tag (repeat for any of several)' },
    slug: { type: 'string', multiple: true, value: 'SLUG', description: 'this brief, whatever the other criteria say (repeat)' },
    author: { type: 'string', multiple: true, value: 'NAME', description: 'briefs by this author (repeat for any of several)' },
    kind: { type: 'string', value: 'KIND', description: 'only briefs of this kind: brief or post' },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'only briefs dated on or after this day' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'only briefs dated on or before this day' },
    order: {
      type: 'string',
      value: 'ORDER',
      description: `${PACKET_ORDERS.join(', ')}: newest first, A to Z, or the order of --slug (default: given with --slug, else date)`,
    },
    out: {
      type: 'string',
      value: 'FILE.pdf',
      description: 'where to write it, inside the output folder (default: <build.out>/packets/<title as a slug>.pdf)',
    },
    quiet: { type: 'boolean', short: 'q', description: 'print problems only' },
  },
  examples: [
    'npm run packet -- --title "WCIT Hill Day" --event "Meetings on the Hill" --date 2012-11-15 --tag WCIT --tag ITU',
    'npm run packet -- --title "Privacy Coalition" --slug do-not-track --slug data-retention --order given --out dist/privacy.pdf',
  ],
  exitCodes: {
    0: 'the packet was written (warnings, such as a slug no brief has, are printed)',
    1: 'no brief matches, no build yet, or a bad option',
    2: 'internal error (please report it)',
  },
};

export const benchCommand: CommandSpec = {
  usage: 'npm run bench -- [options]',
  summary: 'Benchmark cold, no-op and one-edit builds against bare Chromium (and md-to-pdf with --peers).',
  options: {
    briefs: { type: 'string', value: 'N', description: 'number of generated sources (default 100)' },
    peers: { type: 'boolean', description: 'also run md-to-pdf on the same Markdown (first 100 briefs)' },
    concurrency: { type: 'string', value: 'N', description: 'pages printing at once (default: CPU count)' },
    runs: { type: 'string', value: 'N', description: 'repetitions of each timing (default 3; cold builds 1 at 500+ briefs)' },
    seed: { type: 'string', value: 'N', description: 'seed of the source generator (default 1)' },
    json: { type: 'string', value: 'FILE', description: 'write the results here (default bench-results.json in the temp folder)' },
    keep: { type: 'boolean', description: 'keep the temporary project folder' },
    'cold-only': { type: 'boolean', description: 'only the cold builds and bare Chromium, with and without pictures of page 1' },
    'pdf-round-trip': {
      type: 'string',
      value: 'N',
      description: 'instead: print N generated briefs (plus the samples and render fixtures) and read their PDFs back',
    },
    'post-process': {
      type: 'string',
      value: 'N',
      description: 'instead: print N generated briefs once, then time what the printer does to each PDF (metadata, PDF/UA tags)',
    },
    dev: {
      type: 'boolean',
      description: 'instead: the dev loop, from saving a source in `npm run dev` to its new page and PDF, with each Chromium installed',
    },
    shards: {
      type: 'string',
      value: 'N',
      description: 'instead: simulate a build in N shards run one after another, plus the merge (see docs/scaling.md)',
    },
  },
  examples: [
    'npm run bench -- --briefs 100 --peers',
    'npm run bench -- --briefs 1000 --json /tmp/bench.json',
    'npm run bench -- --briefs 1000 --shards 4',
    'npm run bench -- --pdf-round-trip 300',
    'npm run bench -- --post-process 60',
    'npm run bench -- --briefs 1000 --dev',
  ],
};

const specs: Record<string, CommandSpec> = {
  build: buildCommand,
  check: checkCommand,
  dev: devCommand,
  new: newCommand,
  packet: packetCommand,
  bench: benchCommand,
};

/**
 * The help of command `name` when `argv` asks for it, or nothing: then the command runs (and
 * reports a bad option itself, as it parses the same arguments the same way).
 */
export function helpFor(name: string, argv: string[]): string | undefined {
  const spec = specs[name];
  if (!spec) return undefined;
  try {
    return parseCommand(spec, argv).help ? helpText(spec) : undefined;
  } catch {
    return undefined;
  }
}
