/**
 * How briefpress runs its TypeScript without a compile step: `moduleUrl(file)` gives the URL
 * to import for one of our `.ts` modules, a command (scripts/start/run.mjs) or a worker thread's
 * module (scripts/start/worker-thread.mjs).
 *
 * Run through a TypeScript loader, every one of the hundreds of modules a build loads
 * passes through the loader's hooks, which made starting a build take twice as long as
 * the build itself when little had changed. So the module is bundled once with esbuild
 * (the stages a build imports only when needed stay in chunks of their own) into
 * `node_modules/.cache/briefpress/<name>-<fingerprint>/`, and imported from there. The
 * fingerprint covers every file under `scripts/` and the package files, so an edit is
 * bundled again on the next run (in about 1 s). Each of our modules keeps its own
 * `import.meta.url`, so the code finds its files where it always does.
 *
 * The packages are bundled too: Node's ES module loader takes about a third of a
 * millisecond per module it resolves, links and evaluates, and the worker thread alone
 * loads over 900 (unified, micromark, chrono…). Bundled, the worker's modules load in 0.11 s
 * instead of 0.33 s, and the printer's (Puppeteer) in about half the time — both on the
 * way to the first PDF. A few packages stay in node_modules: those that find files beside
 * themselves or load native code (`UNBUNDLED`). CommonJS packages get a `require` of
 * their own (the banner), for the Node built-ins they load.
 *
 * Plain JavaScript, as it must run before anything is compiled. If bundling fails for
 * any reason, the module is imported through the tsx loader instead.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cacheRoot = path.join(repo, 'node_modules', '.cache', 'briefpress');
/** Bundles of earlier fingerprints kept besides the current one (another checkout may still use them). */
const KEEP = 3;
/**
 * Packages left in node_modules: yargs (the command line of @puppeteer/browsers, never run
 * here, reads locale files beside itself; it is imported only when that command runs),
 * pac-proxy-agent (a proxy's auto-configuration script, run in a WebAssembly engine whose
 * file lies beside it; loaded only for such a proxy), word-list (its list is a file beside
 * it, found through import.meta.url), esbuild and tsx (native code; this file's own tools),
 * and the optional native helpers of ws. @puppeteer/browsers itself is bundled: Puppeteer
 * imports it whenever it loads, and from node_modules its hundred-odd files (semver, the
 * proxy agents, the `node:process` facade) took longer to load than all of Puppeteer.
 */
const UNBUNDLED = [
  'yargs',
  'yargs/*',
  'pac-proxy-agent',
  'word-list',
  'pdfjs-dist',
  'pdfjs-dist/*',
  'esbuild',
  'tsx',
  'tsx/*',
  'bufferutil',
  'utf-8-validate',
  'fsevents',
];

/** The URL of the bundled command, bundling it first if the code changed since the last bundle. */
async function bundled(file) {
  const name = path.basename(file, '.ts');
  const key = `${name}-${await fingerprint(file)}`;
  const dir = path.join(cacheRoot, key);
  const out = path.join(dir, `${name}.js`);
  if (!(await stat(path.join(dir, 'done')).catch(() => undefined))) {
    // A folder of this bundler's own: the worker threads of one process bundle at the same
    // time on a first run, and with the process id alone they wrote into one folder, one
    // thread renaming it while another still wrote (a thread then read a half-written file).
    const temp = `${dir}.tmp-${process.pid}-${threadId}-${randomUUID().slice(0, 8)}`;
    const { build } = await import('esbuild');
    await build({
      entryPoints: [file],
      outdir: temp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: UNBUNDLED,
      banner: {
        js: "import { createRequire as __briefpressCreateRequire } from 'node:module'; const require = __briefpressCreateRequire(import.meta.url);",
      },
      logLevel: 'silent',
      plugins: [ownImportMetaUrl, globalProcess],
    });
    // The bundle's files are ES modules: said here, Node need not look for a package.json
    // above them (node_modules ends the search) and then compile each as CommonJS to find out.
    await writeFile(path.join(temp, 'package.json'), '{ "type": "module" }\n');
    await writeFile(path.join(temp, 'done'), '');
    // Two commands started at once may both bundle: the first rename wins, the other bundle is dropped.
    await rename(temp, dir).catch(() => rm(temp, { recursive: true, force: true }));
    await prune(name, key);
  }
  return pathToFileURL(out).href;
}

/** Hash of the entry and every file under scripts/ (names, sizes, times), and the package files. */
async function fingerprint(file) {
  const hash = createHash('sha256').update(file).update(process.version);
  const scripts = await readdir(path.join(repo, 'scripts'), { recursive: true, withFileTypes: true });
  const files = scripts.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  // The entry itself too: a test's module outside scripts/ is bundled as well.
  files.push(file, path.join(repo, 'package.json'), path.join(repo, 'package-lock.json'));
  const stats = await Promise.all(files.sort().map(async (f) => [f, await stat(f).catch(() => undefined)]));
  for (const [f, s] of stats) hash.update(`${f}\0${s?.size}\0${s?.mtimeMs}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Our modules read files beside themselves through import.meta.url: give each its own. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    const ours = new RegExp(`^${path.join(repo, 'scripts').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\\.ts$`);
    build.onLoad({ filter: ours }, async (args) => ({
      loader: 'ts',
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
    }));
  },
};

/**
 * `import process from 'node:process'` (vfile, and other packages) is the global `process`.
 * Imported as an ES module, Node's facade of the built-in reads every property of it once,
 * which opens `process.stdin` and `process.stdout` as streams: 20-40 ms of a command's start.
 * As CommonJS in the bundle, each property is read only where it is used.
 */
const globalProcess = {
  name: 'global-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?process$/ }, () => ({ path: 'process', namespace: 'briefpress-process' }));
    build.onLoad({ filter: /.*/, namespace: 'briefpress-process' }, () => ({
      contents: 'module.exports = globalThis.process;',
      loader: 'js',
    }));
  },
};

/** Remove all but the newest few bundles of this command. */
async function prune(name, current) {
  const entries = await readdir(cacheRoot, { withFileTypes: true }).catch(() => []);
  const dirs = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && e.name.startsWith(`${name}-`) && e.name !== current && !e.name.includes('.tmp-'))
      .map(async (e) => ({ dir: path.join(cacheRoot, e.name), time: (await stat(path.join(cacheRoot, e.name))).mtimeMs })),
  );
  const old = dirs.sort((a, b) => b.time - a.time).slice(KEEP);
  await Promise.all(old.map(({ dir }) => rm(dir, { recursive: true, force: true })));
}

/** The URL to import for `file` (an absolute path to one of our `.ts` modules). */
export async function moduleUrl(file) {
  return bundled(file).catch(async (error) => {
    if (process.env.BRIEFPRESS_DEBUG) process.stderr.write(`briefpress: running without a bundle: ${error?.stack ?? error}\n`);
    const { register } = await import('tsx/esm/api');
    register();
    return pathToFileURL(file).href;
  });
}
