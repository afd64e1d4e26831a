/**
 * The allowed directions of imports between briefpress's stage folders (npm run lint).
 * cli → build → stages → core; workers run stages; a stage never imports a later stage,
 * the cache's internals, a worker or a command. See README, "Code map".
 */
const stages = ['normalize', 'render', 'print', 'archive', 'packet'];
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles (type imports included) make stages impossible to read or move alone.', from: {}, to: { circular: true } },
    { name: 'core-is-a-leaf', severity: 'error', comment: 'core/ is what every stage may use; it imports no stage.', from: { path: '^scripts/core/' }, to: { path: '^scripts/(normalize|render|print|archive|packet|cache|workers|scale|cli|dev|check|bench)/|^scripts/build\\.ts$' } },
    { name: 'stages-import-no-commands', severity: 'error', comment: 'Nothing but the commands imports scripts/cli/.', from: { path: '^scripts/(?!cli/)' }, to: { path: '^scripts/cli/' } },
    { name: 'stages-import-no-workers', severity: 'error', comment: 'Workers run stages; stages never import workers.', from: { path: `^scripts/(${stages.join('|')}|core)/` }, to: { path: '^scripts/workers/' } },
    { name: 'normalize-is-first', severity: 'error', comment: 'The normalizer reads raw text; it imports no later stage.', from: { path: '^scripts/normalize/' }, to: { path: '^scripts/(render|print|archive|cache)/' } },
    { name: 'render-before-print-and-archive', severity: 'error', comment: 'Rendering comes before printing and the archive.', from: { path: '^scripts/render/' }, to: { path: '^scripts/(print|archive|cache)/' } },
    { name: 'packets-from-printed-briefs', severity: 'error', comment: 'Packets are made from the printed briefs: no earlier stage imports them (the archive gets their entries from core/types).', from: { path: '^scripts/(normalize|render|print|archive|cache)/' }, to: { path: '^scripts/packet/' } },
    { name: 'print-before-archive', severity: 'error', comment: 'Printing does not import the archive.', from: { path: '^scripts/print/' }, to: { path: '^scripts/archive/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'] },
  },
};
