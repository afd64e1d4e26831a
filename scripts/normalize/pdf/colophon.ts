/**
 * The closing lines of a printed brief: "Tags a · b", "Source <url>" / "Published at
 * <url>", a copyright line, and a "Contact(s)" section of name, role and e-mail items:
 * front matter, not body.
 */
import type { VFile } from 'vfile';
import type { RuleId } from '../../core/rules.js';
import type { ReaderResult } from '../reader.js';
import type { Block } from '../text/blocks.js';
import { contactsIn } from '../text/contacts.js';
import { recordRemoved } from '../text/source-lines.js';
import { squash } from './line-text.js';
import type { PdfLayout } from './read-pdf.js';

/** Moves the colophon among the last blocks into `data`; `plain` gives a block's words. */
export function readColophon(
  file: VFile,
  blocks: Block[],
  data: ReaderResult['data'],
  plain: (text: string) => string,
  layout: PdfLayout,
): void {
  const drop = (block: Block, ruleId: RuleId) => recordRemoved(file, [block.line], ruleId);
  for (let k = blocks.length - 1; k >= Math.max(0, blocks.length - 8); k--) {
    const block = blocks[k]!;
    if (block.type === 'paragraph') {
      const text = plain(block.text);
      const tags = /^tags?\s*:?\s+(.+)$/i.exec(text);
      const origin = /^(source(?:\s+url)?|published\s+at|originally\s+published\s+at)\s*:?\s+(https?:\/\/\S+)$/i.exec(text);
      if (tags && !data.tags) {
        data.tags = tags[1]!.split(/\s*[·•|;,]\s*/).filter(Boolean);
        if (layout.info.keywords && squash(layout.info.keywords) === squash(tags[1]!))
          data.tags = layout.info.keywords.split(/\s*[;,]\s*/).filter(Boolean);
        drop(block, 'pdf-tags');
        blocks.splice(k, 1);
      } else if (origin && !data.source_url) {
        data.source_url = origin[2]!;
        if (/published/i.test(origin[1]!)) data.kind = 'post';
        drop(block, 'pdf-source-url');
        blocks.splice(k, 1);
      } else if (/^(?:the\s+)?(?:copyright|©)/i.test(text) && !data.rights && k >= blocks.length - 3) {
        data.rights = text;
        drop(block, 'pdf-rights');
        blocks.splice(k, 1);
      }
    } else if (block.type === 'heading' && /^contacts?$/i.test(plain(block.text).trim())) {
      const next = blocks[k + 1];
      if (next?.type !== 'list') continue;
      const found = next.items.flatMap((item) => contactsIn(plain(item.text), true));
      if (found.length === next.items.length) {
        data.contacts = found;
        drop(block, 'pdf-contacts');
        blocks.splice(k, 2);
      }
    }
  }
}
