/** A summary for the front matter: the first one or two sentences of the first paragraph. */

const abbreviation =
  /(?:^|[\s(])(?:mr|mrs|ms|dr|prof|st|sen|rep|gov|gen|jr|sr|inc|ltd|co|corp|no|vol|vs|etc|e\.g|i\.e|approx|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.s|u\.k|\p{Lu})\.$/iu;

/** Markdown inline text → plain text (links to their text, escapes removed). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?:\/\/|mailto:)[^>]+)>/g, (_, url: string) => url.replace(/^mailto:/, ''))
    .replace(/\\([\\`*_{}[\]()#+\-.!<>~|&])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Split plain text into sentences, not at abbreviations or initials. */
export function sentences(text: string): string[] {
  const result: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]["”’)]?\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu)) {
    const end = match.index + match[0].trimEnd().length;
    if (abbreviation.test(text.slice(start, match.index + 1))) continue;
    result.push(text.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  if (start < text.length) result.push(text.slice(start).trim());
  return result.filter(Boolean);
}

/** One sentence, or two when the first is short; at most about 300 characters. */
export function summarize(paragraph: string): string | undefined {
  const [first, second] = sentences(plainText(paragraph));
  if (!first) return undefined;
  let summary = first.length < 120 && second && first.length + second.length < 300 ? `${first} ${second}` : first;
  if (summary.length > 320) summary = `${summary.slice(0, 300).replace(/\s+\S*$/, '')}…`;
  return summary;
}
