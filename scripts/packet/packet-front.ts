/**
 * The front of a packet as one HTML document for the printer: the cover, the contents
 * with each brief's first page in the packet, and the folios stamped on the packet's
 * pages, from `templates/packet/packet.njk` with the briefs' own stylesheets and fonts.
 */
import type { BuildConfig, PacketSpec } from '../core/config.js';
import type { ManifestEntry } from '../core/types.js';
import { cssString, organizationContext, PAPER, PRINT_STYLESHEETS } from '../render/print-page.js';
import { qrCode } from '../render/qr-code.js';
import { kindLabel, longDate } from '../render/template-filters.js';
import { createTemplateEngine } from '../render/template-engine.js';

export interface FrontInput {
  packet: Pick<PacketSpec, 'title' | 'event' | 'date'>;
  briefs: readonly ManifestEntry[];
  /** Each brief's first page in the packet. */
  starts: readonly number[];
  /** Pages of the whole packet. */
  pages: number;
  /** The text of each folio page after the cover and contents, in order. */
  folios: readonly string[];
  /** The packet's page online, for the cover's QR code. */
  pageUrl?: string;
}

export const PACKET_TEMPLATE = 'packet/packet.njk';

export function createFrontRenderer(config: BuildConfig): { render(input: FrontInput): string } {
  const env = createTemplateEngine(config.templatesDir);
  env.addFilter('cssString', cssString);
  const org = organizationContext(config);
  const language = config.site.language;
  const paper = config.print.paper;
  return {
    render({ packet, briefs, starts, pages, folios, pageUrl }) {
      return env.render(PACKET_TEMPLATE, {
        page: { lang: language, paper, ...PAPER[paper], accent: config.print.accent, stylesheets: PRINT_STYLESHEETS },
        org,
        qr: pageUrl ? qrCode(pageUrl) : undefined,
        packet: {
          ...packet,
          dateText: packet.date ? longDate(packet.date, language) : undefined,
          pages,
          briefs: briefs.map((b, i) => ({
            title: b.title,
            kindLabel: kindLabel(b.kind),
            dateText: b.date ? longDate(b.date, language) : undefined,
            authors: b.authors.map((a) => a.name).join(', '),
            pages: b.pages,
            start: starts[i],
            summary: b.summary,
          })),
        },
        folios,
      });
    },
  };
}
