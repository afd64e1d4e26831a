/**
 * The template engine: Nunjucks with auto-escaping on, loading from `templates/`.
 * Every value from a source is escaped unless a template marks it `| safe`, which only
 * the sanitized HTML of a brief's body is.
 */
import nunjucks from 'nunjucks';

export function createTemplateEngine(templatesDir: string): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader(templatesDir, { noCache: false });
  return new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
}
