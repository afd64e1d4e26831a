/**
 * Characters no output may hold: the C0 controls but tab, line feed and carriage return
 * (ESC, BEL, NUL…), U+FFFE and U+FFFF, and halves of surrogate pairs. XML forbids them, so
 * one in a title made feed.xml and the sitemap invalid, and they mean nothing on a page or
 * in a PDF. They are removed once, where text enters: a source's decoded text and the
 * values of its front matter (YAML's `"\e"` escapes make them too).
 */

const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// The same but form feed, which marks page breaks the normalizer's rules still need.

const FORBIDDEN_BUT_FORM_FEED =
  /[\u0000-\u0008\u000b\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface Stripped {
  text: string;
  /** How many were removed, and the offset (in the text given) and code point of the first. */
  count: number;
  first?: { index: number; codePoint: number };
}

/** `text` without the characters no output may hold (`keepFormFeed`: but form feeds). */
export function stripControlCharacters(text: string, options: { keepFormFeed?: boolean } = {}): Stripped {
  const pattern = options.keepFormFeed ? FORBIDDEN_BUT_FORM_FEED : FORBIDDEN;
  pattern.lastIndex = 0;
  const found = pattern.exec(text);
  if (!found) return { text, count: 0 };
  let count = 0;
  const stripped = text.replace(pattern, () => {
    count++;
    return '';
  });
  return { text: stripped, count, first: { index: found.index, codePoint: found[0].codePointAt(0)! } };
}

/** `U+001B (ESC)` */
export function describeCodePoint(codePoint: number): string {
  const names: Record<number, string> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 11: 'VT', 12: 'FF', 27: 'ESC' };
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return names[codePoint] ? `${hex} (${names[codePoint]})` : hex;
}

/** Every string inside a value (front matter) without the characters no output may hold; how many were removed. */
export function stripControlCharactersDeep<T>(value: T): { value: T; count: number; first?: number } {
  let count = 0;
  let first: number | undefined;
  const result = mapStringsDeep(value, (text) => {
    const s = stripControlCharacters(text);
    if (s.count) {
      count += s.count;
      first ??= s.first!.codePoint;
    }
    return s.text;
  });
  return count ? { value: result, count, first } : { value, count };
}

/** `value` with `change` applied to every string in it, in arrays and plain objects at any depth. */
export function mapStringsDeep<T>(value: T, change: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return change(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
