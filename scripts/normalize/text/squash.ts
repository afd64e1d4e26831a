/** A text's letters and digits only, in lower case: for comparing lines whatever their spacing, punctuation and case. */
export const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
