import { describe, expect, it } from 'vitest';
import { closeLetterSpacing, isLetterSpaced } from '../../scripts/normalize/text/letter-spaced.js';

describe('letter-spaced capitals', () => {
  it('finds the words of tracked capitals in the word list when the text kept no word gaps', () => {
    expect(closeLetterSpacing('F O R R E L E A S E')).toBe('FOR RELEASE');
    expect(closeLetterSpacing('P R E S S S T A T E M E N T')).toBe('PRESS STATEMENT');
    expect(closeLetterSpacing('F O R I M M E D I A T E R E L E A S E')).toBe('FOR IMMEDIATE RELEASE');
    expect(closeLetterSpacing('P O L I C Y')).toBe('POLICY');
  });

  it('parts the words where the text kept wider gaps', () => {
    expect(closeLetterSpacing('K E Y  P O I N T S')).toBe('KEY POINTS');
  });

  it('keeps letters that spell no words as one word (an acronym), and the spaces around the text', () => {
    expect(closeLetterSpacing('C D T X')).toBe('CDTX');
    expect(closeLetterSpacing(' N T I A ')).toBe(' NTIA ');
  });

  it('leaves alone what is not letter-spaced: words, short runs, digits, lower case', () => {
    for (const text of ['FOR RELEASE', 'A B C', '1 2 3 4', 'a b c d', 'Plan A B C D', 'I O U 2']) {
      expect(isLetterSpaced(text)).toBe(false);
      expect(closeLetterSpacing(text)).toBe(text);
    }
  });
});
