declare module 'smartypants' {
  /** SmartyPants over an HTML string, with Unicode characters instead of entities; `attr` as in SmartyPants.pl (`'2'`: `--` en dash, `---` em dash). */
  export function smartypantsu(text?: string, attr?: string | number): string;
}
