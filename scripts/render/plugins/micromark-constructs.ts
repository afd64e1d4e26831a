/**
 * Remove a micromark construct, by name, from the syntax extensions a unified processor
 * has registered so far (remark-gfm's): what the plugins that make parsing cheaper use.
 * A name no extension has (another version of micromark's extensions) removes nothing:
 * parsing is then as it was, only not as cheap. Returns how many were removed, so a test
 * can tell when an upgrade renamed a construct (test/render/micromark-constructs.test.ts).
 */
import type { Processor } from 'unified';

interface Construct {
  name?: string;
}
type ConstructRecord = Record<string, Construct | Construct[]>;
type MicromarkExtension = Partial<Record<'document' | 'contentInitial' | 'flowInitial' | 'flow' | 'string' | 'text', ConstructRecord>>;

export function removeConstruct(processor: Processor, kind: 'flow' | 'text', name: string): number {
  const extensions = processor.data('micromarkExtensions') as MicromarkExtension[] | undefined;
  if (!extensions) return 0;
  let removed = 0;
  for (const [i, extension] of extensions.entries()) {
    const record = extension[kind];
    if (!record) continue;
    const kept: ConstructRecord = {};
    for (const [code, constructs] of Object.entries(record)) {
      const all = ([] as Construct[]).concat(constructs);
      const rest = all.filter((c) => c.name !== name);
      removed += all.length - rest.length;
      if (rest.length > 0) kept[code] = rest;
    }
    extensions[i] = { ...extension, [kind]: kept };
  }
  return removed;
}
