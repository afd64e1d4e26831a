/** 11. The dev server's Host check (DNS rebinding): its own names with its port, nothing else. */
import { describe, expect, it } from 'vitest';
import { isAllowedHost } from '../../scripts/dev/allowed-host.js';

describe('isAllowedHost', () => {
  it('accepts 127.0.0.1, localhost and [::1] with the port', () => {
    for (const host of ['127.0.0.1:4173', 'localhost:4173', 'LocalHost:4173', '[::1]:4173'])
      expect(isAllowedHost(host, 4173), host).toBe(true);
  });

  it('refuses any other name, another port, no port, or no Host', () => {
    for (const host of [
      'evil.example:4173',
      'localhost',
      'localhost:4174',
      '127.0.0.1.evil.example:4173',
      '[::1]',
      'localhost:4173:80',
      '',
      undefined,
    ])
      expect(isAllowedHost(host, 4173), String(host)).toBe(false);
  });
});
