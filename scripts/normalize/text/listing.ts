/**
 * A text that is all table (a listing of releases or events, newest first, with no running
 * text): its first row gives the date and the summary, as a careful editor would take them.
 */
import type { VFile } from 'vfile';
import type { Options as MessageOptions } from 'vfile-message';
import { withoutDateline } from './dateline.js';
import { findDate } from './dates.js';
import { reportGuess } from './guessed.js';
import { isSummaryText, summarize } from './summary.js';

/** The first date in the first row's cells, reported as a guess at the table's place. */
export function listingDate(file: VFile, row: readonly string[], place: MessageOptions['place']): string | undefined {
  const found = row.map((cell) => findDate(cell.slice(0, 120))).find((d) => d !== undefined);
  if (found) reportGuess(file, 'date', found.iso, 'the first date in the first row of the table the text is made of', place);
  return found?.iso;
}

/** The first cell of the first row that reads as a summary (a sentence of eight words or more, not the title). */
export function listingSummary(row: readonly string[], title: string): string | undefined {
  const text = row.find((cell) => isSummaryText(cell, title));
  return text ? summarize(withoutDateline(text)) : undefined;
}
