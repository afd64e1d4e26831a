import { describe, expect, it } from 'vitest';
import { type CommandSpec, helpText, integerOption, parseCommand } from '../../scripts/cli/args.js';

const spec: CommandSpec = {
  usage: 'npm run demo -- [options]',
  summary: 'A demo command.',
  options: {
    sources: { type: 'string', value: 'DIR', description: 'folder of sources' },
    strict: { type: 'boolean', description: 'fail on warnings' },
  },
  examples: ['npm run demo -- --strict'],
};

describe('command line options', () => {
  it('parses known options', () => {
    expect(parseCommand(spec, ['--sources', 'x', '--strict']).values).toMatchObject({ sources: 'x', strict: true });
  });

  it('suggests the closest option for a typo', () => {
    expect(() => parseCommand(spec, ['--sorces', 'x'])).toThrow('unknown option --sorces (did you mean --sources?); see --help');
  });

  it('lists every option and an example in --help', () => {
    const text = helpText(spec);
    expect(text).toContain('--sources DIR');
    expect(text).toContain('--strict');
    expect(text).toContain('-h, --help');
    expect(text).toContain('npm run demo -- --strict');
  });

  it('rejects a concurrency that is not a whole number', () => {
    expect(integerOption('concurrency', '3')).toBe(3);
    expect(() => integerOption('concurrency', 'two')).toThrow('--concurrency takes a whole number');
  });
});
