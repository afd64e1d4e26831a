/**
 * The dev server answers only requests addressed to itself: `Host: 127.0.0.1:<port>`,
 * `localhost:<port>` or `[::1]:<port>`. Listening on 127.0.0.1 keeps other machines out,
 * but not a page on another site whose name is made to resolve to 127.0.0.1 (DNS
 * rebinding): the browser then sends that site's name as the Host, and is refused.
 */
const LOCAL_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const at = host.lastIndexOf(':');
  if (at <= 0 || host.slice(at + 1) !== String(port)) return false;
  return LOCAL_NAMES.has(host.slice(0, at).toLowerCase());
}
