/**
 * One packet, from its briefs' printed PDFs to its own PDF: lay it out, print the front
 * (cover, contents, folios) with the project's printer, assemble it with pdf-lib and set
 * its metadata as a brief's is set. Used by the build and by `npm run packet`.
 */
import type { BuildConfig, PacketSpec } from '../core/config.js';
import type { ManifestEntry } from '../core/types.js';
import type { PdfInfo } from '../print/pdf-metadata.js';
import type { Printer } from '../print/printer.js';
import { longDate } from '../render/template-filters.js';
import { assemblePacket } from './assemble-packet.js';
import { layoutPacket, type PacketLayout } from './packet-layout.js';
import { createFrontRenderer } from './packet-front.js';

export interface PacketBrief {
  entry: ManifestEntry;
  /** The brief's PDF as printed. */
  pdf: Uint8Array;
}

export interface MadePacket {
  pdf: Uint8Array;
  layout: PacketLayout;
  /** Pages of the cover and contents. */
  frontPages: number;
}

/** How many times the front is printed again when the contents turn out longer than laid out. */
const MAX_FRONT_PRINTS = 4;

export const CONTENTS_TITLE = 'Contents';

export async function makePacket(
  config: BuildConfig,
  packet: Pick<PacketSpec, 'title' | 'event' | 'date'>,
  briefs: readonly PacketBrief[],
  printer: Printer,
  pageUrl?: string,
): Promise<MadePacket> {
  const front = createFrontRenderer(config);
  const info = packetInfo(config, packet, briefs);
  const briefPages = briefs.map((b) => b.entry.pages);
  // The contents' length decides where the briefs start, which the contents show: lay out
  // for one page of contents, and again for as many as it really took.
  let contentsPages = 1;
  for (let attempt = 1; ; attempt++) {
    const layout = layoutPacket(1 + contentsPages, briefPages);
    const folios = folioTexts(packet.title, layout);
    const html = front.render({
      packet,
      briefs: briefs.map((b) => b.entry),
      starts: layout.starts,
      pages: layout.pages,
      folios,
      ...(pageUrl ? { pageUrl } : {}),
    });
    const printed = await printer.print(html, info);
    const printedContents = printed.pages - 1 - folios.length;
    if (printedContents === contentsPages || attempt >= MAX_FRONT_PRINTS) {
      if (printedContents !== contentsPages) throw new Error(`the contents took ${printedContents} pages, laid out for ${contentsPages}`);
      const pdf = await assemblePacket({
        front: printed.pdf,
        frontPages: 1 + contentsPages,
        briefs: briefs.map((b) => ({ title: b.entry.title, pdf: b.pdf })),
        layout,
        contentsTitle: CONTENTS_TITLE,
        info,
      });
      return { pdf, layout, frontPages: 1 + contentsPages };
    }
    contentsPages = Math.max(1, printedContents);
  }
}

/** The folio of each page after the cover that is not left blank: the packet's title and the page number. */
export function folioTexts(title: string, layout: PacketLayout): string[] {
  const blanks = new Set(layout.blanks);
  const folios: string[] = [];
  for (let page = 2; page <= layout.pages; page++) if (!blanks.has(page)) folios.push(`${title} · ${page}`);
  return folios;
}

/** The packet's document metadata: its title, the organization, what it holds, every brief's tags. */
export function packetInfo(
  config: BuildConfig,
  packet: Pick<PacketSpec, 'title' | 'event' | 'date'>,
  briefs: readonly PacketBrief[],
): PdfInfo {
  const when = [packet.event, packet.date ? longDate(packet.date, config.site.language) : undefined].filter(Boolean).join(', ');
  const n = briefs.length;
  return {
    title: packet.title,
    authors: [config.organization.name],
    subject: `Briefing packet of ${n} ${n === 1 ? 'brief' : 'briefs'}${when ? ` for ${when}` : ''}: ${briefs.map((b) => b.entry.title).join('; ')}`,
    keywords: [...new Set(briefs.flatMap((b) => b.entry.tags))],
    ...(packet.date ? { date: packet.date } : {}),
    language: config.site.language,
    paper: config.print.paper,
  };
}
