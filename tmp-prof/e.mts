import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { editorProblems } from '../scripts/bench/pdf-editor-check.ts';
const root = 'test/fixtures/normalize-pdf/';
for (const n of readdirSync(root)) { const d = root + n; if (!existsSync(d + '/expected.md')) continue;
console.log(n, JSON.stringify(editorProblems(readFileSync(d + '/expected.md', 'utf8'), readFileSync(d + '/output.md', 'utf8'))).slice(0, 600)); }
