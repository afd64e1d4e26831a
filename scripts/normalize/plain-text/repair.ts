/**
 * The first step of every plain-text reader: characters a PDF extraction or OCR got wrong.
 */
import type { VFile } from 'vfile';
import { fixOcrIll, id as ocrIllId } from '../rules/ocr-ill.js';
import * as extraction from '../rules/extraction-characters.js';
import { placeAt } from '../text/place.js';
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
  const text = characters.text;
  const fixed = fixOcrIll(text);
  for (const offset of fixed.offsets) {
    report(file, ocrIllId, 'read `III` as `Ill` (an OCR confusion; a Roman numeral makes no sense here)', {
      place: placeAt(text, offset),
      severity: 'info',
    });
  }
  return fixed.text;
}
