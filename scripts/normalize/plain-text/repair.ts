/**
 * The first step of every plain-text reader: characters a PDF extraction or OCR got wrong,
 * and a web page's shortcodes.
 */
import type { VFile } from 'vfile';
import { fixOcrIll, id as ocrIllId } from '../rules/ocr-ill.js';
import * as extraction from '../rules/extraction-characters.js';
import * as shortcodes from '../rules/web-shortcodes.js';
import * as glued from '../rules/glued-blocks.js';
import { placeAt } from '../text/place.js';
import { recordRemoved } from '../text/source-lines.js';
import { report } from '../../core/rules.js';

/** Apply the `extraction-characters` and `ocr-ill` rules to the whole text, with notes. */
export function repairText(file: VFile, original: string): string {
  const characters = extraction.fixExtractionCharacters(original);
  if (characters.first !== undefined) {
    report(file, extraction.id, `replaced characters of the PDF extraction: ${extraction.describe(characters.counts)}`, {
      place: placeAt(original, characters.first),
      severity: 'info',
    });
  }
  const stripped = shortcodes.removeShortcodes(characters.text);
  if (stripped.removed.length) {
    const codes = stripped.removed.map((code) => ({ ...placeAt(characters.text, code.offset), text: code.text }));
    recordRemoved(file, codes, shortcodes.id);
    report(
      file,
      shortcodes.id,
      `removed ${stripped.removed.length} shortcode${stripped.removed.length === 1 ? '' : 's'} of a web page (markup, not words)`,
      {
        place: placeAt(characters.text, stripped.removed[0]!.offset),
        severity: 'info',
      },
    );
  }
  const split = glued.splitGluedBlocks(stripped.text);
  for (const offset of split.offsets) {
    report(file, glued.id, 'a block of the page ran into the next with no line break between them: a line break is put there', {
      place: placeAt(stripped.text, offset),
      severity: 'info',
    });
  }
  const text = split.text;
  const fixed = fixOcrIll(text);
  for (const offset of fixed.offsets) {
    report(file, ocrIllId, 'read `III` as `Ill` (an OCR confusion; a Roman numeral makes no sense here)', {
      place: placeAt(text, offset),
      severity: 'info',
    });
  }
  return fixed.text;
}
