/**
 * The colours derived from `print.accent` for screens: the accent itself for rules and
 * fills, a version dark enough for text on white (WCAG AA, 4.5:1), the text colour that
 * reads on an accent fill, and a light tint for shaded boxes.
 */
export interface AccentColours {
  accent: string;
  accentText: string;
  onAccent: string;
  tint: string;
  /** For dark mode (the reader's system setting): a light version of the accent for text, and a dark tint that it reads on. */
  accentTextDark: string;
  tintDark: string;
}

/** The page's background in dark mode (site.css `--paper`). */
export const DARK_PAPER = '#17181a';

type Rgb = [number, number, number];

const parse = (hex: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(parse(a)), luminance(parse(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const mix = (rgb: Rgb, toward: number, amount: number): Rgb => rgb.map((c) => c + (toward - c) * amount) as Rgb;

export function accentColours(accent: string): AccentColours {
  const rgb = parse(accent);
  let accentText = accent.toLowerCase();
  for (let amount = 0.05; contrastRatio(accentText, '#ffffff') < 4.6 && amount <= 1; amount += 0.05) {
    accentText = toHex(mix(rgb, 0, amount));
  }
  const onAccent = contrastRatio(accent, '#ffffff') >= contrastRatio(accent, '#111111') ? '#ffffff' : '#111111';
  const dark = parse(DARK_PAPER);
  const tintDark = toHex(rgb.map((c, i) => c + (dark[i]! - c) * 0.78) as Rgb);
  let accentTextDark = accent.toLowerCase();
  for (let amount = 0.05; contrastRatio(accentTextDark, tintDark) < 4.6 && amount <= 1; amount += 0.05) {
    accentTextDark = toHex(mix(rgb, 255, amount));
  }
  return { accent: accent.toLowerCase(), accentText, onAccent, tint: toHex(mix(rgb, 255, 0.9)), accentTextDark, tintDark };
}
