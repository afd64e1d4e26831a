/**
 * What Chromium's tagging leaves to be done for PDF/UA-1, done on its objects in place:
 *
 * - list items: Chromium writes `LI` → `Lbl` + the item's content; the content goes into an
 *   `LBody` (a lone `NonStruct` is renamed, anything else is wrapped in a new `LBody`);
 * - element types: a `NonStruct` that opens with a heading is a section (`Sect`); one with
 *   other elements in it a `Div`; one that holds only content (a run of text) a `Span`;
 * - types PDF 1.7 does not define (Chromium writes PDF 2.0's `Aside`, `Em`, `Strong`, …) are
 *   role-mapped to the 1.7 types they refine, in the structure tree root's /RoleMap;
 * - every link annotation gets a description (/Contents) from its target;
 * - page content outside the structure tree (the @page margin boxes: running header, footer,
 *   page numbers) becomes an artifact (mark-artifacts.ts).
 *
 * Everything else Chromium wrote (headings, paragraphs, tables with their scopes, figures
 * with their alternate text, the parent tree) is kept as it is.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { type DictEntry, getEntry, parsePdfArray, parseReference, setEntry } from './pdf-dict.js';
import { markArtifactsInBytes } from './mark-artifacts.js';
import { encodeTextString, decodeTextString } from './pdf-text-string.js';
import type { PdfObjects } from './splice-pdf-metadata.js';

/** PDF 2.0 types Chromium may write, as the PDF 1.7 types they refine. */
const ROLE_MAP: Record<string, string> = {
  Aside: 'Sect',
  Em: 'Span',
  Strong: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  DocumentFragment: 'Div',
};

const HEADING = /^H[1-6]?$/;

interface Element {
  ref: string;
  entries: DictEntry[];
  type: string;
  /** The /K items as written. */
  kids: string[];
}

/** Apply the fixes; returns the catalog's entries (unchanged: the edits are to other objects). */
export function tagForPdfUa(objects: PdfObjects, catalog: DictEntry[]): DictEntry[] {
  const rootRef = getEntry(catalog, '/StructTreeRoot');
  if (rootRef !== undefined) fixStructure(objects, rootRef);
  const pagesRef = getEntry(catalog, '/Pages');
  if (pagesRef !== undefined) {
    for (const pageRef of pageRefs(objects, pagesRef)) {
      const page = objects.read(pageRef);
      describeLinks(objects, page.entries);
      markPageArtifacts(objects, page.entries);
    }
  }
  return catalog;
}

function fixStructure(objects: PdfObjects, rootRef: string): void {
  const root = objects.read(rootRef);
  const seen = new Set<string>();
  const used = new Set<string>();
  const elementOf = (ref: string): Element | undefined => {
    if (parseReference(ref) === undefined || seen.has(ref)) return undefined;
    const entries = objects.entriesOf(ref);
    const type = getEntry(entries, '/S')?.slice(1);
    if (type === undefined || getEntry(entries, '/Type') === '/MCR' || getEntry(entries, '/Type') === '/OBJR') return undefined;
    seen.add(ref);
    const k = getEntry(entries, '/K');
    return { ref, entries, type, kids: k === undefined ? [] : parsePdfArray(k) };
  };
  const rename = (element: Element, type: string) => {
    element.entries = setEntry(element.entries, '/S', `/${type}`);
    element.type = type;
    objects.change(refOf(element.ref), element.entries);
  };

  const visit = (element: Element): void => {
    const children = element.kids.map((kid) => (parseReference(kid) ? elementOf(kid) : undefined));
    const elementKids = children.filter((c): c is Element => c !== undefined);
    if (element.type === 'LI') wrapListBody(element, elementKids);
    for (const child of elementKids) visit(child);
    if (element.type === 'NonStruct') {
      const first = elementKids[0];
      if (first && HEADING.test(first.type)) rename(element, 'Sect');
      else if (elementKids.length > 0) rename(element, 'Div');
      else rename(element, 'Span');
    }
    used.add(element.type);
  };

  /** An LI holds a Lbl and an LBody: a lone NonStruct becomes the LBody, anything else goes into a new one. */
  const wrapListBody = (element: Element, elementKids: Element[]) => {
    const body = elementKids.filter((c) => c.type !== 'Lbl' && c.type !== 'LBody');
    if (body.length === 1 && body[0]!.type === 'NonStruct') return rename(body[0]!, 'LBody');
    if (body.length === 0) return;
    const lbody = objects.add([
      { key: '/Type', value: '/StructElem' },
      { key: '/S', value: '/LBody' },
      { key: '/P', value: element.ref },
      { key: '/K', value: `[${body.map((c) => c.ref).join(' ')}]` },
    ]);
    used.add('LBody');
    for (const child of body) {
      child.entries = setEntry(child.entries, '/P', lbody);
      objects.change(refOf(child.ref), child.entries);
    }
    const moved = new Set(body.map((c) => c.ref));
    const kids: string[] = [];
    for (const kid of element.kids) {
      if (!moved.has(kid)) kids.push(kid);
      else if (kid === body[0]!.ref) kids.push(lbody);
    }
    element.entries = setEntry(element.entries, '/K', `[${kids.join(' ')}]`);
    element.kids = kids;
    objects.change(refOf(element.ref), element.entries);
  };

  const top = getEntry(root.entries, '/K');
  for (const kid of top === undefined ? [] : parsePdfArray(top)) {
    const element = elementOf(kid);
    if (element) visit(element);
  }

  const roles = [...used].filter((type) => ROLE_MAP[type] !== undefined).sort();
  if (roles.length) {
    if (getEntry(root.entries, '/RoleMap') !== undefined) return;
    const roleMap = `<<${roles.map((type) => `/${type} /${ROLE_MAP[type]}`).join(' ')}>>`;
    objects.change(root, setEntry(objects.entriesOf(rootRef), '/RoleMap', roleMap));
  }
}

