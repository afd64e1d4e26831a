/**
 * remarkContentWarnings: report, with their place in the Markdown, the things the HTML
 * stage will leave out or cannot make work, so the author can fix the source:
 *
 * - `raw-html`: HTML in Markdown is never rendered (`<b>x</b>` → dropped).
 * - `unsafe-link`: an address the URL policy refuses (`javascript:`, `data:`, `file:`…; see url-policy.ts); the link becomes text.
 * - `empty-link`: a link with no address, or only `#` (left over from a web page's print export).
 * - `relative-link`: an address relative to some other site (`../x.html`), meaningless on paper.
 * - `empty-link-text`: a link with nothing to click on.
 * - `image-not-printed`: images are not embedded; a remote image becomes a link to it.
 */
import type { Link, Image, Root, Html, Definition, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { checkUrl } from '../../core/url-policy.js';
import { walkTree } from './walk-tree.js';
import { report, type RuleId } from '../../core/rules.js';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** Schemes that run code or read local files where a browser follows them. */
const SCRIPTABLE = /^(?:javascript|vbscript|data|file|blob|filesystem)$/i;

export default function remarkContentWarnings() {
  return (tree: Root, file: VFile) => {
    const warn = (reason: string, node: Link | Image | Html | Definition, ruleId: RuleId) =>
      report(file, ruleId, reason, { place: node.position });

    walkTree<Nodes>(tree, (node) => {
      if (node.type === 'html') {
        warn('raw HTML is not allowed in a brief and was left out', node, 'raw-html');
      } else if (node.type === 'link' || node.type === 'definition') {
        const label = node.type === 'link' ? toString(node) : (node.label ?? node.identifier);
        const url = node.url.trim();
        const checked = url.startsWith('#') ? undefined : checkUrl(url);
        const scheme = SCHEME.exec(url.replace(/[\t\n\r]/g, ''))?.[1];
        if (url === '' || url === '#') {
          warn(`link “${label}” has no address; it is printed as plain text`, node, 'empty-link');
        } else if (checked && !checked.ok && scheme && SCRIPTABLE.test(scheme)) {
          warn(`removed the unsafe address \`${scheme.toLowerCase()}:…\` of link “${label}”`, node, 'unsafe-link');
        } else if (checked && !checked.ok && scheme) {
          warn(
            `link “${label}”: the address \`${scheme.toLowerCase()}:…\` is not a web, e-mail or phone address; it is printed as plain text`,
            node,
            'unsafe-link',
          );
        } else if (checked && !checked.ok) {
          warn(`link “${label}” has the relative address ${url}; it is printed as plain text`, node, 'relative-link');
        }
        if (node.type === 'link' && label.trim() === '' && !node.children.some((c) => c.type === 'image')) {
          warn(`link to ${url || 'nowhere'} has no text to click on`, node, 'empty-link-text');
        }
      } else if (node.type === 'image') {
        const remote = /^https?:/i.test(node.url);
        warn(
          remote
            ? `image ${node.url} is not embedded; it is printed as a link`
            : `image ${node.url || '(no address)'} is not embedded and was left out`,
          node,
          'image-not-printed',
        );
      }
    });
  };
}
