/**
 * Windows-1252, written out: Node 20's `TextDecoder('windows-1252')` drops the bytes
 * 0x80–0x9F (€, ‘, ’, “, ”, –, — …) instead of mapping them, which is exactly the range
 * that matters for old office documents and for mojibake.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The character of each byte 0x00–0xFF. */
const CHARS: string[] = Array.from({ length: 256 }, (_, byte) =>
  String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? HIGH[byte - 0x80]! : byte),
);

/** Character → byte, for re-encoding. */
export const CP1252_BYTE = new Map<string, number>(CHARS.map((char, byte) => [char, byte]));

export function decodeCp1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += CHARS[byte];
  return text;
}
