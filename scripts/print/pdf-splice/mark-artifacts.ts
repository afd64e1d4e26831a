/**
 * Mark the page content that Chromium leaves outside the structure tree as artifacts.
 * Chromium tags what it paints for the document's elements (a marked-content sequence with
 * an MCID), but paints the @page margin boxes (running header, footer, "Page x of y")
 * with no marking at all; PDF/UA wants such page furniture to be an `/Artifact`. This
 * walks a decoded content stream's operators and wraps each run of painting operators
 * that lies outside every MCID sequence in `/Artifact BMC … EMC`, at the outermost
 * marked-content level and outside text objects only, so nesting stays proper. A run it
 * cannot wrap so (it would cross a text object or an open sequence) is left as it is.
 */

const NOT_AN_OPERATOR = 0;
const OTHER = 1;
const PAINT = 2;
const BEGIN = 3;
const END = 4;
const BEGIN_TEXT = 5;
const END_TEXT = 6;
const INLINE_IMAGE = 7;

/**
 * What the keyword of `length` characters at `at` is, read from its character codes (no
 * string is made for each of a page's thousands of operators). Painting: Tj TJ ' " S s f F
 * f* B B* b b* sh Do; BDC and BMC begin marked content, EMC ends it.
 */
function operator(s: string, at: number, length: number): number {
  const a = s.charCodeAt(at);
  if (length === 1) return a === 39 || a === 34 || a === 83 || a === 115 || a === 102 || a === 70 || a === 66 || a === 98 ? PAINT : OTHER;
  const b = s.charCodeAt(at + 1);
  if (length === 2) {
    if (a === 84 && (b === 106 || b === 74)) return PAINT; // Tj TJ
    if (b === 42 && (a === 102 || a === 66 || a === 98)) return PAINT; // f* B* b*
    if ((a === 115 && b === 104) || (a === 68 && b === 111)) return PAINT; // sh Do
    if (b === 84) return a === 66 ? BEGIN_TEXT : a === 69 ? END_TEXT : OTHER; // BT ET
    if (a === 66 && b === 73) return INLINE_IMAGE; // BI
    return OTHER;
  }
  if (length === 3) {
    const c = s.charCodeAt(at + 2);
    if (c === 67 && (b === 68 || b === 77)) return a === 66 ? BEGIN : a === 69 && b === 77 ? END : OTHER; // BDC BMC EMC
    return OTHER;
  }
  return NOT_AN_OPERATOR;
}

/** Where `/Artifact BMC` and `EMC` go: at each offset, the text to insert there. */
export type ArtifactInserts = [at: number, text: string][];

/** The content with its unmarked painting wrapped as artifacts, or undefined when nothing needed it. */
export function markArtifacts(content: string): string | undefined {
  const inserts = artifactInserts(content);
  if (inserts.length === 0) return undefined;
  let out = '';
  let from = 0;
  for (const [at, text] of inserts) {
    out += content.slice(from, at) + text;
    from = at;
  }
  return out + content.slice(from);
}

/** The same on a decoded stream's bytes: only the inserted bytes are new, the rest is copied in slices. */
export function markArtifactsInBytes(content: Buffer): Buffer | undefined {
  const inserts = artifactInserts(content.toString('latin1'));
  if (inserts.length === 0) return undefined;
  const parts: Buffer[] = [];
  let from = 0;
  for (const [at, text] of inserts) {
    parts.push(content.subarray(from, at), Buffer.from(text, 'latin1'));
    from = at;
  }
  parts.push(content.subarray(from));
  return Buffer.concat(parts);
}

/**
 * Inside a covered sequence only the marked-content operators (for the nesting), BT/ET (a
 * run may not start inside a text object) and BI (inline image data to skip) matter: this
 * finds the next of them, or a token that could hide one (a literal string, a comment, a
 * dictionary, a hex string, a name), so that most of a page's bytes are passed over by the
 * regular expression engine rather than one character at a time.
 */