function refOf(ref: string): { num: number; gen: number } {
  return parseReference(ref)!;
}

function pageRefs(objects: PdfObjects, nodeRef: string, depth = 0): string[] {
  const node = objects.read(nodeRef);
  if (getEntry(node.entries, '/Type') === '/Page') return [nodeRef];
  if (depth > 32) return [];
  const kids = getEntry(node.entries, '/Kids');
  return (kids === undefined ? [] : parsePdfArray(kids)).flatMap((kid) => pageRefs(objects, kid, depth + 1));
}

/** A link annotation's /Contents: where it leads, as a reader would say it. */
export function linkDescription(uri: string): string {
  const [scheme, ...rest] = uri.split(':');
  const target = rest.join(':');
  const decoded = (() => {
    try {
      return decodeURIComponent(target.split('?')[0]!);
    } catch {
      return target;
    }
  })();
  switch (scheme?.toLowerCase()) {
    case 'mailto':
      return `E-mail ${decoded}`;
    case 'tel':
      return `Telephone ${decoded}`;
    default:
      return `Link to ${uri}`;
  }
}

function describeLinks(objects: PdfObjects, page: DictEntry[]): void {
  const annots = getEntry(page, '/Annots');
  if (annots === undefined) return;
  for (const ref of parsePdfArray(annots)) {
    if (!parseReference(ref)) continue;
    const annot = objects.read(ref);
    if (getEntry(annot.entries, '/Subtype') !== '/Link' || getEntry(annot.entries, '/Contents') !== undefined) continue;
    const action = getEntry(annot.entries, '/A');
    const uriValue = action?.startsWith('<<') ? /\/URI\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(action)?.[1] : undefined;
    const uri = uriValue === undefined ? undefined : decodeTextString(uriValue);
    const description = uri ? linkDescription(uri) : 'Link within this document';
    objects.change(annot, setEntry(annot.entries, '/Contents', encodeTextString(description)));
  }
}

function markPageArtifacts(objects: PdfObjects, page: DictEntry[]): void {
  const contents = getEntry(page, '/Contents');
  // One stream per page, as Chromium writes: an array of them is left as it is.
  if (contents === undefined || !parseReference(contents)) return;
  const stream = objects.readStream(contents);
  const filter = getEntry(stream.entries, '/Filter');
  if (filter !== undefined && filter !== '/FlateDecode') return;
  if (getEntry(stream.entries, '/DecodeParms') !== undefined) return;
  const raw = filter ? inflateSync(stream.data) : stream.data;
  const marked = markArtifactsInBytes(raw);
  if (marked === undefined) return;
  // The fastest level: five times quicker than the default, for a page's stream a kilobyte or so larger.
  objects.changeStream(stream, stream.entries, filter ? deflateSync(marked, { level: 1 }) : marked);
}
