/**
 * Remove a micromark construct, by name, from the syntax extensions a unified processor
 * has registered so far (remark-gfm's): what the plugins that make parsing cheaper use.
 * A name no extension has (another version of micromark's extensions) removes nothing:
 * parsing is then as it was, only not as cheap.
 */
import type { Processor } from 'unified';

interface Construct {
  name?: string;
}
type ConstructRecord = Record<string, Construct | Construct[]>;
type MicromarkExtension = Partial<Record<'document' | 'contentInitial' | 'flowInitial' | 'flow' | 'string' | 'text', ConstructRecord>>;

export function removeConstruct(processor: Processor, kind: 'flow' | 'text', name: string): void {
  const extensions = processor.data('micromarkExtensions') as MicromarkExtension[] | undefined;
  if (!extensions) return;
  for (const [i, extension] of extensions.entries()) {
    const record = extension[kind];
    if (!record) continue;
    const kept: ConstructRecord = {};
    for (const [code, constructs] of Object.entries(record)) {
      const rest = ([] as Construct[]).concat(constructs).filter((c) => c.name !== name);
      if (rest.length > 0) kept[code] = rest;
    }
    extensions[i] = { ...extension, [kind]: kept };
  }
}
