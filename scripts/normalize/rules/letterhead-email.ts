/**
 * Rule `letterhead-email`: a line that is only an e-mail address, optionally labelled.
 *
 *   in:  E info@example.org · Email: press@example.org
 *   out: (removed from the body)
 */
export const id = 'letterhead-email';
export const summary = 'remove letterhead e-mail lines (E info@…, Email: …)';

const shape = /^(?:(?:e|email|e-mail|mail)\.?\s*:?\s*)?<?[\w.+'-]+@[\w-]+(?:\.[\w-]+)+>?$/i;

export function test(text: string): boolean {
  return shape.test(text.trim());
}
