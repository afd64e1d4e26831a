/**
 * Plain text → Markdown inline content: characters Markdown would misread are escaped,
 * bare URLs and e-mail addresses become links. For web exports, `[text](#) [n]`
 * references become `[text](url)` from the Links list, and dead `[text](#)` links keep
 * only their text.
 */

export interface InlineOptions {
  /** The text already holds Markdown links (web exports): keep them, resolve references. */
  markdownLinks?: boolean;
  /** Numbered links of a web export's Links list. */
  links?: ReadonlyMap<number, string>;
  /** Called for a reference whose number is not in the Links list, and for dead links. */
  onDeadLink?: (text: string, reference?: number) => void;
  /** Called with each reference number used. */
  onReference?: (reference: number) => void;
}

const URL_CHARS = String.raw`[^\s<>"\]\[]`;
const LINK = String.raw`\[((?:[^\[\]]|\[[^\[\]]*\])+)\]\(([^()\s]*)\)(?:\s*\[(\d+)\])?`; // 1 text, 2 target, 3 reference
const AUTOLINK = String.raw`<((?:https?:\/\/|mailto:)[^\s<>]+)>`; // 4 autolink
const BARE_URL = String.raw`\b((?:https?:\/\/|www\.)${URL_CHARS}+)`; // 5 bare URL
const EMAIL_CHAR = String.raw`[\p{L}\p{N}._%+'-]`;
const EMAIL = String.raw`(${EMAIL_CHAR}+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})`; // 6 e-mail

/** The tokens, tried at one position (sticky): the definition of where a token starts. */
const tokenAt = new RegExp([LINK, AUTOLINK, BARE_URL, EMAIL].join('|'), 'uy');
/**
 * The same tokens, searched for: an e-mail address is only tried where a run of its
 * characters starts (its match is the same from anywhere in the run, and searching from
 * each position in the run made this the normalizer's slowest expression). A search
 * never starts inside such a run except right after an address, where `tokenAt` is tried first.
 */
const tokens = new RegExp([LINK, AUTOLINK, BARE_URL, `(?<!${EMAIL_CHAR})${EMAIL}`].join('|'), 'gu');
/** Every token holds one of these; text without any has none. */
const tokenHint = /[[<@]|https?:\/\/|www\./;

/** The tokens of `text`, in order, as `String.prototype.matchAll(tokens)` finds them. */
function findTokens(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  if (!tokenHint.test(text)) return found;
  let afterEmail = false;
  for (let from = 0; from < text.length;) {
    let match: RegExpExecArray | null = null;
    if (afterEmail) {
      tokenAt.lastIndex = from;
      match = tokenAt.exec(text);
    }
    if (!match) {
      tokens.lastIndex = from;
      match = tokens.exec(text);
    }
    if (!match) break;
    afterEmail = match[6] !== undefined;
    from = match.index + match[0].length;
    found.push(match);
  }
  return found;
}

/** Escape what Markdown would read as syntax in plain text. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/** Escape what would start a block construct at the start of a paragraph or list item. */
export function escapeLineStart(text: string): string {
  return text.replace(/^([#>+=]|-(?=\s|-|$))/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Split a trailing punctuation run off a URL ("…pdf." → "…pdf" + "."), keeping balanced parentheses. */
function trimUrl(url: string): [string, string] {
  let end = url.length;
  while (end > 0) {
    const ch = url[end - 1]!;
    if (/[.,;:!?'"’”]/.test(ch)) end--;
    else if (ch === ')' && (url.slice(0, end).match(/\(/g)?.length ?? 0) < (url.slice(0, end).match(/\)/g)?.length ?? 0)) end--;
    else break;
  }
  return [url.slice(0, end), url.slice(end)];
}

export function toInline(raw: string, options: InlineOptions = {}): string {
  const text = raw.replace(/\u00ad/g, ''); // a soft hyphen left at the end of an unjoined line
  let out = '';
  let last = 0;
  for (const match of findTokens(text)) {
    const [whole, linkText, target, reference, autolink, bareUrl, email] = match;
    let replacement: string;
    let consumed = whole;
    if (linkText !== undefined) {
      if (!options.markdownLinks) {
        // Plain text that merely looks like a link: escape it (the URL inside still becomes a link).
        continue;
      }
      const label = linkText.replace(/\s+/g, ' ').trim();
      const number = reference ? Number(reference) : undefined;
      const url = target === '#' || target === '' ? (number !== undefined ? options.links?.get(number) : undefined) : target;
      if (number !== undefined && url) options.onReference?.(number);
      if (url) replacement = `[${label}](${url})`;
      else {
        options.onDeadLink?.(label, number);
        replacement = label;
      }
    } else if (autolink !== undefined) {
      replacement = options.markdownLinks ? whole : `<${autolink}>`;
    } else if (bareUrl !== undefined) {
      const [url, rest] = trimUrl(bareUrl);
      consumed = url;
      replacement = url.startsWith('www.') ? `[${url}](https://${url})` : `<${url}>`;
      out += escapeText(text.slice(last, match.index)) + replacement;
      last = match.index + consumed.length;
      void rest;
      continue;
    } else {
      const address = email!.replace(/\.+$/, '');
      consumed = address;
      replacement = `[${address}](mailto:${address})`;
    }
    out += (options.markdownLinks ? text.slice(last, match.index) : escapeText(text.slice(last, match.index))) + replacement;
    last = match.index + consumed.length;
  }
  out += options.markdownLinks ? text.slice(last) : escapeText(text.slice(last));
  return escapeLineStart(out);
}
