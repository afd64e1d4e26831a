/**
 * The printed page: letterhead details from the configuration, the brief's metadata, the
 * QR code only with a site URL, and every value from a source or the configuration
 * escaped (HTML in the markup, CSS escapes inside the page's <style>).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createPageRenderer, cssString, shortTitle } from '../../scripts/render/print-page.js';
import { taglineLines } from '../../scripts/render/tagline-lines.js';
import { parseConfig, resolveConfig, type BuildConfig } from '../../scripts/core/config.js';
import { renderHtml } from '../../scripts/render/markdown-to-html.js';
import type { BriefData } from '../../scripts/core/types.js';

const repo = path.join(import.meta.dirname, '../..');
const sample = readFileSync(path.join(repo, 'briefpress.config.yaml'), 'utf8');

function config(edit: (site: ReturnType<typeof parseConfig>) => void = () => {}): BuildConfig {
  const site = parseConfig(sample, 'briefpress.config.yaml');
  edit(site);
  return resolveConfig(site, repo);
}

async function page(cfg: BuildConfig, data: Partial<BriefData>, body = 'Body text.\n') {
  const full: BriefData = { title: 'A Title', kind: 'brief', date: '2012-10-04', ...data };
  const markdown = `---\ntitle: x\n---\n\n${body}`;
  const file = new VFile({ path: 'dist/briefs/a-title.md', value: markdown });
  const rendered = await renderHtml({ file, reader: 'markdown', slug: 'a-title', data: full, markdown }, file);
  return createPageRenderer(cfg).printPage(rendered);
}

describe('printPage', () => {
  it('carries the letterhead from the configuration', async () => {
    const html = await page(config(), {});
    for (const text of [
      'Center for Democracy &amp; Technology',
      'KEEPING THE INTERNET<br>OPEN • INNOVATIVE • FREE</p>',
      '>www.cdt.org</a>',
      '1634 I Street, NW',
      'Suite 1100',
      'Washington, DC 20006',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('<a href="tel:+12026379800">+1-202-637-9800</a>');
    expect(html).toContain('<li class="fax">+1-202-637-0968</li>');
    expect(html).toContain('<a href="mailto:info@cdt.org">info@cdt.org</a>');
    expect(html).toMatch(/<svg class="wordmark-svg"[^>]*>[\s\S]*>CDT<\/text>/);
    expect(html).toContain('<time datetime="2012-10-04">October 4, 2012</time>');
    expect(html).toContain('<link rel="stylesheet" href="assets/styles/brief.css">');
    expect(html).toContain('@page { size: letter; }');
  });

  it('has a QR code to the brief online only when the site has a URL', async () => {
    const withUrl = await page(config(), {});
    expect(withUrl).toContain('<a href="https://briefs.example.org/briefs/a-title.html"');
    expect(withUrl).toMatch(
      /<div class="qr">\s*<a href="https:\/\/briefs\.example\.org\/briefs\/a-title\.html"><svg role="img" aria-label="QR code: this brief online, https:\/\/briefs\.example\.org\/briefs\/a-title\.html"[^>]*><path d="M\d/,
    );
    const without = await page(
      config((s) => delete s.site.url),
      {},
    );
    expect(without).not.toContain('class="qr"');
    expect(without).not.toContain('briefs.example.org');
    const based = await page(
      config((s) => (s.site.base_path = '/policy/')),
      {},
    );
    expect(based).toContain('https://briefs.example.org/policy/briefs/a-title.html');
  });

  it('escapes hostile titles, metadata and organization values', async () => {
    const evil = '</title><script>alert(1)</script>"; } body { display: none } </style><img src=x onerror=alert(1)>';
    const cfg = config((s) => {
      s.organization.name = evil;
      s.organization.short_name = evil;
      s.organization.tagline = evil;
      s.organization.address = [evil];
    });
    const html = await page(cfg, {
      title: evil,
      summary: evil,
      kind: 'post',
      authors: [{ name: evil, url: 'javascript:alert(1)' }],
      tags: [evil],
      rights: evil,
      source_url: 'javascript:alert(1)',
      contacts: [{ name: evil, email: 'x@example.org' }],
    });
    const tree = fromHtml(html);
    const tags: string[] = [];
    visit(tree, 'element', (node) => {
      tags.push(node.tagName);
      for (const [key, value] of Object.entries(node.properties)) {
        expect(key).not.toMatch(/^on/i);
        expect(String(value)).not.toMatch(/^\s*javascript:/i);
      }
    });
    expect(tags).not.toContain('script');
    expect(tags).not.toContain('img');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // Inside <style>, the running header's text is a CSS string with everything escaped.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(style).not.toMatch(/[<>]|display: none/);
    expect(style).toContain(String(cssString(evil)));
  });

  it('shows a post’s byline, tags, source and rights, and contacts the body does not name', async () => {
    const html = await page(
      config(),
      {
        kind: 'post',
        authors: [{ name: 'Emma Llansó', url: 'https://cdt.org/personnel/emma' }, { name: 'Jim Dempsey' }],
        tags: ['WCIT', 'ITU'],
        source_url: 'https://cdt.org/blogs/x',
        rights: 'Copyright © 2013 CDT.',
        contacts: [
          { name: 'Emma Llansó', email: 'ellanso@cdt.org' },
          { name: 'Jim Dempsey', role: 'VP', email: 'jdempsey@cdt.org' },
        ],
      },
      'Contact <ellanso@cdt.org>.\n',
    );
    expect(html).toContain('By <a href="https://cdt.org/personnel/emma">Emma Llansó</a> and Jim Dempsey');
    expect(html).toContain('<span class="tag">WCIT</span> · <span class="tag">ITU</span>');
    expect(html).toContain('<a href="https://cdt.org/blogs/x">https://cdt.org/blogs/x</a>');
    expect(html).toContain('Copyright © 2013 CDT.');
    expect(html).toContain('<li>Jim Dempsey, VP, <a href="mailto:jdempsey@cdt.org">jdempsey@cdt.org</a></li>');
    expect(html).not.toContain('<li>Emma Llansó');
  });

  it('sets the paper from the brief, then the configuration', async () => {
    expect(await page(config(), { paper: 'a4' })).toContain('@page { size: A4; }');
    expect(
      await page(
        config((s) => (s.print.paper = 'a4')),
        {},
      ),
    ).toContain('@page { size: A4; }');
  });
});

describe('helpers', () => {
  it('breaks a bulleted tagline before its list', () => {
    expect(taglineLines('KEEPING THE INTERNET OPEN • INNOVATIVE • FREE')).toEqual(['KEEPING THE INTERNET', 'OPEN • INNOVATIVE • FREE']);
    expect(taglineLines('Line one\nLine two')).toEqual(['Line one', 'Line two']);
    expect(taglineLines('Just a motto')).toEqual(['Just a motto']);
  });

  it('shortens long titles for the running header', () => {
    expect(shortTitle('Short')).toBe('Short');
    expect(shortTitle('Net Neutrality: What the New Rules Mean for Consumers, Companies and the Courts Alike')).toBe('Net Neutrality');
    expect(shortTitle('ITU Cybersecurity Proposals Threaten Existing Security Efforts, Internet Operations, and Human Rights')).toBe(
      'ITU Cybersecurity Proposals Threaten Existing Security…',
    );
  });
});
