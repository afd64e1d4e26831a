/** The one URL policy (url-policy.ts): what it lets through, what it refuses, as a browser would read the address. */
import { describe, expect, it } from 'vitest';
import { checkUrl, safeUrl, safeWebUrl, withSafeLinks } from '../../scripts/core/url-policy.js';

describe('url policy', () => {
  it.each([
    'https://example.org/x?y=1#z',
    'http://example.org',
    'mailto:press@example.org',
    'tel:+12025550100',
    '  https://example.org/padded  ',
  ])('allows %j', (url) => {
    expect(checkUrl(url)).toEqual({ ok: true, url: url.trim() });
  });

  it.each([
    'javascript:alert(document.domain)',
    '  javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:https://example.org/1',
    'xmpp:press@example.org',
    '//evil.example/x',
    '\\\\evil.example\\x',
    'http://',
    'https:/',
    '',
    '   ',
  ])('refuses %j', (url) => {
    expect(checkUrl(url).ok).toBe(false);
    expect(safeUrl(url)).toBeUndefined();
  });

  it('allows a relative address only where the caller asks (links inside the archive)', () => {
    expect(safeUrl('../tags/net.html')).toBeUndefined();
    expect(safeUrl('../tags/net.html', { relative: true })).toBe('../tags/net.html');
    expect(safeUrl('//evil.example/', { relative: true })).toBeUndefined();
  });

  it('gives web addresses only for QR codes, canonical links and feed ids', () => {
    expect(safeWebUrl('mailto:a@example.org')).toBeUndefined();
    expect(safeWebUrl(' https://example.org/ ')).toBe('https://example.org/');
  });

  it('leaves refused front matter addresses out and says which', () => {
    const { data, refused } = withSafeLinks({
      title: 'T',
      source_url: ' javascript:alert(1)',
      authors: [{ name: 'Eve', url: 'data:text/html,x' }, { name: 'Ann', url: 'https://example.org/ann' }, { name: 'Bo' }],
    });
    expect(data).toEqual({ title: 'T', authors: [{ name: 'Eve' }, { name: 'Ann', url: 'https://example.org/ann' }, { name: 'Bo' }] });
    expect(refused.map((r) => r.key)).toEqual(['source_url', 'authors.0.url']);
  });
});
