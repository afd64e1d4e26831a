/**
 * The plugins that make parsing cheaper remove remark-gfm's constructs by name
 * (scripts/render/plugins/micromark-constructs.ts). A version of micromark's extensions
 * that renames one would silently make them remove nothing: this fails first.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { removeConstruct } from '../../scripts/render/plugins/micromark-constructs.js';

describe('removeConstruct', () => {
  it.each([
    ['flow', 'table'],
    ['text', 'emailAutolink'],
  ] as const)('finds remark-gfm’s %s construct “%s”', (kind, name) => {
    const processor = unified().use(remarkParse).use(remarkGfm) as unknown as Processor;
    processor.freeze();
    expect(removeConstruct(processor, kind, name)).toBeGreaterThan(0);
    expect(removeConstruct(processor, kind, name)).toBe(0);
  });

  it('removes nothing for a name no extension has', () => {
    const processor = unified().use(remarkParse).use(remarkGfm) as unknown as Processor;
    processor.freeze();
    expect(removeConstruct(processor, 'text', 'noSuchConstruct')).toBe(0);
  });
});
