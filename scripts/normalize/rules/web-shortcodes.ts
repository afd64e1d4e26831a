/**
 * Rule `web-shortcodes`: a WordPress page's shortcodes that leaked into its text when it was
 * saved or exported. A page builder wraps every block in its own ("[vc_row css=…]",
 * "[vc_column_text]", "[/vc_row]" of WPBakery; "[et_pb_section …]" of Divi; "[fusion_text]"
 * of Avada: a name with an underscore), and WordPress itself wraps an image's caption
 * ("[caption id=… align=…]" … "[/caption]"). They are markup, not words: removed, and what
 * they wrapped is kept. Square brackets of a text ("[sic]", "[1]", "[Read more]") have no
 * underscore name, closing form or attributes, and stay.
 *
 *   in:  [vc_row css=”.vc_custom_1{padding-top: 40px}”][vc_column][vc_column_text] There Are Extensive …
 *   out:  There Are Extensive …
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('web-shortcodes');

const CORE = 'caption|embed|gallery|audio|video|playlist';
const shortcode = new RegExp(
  String.raw`\[\/?[a-z][a-z0-9]*_[a-z0-9_]+(?:\s[^\]\n]*)?\]|\[\/(?:${CORE})\]|\[(?:${CORE})\s[^\]\n]*=[^\]\n]*\]`,
  'g',
);

export interface Shortcode {
  /** Where it was in the input. */
  offset: number;
  text: string;
}

/** The text without its shortcodes, and the shortcodes removed. */
export function removeShortcodes(text: string): { text: string; removed: Shortcode[] } {
  const removed: Shortcode[] = [];
  if (!text.includes('[')) return { text, removed };
  const result = text.replace(shortcode, (match: string, offset: number) => {
    removed.push({ offset, text: match });
    return '';
  });
  return { text: result, removed };
}
