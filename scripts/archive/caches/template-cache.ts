/**
 * Compiled templates kept between builds. Nunjucks compiles a template to JavaScript the
 * first time it renders it; in a fresh process that costs more than rendering (the
 * compiler itself is not yet optimized), and a rebuild after one edit renders a handful of
 * pages. So the JavaScript Nunjucks makes of each template is kept in
 * `archive-templates.json` of the build cache folder, by template name with a hash of its source (and of
 * Nunjucks' version and options), and handed back to Nunjucks the way its own precompiled
 * loader does. The code is the compiler's output as is, so pages render the same.
 *
 * The template's path, which the code names for errors and relative includes, is kept as a
 * placeholder, so the cache is the same in any folder.
 */
import { hash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { readCache } from './read-cache.js';

export const TEMPLATE_CACHE_FILE = 'archive-templates.json';

/** Stands for the template's path in stored code; a NUL never appears raw in compiled code. */
const PATH = '"\u0000template path\u0000"';

interface Stored {
  /** Nunjucks' version and the environment's compile options. */
  compiler: string;
  /** Template name → hash of its source, and its compiled code. */
  templates: Record<string, { source: string; code: string }>;
}

/** What Nunjucks' environment has that its types leave out. */
interface Internals {
  loaders: { getSource(name: string): { src: unknown; path: string; noCache: boolean } | null }[];
  asyncFilters: string[];
  extensionsList: { tags?: string[] }[];
  opts: object;
}

interface Compiler {
  compile(src: string, asyncFilters: string[], extensions: unknown[], name: string, opts: object): string;
}

const packageRequire = createRequire(import.meta.url);

export interface TemplateCache {
  /** The cache to save, if a template was compiled in this run. */
  toSave(): string | undefined;
}

/**
 * Serve `env`'s templates compiled from the cache in `cacheDir`, compiling (and keeping) those
 * not in it; `fresh`: compile every template, whatever is on disk.
 */
export function cacheTemplates(env: nunjucks.Environment, cacheDir: string, fresh = false): TemplateCache {
  const internals = env as unknown as Internals;
  const compile = (nunjucks as unknown as { compiler?: Partial<Compiler> }).compiler?.compile;
  // Should Nunjucks change inside, templates are compiled as usual and nothing is kept.
  if (!Array.isArray(internals.loaders) || typeof compile !== 'function') return { toSave: () => undefined };
  const version = (packageRequire(path.join(path.dirname(packageRequire.resolve('nunjucks')), 'package.json')) as { version: string })
    .version;
  const compiler = hash(
    'sha256',
    JSON.stringify([version, internals.opts, internals.asyncFilters, internals.extensionsList.map((e) => e.tags ?? [])]),
  );
  let stored: Stored | undefined;
  let compiled = false;
  const load = (): Stored => {
    if (stored) return stored;
    const read = fresh ? undefined : readCache<Stored>(cacheDir, TEMPLATE_CACHE_FILE);
    if (read?.compiler === compiler && read.templates && typeof read.templates === 'object') stored = read as Stored;
    return (stored ??= { compiler, templates: {} });
  };
  // Read now, when the cache is opened (before the briefs are known: write-archive.ts `prepareArchive`).
  load();
  for (const loader of internals.loaders) {
    const getSource = loader.getSource.bind(loader);
    loader.getSource = (name) => {
      const found = getSource(name);
      if (!found || typeof found.src !== 'string') return found;
      const source = hash('sha256', found.src);
      const templates = load().templates;
      let code = templates[name]?.source === source ? templates[name]!.code.split(PATH).join(JSON.stringify(found.path)) : undefined;
      if (code === undefined) {
        code = compile(found.src, internals.asyncFilters, internals.extensionsList, found.path, internals.opts);
        templates[name] = { source, code: code.split(JSON.stringify(found.path)).join(PATH) };
        compiled = true;
      }
      // As Nunjucks' precompiled loader does: the template's code instead of its text.
      return { ...found, src: { type: 'code', obj: new Function(code)() as unknown } };
    };
  }
  return {
    toSave() {
      if (!compiled || !stored) return undefined;
      const templates = Object.fromEntries(
        Object.keys(stored.templates)
          .sort()
          .map((name) => [name, stored!.templates[name]!]),
      );
      return `${JSON.stringify({ compiler, templates })}\n`;
    },
  };
}