const COVERED_TOKEN = /[(%]|<<|<[^>]*>?|\/[^\0\t\n\f\r ()<>[\]{}/%]*|(?:B[DM]C|EMC|[BE]T|BI)(?=[\0\t\n\f\r ()<>[\]{}/%]|$)/g;

/** The inserts that wrap each run of unmarked painting. */
function artifactInserts(content: string): ArtifactInserts {
  // Each open sequence: does it cover its content (an MCID or an Artifact)?
  const open: boolean[] = [];
  let inText = false;
  // The unmarked run being collected: where it may start, and whether it paints.
  let runStart = 0;
  let runPaints = false;
  let runOk = true;
  const inserts: ArtifactInserts = [];
  let operandStart = -1;
  let sawMcid = false;
  const n = content.length;
  let i = 0;

  const closeRun = (at: number) => {
    if (runPaints && runOk) inserts.push([runStart, '/Artifact BMC\n'], [at, '\nEMC\n']);
    runPaints = false;
  };

  // Outside every covered sequence: each token is read, for the painting operators.
  while (i < n) {
    const c = content.charCodeAt(i);
    // whitespace
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0) {
      i++;
      continue;
    }
    const tokenStart = i;
    if (c === 37) {
      // comment
      while (i < n && content.charCodeAt(i) !== 10 && content.charCodeAt(i) !== 13) i++;
      continue;
    }
    if (c === 40) i = literalStringEnd(content, i);
    else if (c === 60 && content.charCodeAt(i + 1) === 60) {
      i = dictionaryEnd(content, i);
      if (/\/MCID\b/.test(content.slice(tokenStart, i))) sawMcid = true;
    } else if (c === 60) {
      const close = content.indexOf('>', i);
      i = close < 0 ? n : close + 1;
    } else if (c === 91 || c === 93 || c === 123 || c === 125 || c === 41 || c === 62) {
      // [ ] { } and a stray ) or >
      i++;
    } else if (c === 47) {
      i++;
      while (i < n && !isBoundary(content.charCodeAt(i))) i++;
    } else if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
      // a number
      i++;
      while (i < n && !isBoundary(content.charCodeAt(i))) i++;
    } else {
      while (i < n && !isBoundary(content.charCodeAt(i))) i++;
      // Operators are one to three characters; anything longer is a keyword operand (true, false, null).
      const op = operator(content, tokenStart, i - tokenStart);
      if (op !== NOT_AN_OPERATOR) {
        const at = operandStart >= 0 ? operandStart : tokenStart;
        operandStart = -1;
        if (op === BEGIN) {
          const covers = sawMcid || content.startsWith('/Artifact', at);
          sawMcid = false;
          if (!covers) {
            open.push(false);
            continue;
          }
          // A covered sequence begins: the unmarked run before it ends here.
          if (open.length > 0 || inText) runOk = false;
          closeRun(at);
          // Everything up to the EMC that closes it is covered, whatever it paints.
          const skipped = skipCovered(content, i, 1, inText);
          if (skipped.at >= n) return inserts;
          i = skipped.at;
          inText = skipped.inText;
          runStart = i;
          runOk = open.length === 0 && !inText;
          runPaints = false;
          continue;
        }
        sawMcid = false;
        if (op === END) open.pop();
        else if (op === BEGIN_TEXT) inText = true;
        else if (op === END_TEXT) inText = false;
        else if (op === INLINE_IMAGE) {
          const end = content.indexOf('EI', content.indexOf('ID', i));
          i = end < 0 ? n : end + 2;
          runPaints = true;
        } else if (op === PAINT) runPaints = true;
        continue;
      }
    }
    if (operandStart < 0) operandStart = tokenStart;
  }
  if (open.length > 0 || inText) runOk = false;
  closeRun(n);
  return inserts;
}

/**
 * From `i`, inside covered marked content `depth` levels deep (counting from the covering
 * sequence), the index just after the EMC that closes the covering sequence (or the end of
 * the content), and whether a text object is open there.
 */
function skipCovered(content: string, i: number, depth: number, inText: boolean): { at: number; inText: boolean } {
  const n = content.length;
  COVERED_TOKEN.lastIndex = i;
  for (let match = COVERED_TOKEN.exec(content); match !== null; match = COVERED_TOKEN.exec(content)) {
    const at = match.index;
    const c = content.charCodeAt(at);
    let end = at + match[0].length;
    if (c === 40) end = literalStringEnd(content, at);
    else if (c === 37) {
      while (end < n && content.charCodeAt(end) !== 10 && content.charCodeAt(end) !== 13) end++;
    } else if (c === 60 && content.charCodeAt(at + 1) === 60) end = dictionaryEnd(content, at);
    else if (c !== 60 && c !== 47 && (at === 0 || isBoundary(content.charCodeAt(at - 1)))) {
      // An operator (not the tail of a longer keyword).
      const a = c;
      const b = content.charCodeAt(at + 1);
      if (b === 84)
        inText = a === 66; // BT ET
      else if (b === 73) {
        const close = content.indexOf('EI', content.indexOf('ID', end));
        end = close < 0 ? n : close + 2;
      } else if (a === 69) {
        if (--depth === 0) return { at: end, inText };
      } else depth++;
    }
    COVERED_TOKEN.lastIndex = end;
  }
  return { at: n, inText };
}

/** Index just after the literal string that starts at `i` (at its `(`). */
function literalStringEnd(content: string, i: number): number {
  const n = content.length;
  let level = 0;
  for (; i < n; i++) {
    const d = content.charCodeAt(i);
    if (d === 92) i++;
    else if (d === 40) level++;
    else if (d === 41 && --level === 0) break;
  }
  return i + 1;
}

/** Index just after the dictionary that starts at `i` (at its `<<`), minding nested dictionaries and strings. */
function dictionaryEnd(content: string, i: number): number {
  const n = content.length;
  let level = 0;
  while (i < n) {
    const d = content.charCodeAt(i);
    if (d === 60 && content.charCodeAt(i + 1) === 60) {
      level++;
      i += 2;
    } else if (d === 62 && content.charCodeAt(i + 1) === 62) {
      level--;
      i += 2;
      if (level === 0) break;
    } else if (d === 40) i = literalStringEnd(content, i);
    else i++;
  }
  return i;
}

/** Whitespace or a delimiter: the end of a name, number or operator. */
function isBoundary(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 13 ||
    c === 9 ||
    c === 12 ||
    c === 0 ||
    c === 40 ||
    c === 41 ||
    c === 60 ||
    c === 62 ||
    c === 91 ||
    c === 93 ||
    c === 123 ||
    c === 125 ||
    c === 47 ||
    c === 37
  );
}
