/**
 * The bench's build from the command line (`node scripts/start/run.mjs scripts/cli/build.ts`
 * in a project folder, as a user runs it): it runs, and its summary line is read back.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runBuildProcess, summaryCount } from '../../scripts/bench/build-process.js';
import { addSmallBriefs, newProject, removeProjects } from '../helpers/reliability-project.js';

afterAll(removeProjects);

describe('the bench’s command-line build', () => {
  it('builds a project and reads its summary and stage timings', async () => {
    const dir = await newProject('briefpress-bench-process-');
    await addSmallBriefs(dir, 2);
    const result = await runBuildProcess(dir, ['--concurrency', '1']);
    expect(summaryCount(result.summary, 'built')).toBe(2);
    expect(Object.keys(result.timings)).toEqual(expect.arrayContaining(['read', 'print', 'archive']));
    expect(result.memory.peakRss).toBeGreaterThan(0);
  });
});
