/**
 * Text the PDF reader keeps aside while it builds blocks, with a token in its place, and
 * writes back into the Markdown at the end: links (the text of a link annotation, so that
 * nothing turns it into a link of its own), code spans, and whole blocks already written
 * as Markdown (tables, code blocks, footnotes). A footnote call (layout-lines.ts) becomes
 * `[^n]`, and bold and italic text (read in table cells) `**…**` and `*…*`. Tokens are
 * Unicode noncharacters, which no text holds.
 */
import { keepHyphen, type WordSet } from '../rules/dehyphenate.js';
import { joinWrapped } from '../text/blocks.js';
import { escapeText } from '../text/inline.js';
import { parseItem } from '../text/list-items.js';
import { codeSpan } from './code.js';
import type { LineSegment, PdfLine } from './layout-lines.js';

/** Where bold and italic text starts and ends: bold outside, italic inside. */
const [BOLD, UNBOLD, ITALIC, UNITALIC] = ['\uFDD7', '\uFDD8', '\uFDD9', '\uFDDA'];

/** Text (as `textOf` gives it) wholly in one run of bold or italic type. */
export function whollyEmphasized(text: string): boolean {
  const t = text.trim();
  const marks = /^(\uFDD7?\uFDD9?)[^\uFDD7-\uFDDA]+(\uFDDA?\uFDD8?)$/.exec(t);
  return !!marks && marks[1] !== '' && marks[1]!.length === marks[2]!.length;
}

/** A segment's own text in its emphasis marks (spaces outside them); text of punctuation alone is not marked. */
function emphasized(segment: LineSegment, own: string): string {
  const core = own.trim();
  if (!(segment.bold || segment.italic) || !/[\p{L}\p{N}]/u.test(core)) return own;
  const [open, close] = [
    (segment.bold ? BOLD : '') + (segment.italic ? ITALIC : ''),
    (segment.italic ? UNITALIC : '') + (segment.bold ? UNBOLD : ''),
  ];
  return `${/^\s*/.exec(own)![0]}${open}${core}${close}${/\s*$/.exec(own)![0]}`;
}

/** Only links a brief can keep (the same schemes as the renderer lets through). */
const safeUrl = (url: string) => /^(?:https?:|mailto:|tel:)/i.test(url);

export interface KeptAside {
  /**
   * Lines as one text (lines joined, hyphenation undone), links and code spans kept aside; `stripMarker`: the first
   * line's list marker goes (or what the function given leaves of the first line's text, from its start).
   */
  textOf(lines: readonly PdfLine[], stripMarker?: boolean | ((text: string) => string)): string;
  /** Keep a block's Markdown aside: the token a paragraph holds in its place. */
  keepBlock(markdown: string): string;
  /** A text's words as a reader sees them: links and spans written out, footnote calls gone. */
  plain(text: string): string;
  /** Markdown with everything kept aside written back. */
  restore(markdown: string): string;
}

