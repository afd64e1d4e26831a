/**
 * The text's contacts: a contact block's at the top, and the press contacts its blocks
 * name (once each).
 */
import type { Contact } from '../../core/types.js';
import { findContacts } from '../text/contacts.js';
import type { Block } from '../text/blocks.js';

export function contactsOf(blockContacts: readonly Contact[], blocks: readonly Block[]): Contact[] {
  return blockContacts
    .concat(
      findContacts(
        blocks.flatMap((b): { text: string; block: boolean }[] =>
          b.type === 'paragraph' ? [{ text: b.text, block: false }] : b.type === 'lines' ? [{ text: b.texts.join(', '), block: true }] : [],
        ),
      ),
    )
    .filter((c, n, all) => all.findIndex((o) => o.name === c.name && (o.email ?? '') === (c.email ?? '')) === n);
}
