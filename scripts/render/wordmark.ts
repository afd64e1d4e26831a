/**
 * The drawn wordmark: the organization's short name set in bold capitals, white on a
 * solid box in the accent colour, as numbers for `templates/partials/wordmark.njk` to
 * draw as SVG (no markup is built here). Not anyone's real logo: a typeset placeholder an
 * organization replaces with `organization.logo`.
 */
import type { BuildConfig } from '../core/config.js';

export interface Wordmark {
  text: string;
  /** SVG user units; the template scales the SVG to the letterhead column. */
  width: number;
  height: number;
  fontSize: number;
  /** Baseline of the text, and the width the letters are spread over (`textLength`). */
  baseline: number;
  textX: number;
  textLength: number;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'on', 'in', 'at', 'to', '&', '+']);

/** "Center for Democracy & Technology" → "CDT". */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  return (
    words
      .map((w) => [...w][0]!.toUpperCase())
      .join('')
      .slice(0, 6) || name.slice(0, 3).toUpperCase()
  );
}

export function wordmark(config: BuildConfig): Wordmark {
  const text = (config.organization.short_name ?? initials(config.organization.name)).toUpperCase();
  const letters = [...text].length;
  const fontSize = 40;
  const height = 56;
  // Bold capitals of Source Sans 3 average about 0.6 em; pad 0.35 em each side.
  const textLength = Math.round(letters * fontSize * 0.6 + Math.max(0, letters - 1) * fontSize * 0.06);
  const padding = Math.round(fontSize * 0.35);
  return {
    text,
    width: textLength + 2 * padding,
    height,
    fontSize,
    baseline: Math.round(height / 2 + fontSize * 0.34),
    textX: padding,
    textLength,
  };
}
