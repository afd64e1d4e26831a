/**
 * Is this an English word? Asked of the `word-list` package's list (some 275,000 words,
 * lower case, sorted, one a line), read on the first question only and searched in
 * place by bisection: no set of words is built, so a text that never asks costs nothing
 * and one that asks costs one read of the file.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let list: string | undefined;

export function isEnglishWord(word: string): boolean {
  const target = word.toLowerCase();
  if (!/^[a-z]+$/.test(target)) return false;
  list ??= `\n${readFileSync(wordListPath, 'utf8')}\n`;
  let lo = 0;
  let hi = list.length - 1;
  // Invariant: the word, if listed, starts after a newline at an offset in [lo, hi).
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = list.lastIndexOf('\n', mid) + 1;
    const end = list.indexOf('\n', start);
    if (end === -1 || start >= hi) {
      hi = mid;
      continue;
    }
    const candidate = list.slice(start, end);
    if (candidate === target) return true;
    if (candidate < target) lo = end + 1;
    else hi = start;
  }
  return false;
}