export function keptAside(words: WordSet): KeptAside {
  const links: { url: string; text: string; code?: boolean }[] = [];
  const spans: string[] = [];
  const blocks: string[] = [];
  return {
    textOf(lines, stripMarker = false) {
      let text = '';
      lines.forEach((line, n) => {
        let lineText = '';
        // The list marker goes from the start of the line, over as many segments as it takes ("1." then bold type).
        const full = line.segments.map((s) => s.text).join('');
        const strip = typeof stripMarker === 'function' ? stripMarker : withoutMarker;
        let marker = n === 0 && stripMarker ? full.length - strip(full).length : 0;
        line.segments.forEach((segment) => {
          let own = segment.text;
          if (marker > 0) {
            const cut = Math.min(marker, own.length);
            own = own.slice(cut);
            marker -= cut;
          }
          const lead = /^\s*/.exec(own)![0];
          const trail = /\s*$/.exec(own)![0];
          if (segment.url && safeUrl(segment.url) && own.trim()) {
            links.push({ url: segment.url, text: own.trim(), ...(segment.code ? { code: true } : {}) });
            lineText += emphasized(segment, `${lead}\uFDD0${links.length - 1}\uFDD1${trail}`);
          } else if (segment.code && own.trim()) {
            spans.push(own.trim());
            lineText += `${lead}\uFDD2${spans.length - 1}\uFDD3${trail}`;
          } else lineText += emphasized(segment, own);
        });
        text = n === 0 ? lineText.trim() : joinEmphasized(text, lineText, words);
      });
      // One link over two lines is one link.
      return (
        text
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/\uFDD0(\d+)\uFDD1 \uFDD0(\d+)\uFDD1/g, (whole, a: string, b: string) => {
            const [first, second] = [links[Number(a)]!, links[Number(b)]!];
            if (first.url !== second.url) return whole;
            first.text += ` ${second.text}`;
            return `\uFDD0${a}\uFDD1`;
          })
          // One code span over two lines is one code span; a browser breaks it at a space or after a hyphen.
          .replace(/\uFDD2(\d+)\uFDD3 \uFDD2(\d+)\uFDD3/g, (_, a: string, b: string) => {
            spans[Number(a)] += `${spans[Number(a)]!.endsWith('-') ? '' : ' '}${spans[Number(b)]}`;
            return `\uFDD2${a}\uFDD3`;
          })
          // Emphasis that goes on over a space or a line break is one stretch of it.
          .replace(new RegExp(`${UNBOLD}( ?)${BOLD}|${UNITALIC}( ?)${ITALIC}`, 'g'), '$1$2')
      );
    },
    keepBlock(markdown) {
      blocks.push(markdown);
      return `\uFDD4${blocks.length - 1}\uFDD4`;
    },
    plain: (text) =>
      text
        .replace(/\uFDD0(\d+)\uFDD1/g, (_, n: string) => links[Number(n)]!.text)
        .replace(/\uFDD2(\d+)\uFDD3/g, (_, n: string) => spans[Number(n)]!)
        .replace(/\uFDD5\d+\uFDD5/g, '')
        .replace(/[\uFDD7-\uFDDA]/g, ''),
    restore: (markdown) =>
      markdown
        .replace(/\uFDD4(\d+)\uFDD4/g, (_, n: string) => blocks[Number(n)]!)
        .replace(/\uFDD5(\d+)\uFDD5/g, '[^$1]')
        .replace(/[\uFDD7\uFDD8]/g, '**')
        .replace(/[\uFDD9\uFDDA]/g, '*')
        .replace(/\uFDD2(\d+)\uFDD3/g, (_, n: string) => codeSpan(spans[Number(n)]!))
        .replace(/\uFDD0(\d+)\uFDD1/g, (_, n: string) => {
          const { url, text, code } = links[Number(n)]!;
          if (!code && (text === url || `mailto:${text}` === url)) return url.startsWith('mailto:') ? `[${text}](${url})` : `<${url}>`;
          return `[${code ? codeSpan(text) : escapeText(text)}](${/[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url})`;
        }),
  };
}

/** The list marker (glyph or number) at the start of an item's text. */
export function withoutMarker(text: string): string {
  return parseItem(text)?.text ?? text;
}

/** Join a line to a paragraph; emphasis that goes on from one line to the next is joined inside it (a word broken at the line end is one). */
function joinEmphasized(before: string, after: string, words: WordSet): string {
  const close = /[\uFDD8\uFDDA]+$/.exec(before.trimEnd())?.[0];
  const open = close
    ? [...close]
        .reverse()
        .map((mark) => (mark === UNBOLD ? BOLD : ITALIC))
        .join('')
    : undefined;
  const next = after.trimStart();
  if (!close || !open || !next.startsWith(open)) return joinLine(before, after, words);
  return joinLine(before.trimEnd().slice(0, -close.length), next.slice(open.length), words);
}

/** Join a line to a paragraph: a hyphenation hyphen (U+2010 or a soft hyphen) goes; a plain one stays unless the text writes the word whole. */
function joinLine(before: string, after: string, words: WordSet): string {
  const tail = before.trimEnd();
  const next = after.trim();
  if (/\p{L}[\u2010\u00ad]$/u.test(tail) && /^\p{L}/u.test(next)) return tail.slice(0, -1) + next;
  // Some engines mark their own hyphenation (U+2010, a soft hyphen); TeX, groff, LibreOffice and InDesign break words with a
  // plain hyphen, as an author writes a compound: the text's own words, then the dictionary, decide ("do-|mestic", "decision-|makers").
  const broken = /(\p{L}+)-$/u.exec(tail);
  const rest = broken ? /^\p{L}+/u.exec(next)?.[0] : undefined;
  if (broken && rest) return keepHyphen(broken[1]!, rest, words) ? tail + next : tail.slice(0, -1) + next;
  return joinWrapped(tail, after, words);
}
