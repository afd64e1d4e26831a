/**
 * Break a tagline over lines: at line breaks in the configuration, or before a list joined
 * by bullets ("KEEPING THE INTERNET OPEN • INNOVATIVE • FREE" → "KEEPING THE INTERNET" /
 * "OPEN • INNOVATIVE • FREE"); otherwise the column's width wraps it.
 */
export function taglineLines(tagline: string): string[] {
  const explicit = tagline.split(/\s*\n\s*/).filter(Boolean);
  if (explicit.length !== 1) return explicit;
  const m = /^(.*?\S)\s+(\S+\s*[•·|]\s*.*)$/u.exec(tagline.trim());
  return m && /[•·|]/u.test(m[2]!) && !/[•·|]/u.test(m[1]!) ? [m[1]!, m[2]!] : [tagline.trim()];
}
