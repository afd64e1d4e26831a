/**
 * A parsed YAML document (front matter or the configuration) as data, safely: an alias to
 * no anchor (`summary: *TBD`) or an alias bomb (a few lines that expand to millions of
 * values) is a problem at the alias, never a crash or hours of work.
 */
import { type Document, visit } from 'yaml';

/** Aliases expanded at most this many times in one document (the yaml package's own default, made explicit). */
const MAX_ALIASES = 100;

export type YamlData = { ok: true; value: unknown } | { ok: false; reason: string; offset: number };

export function yamlData(doc: Document): YamlData {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    let offset: number | undefined;
    let unresolved: string | undefined;
    visit(doc, {
      Alias(_, node) {
        offset ??= node.range?.[0];
        if (node.resolve(doc) !== undefined) return undefined;
        unresolved = node.source;
        offset = node.range?.[0] ?? offset;
        return visit.BREAK;
      },
    });
    const reason =
      unresolved !== undefined
        ? `invalid YAML: the alias \`*${unresolved}\` refers to no anchor \`&${unresolved}\` before it (quote the value if it is text)`
        : `invalid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (an alias is expanded at most ${MAX_ALIASES} times)`;
    return { ok: false, reason, offset: offset ?? 0 };
  }
}
