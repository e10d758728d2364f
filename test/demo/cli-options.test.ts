import { describe, expect, it } from 'vitest';
import { defaultDemoBook } from '../../src/demo/book';
import { parseDemoCommand } from '../../src/demo/cli-options';

describe('demo command arguments', () => {
  it('falls back to the default book without arguments', () => {
    expect(parseDemoCommand([])).toEqual({ book: defaultDemoBook });
  });

  it('reads loans, seed, as-of date and output folder', () => {
    expect(
      parseDemoCommand([
        '--loans',
        '500',
        '--seed',
        '7',
        '--as-of',
        '2025-12-31',
        '--out',
        '/tmp/x',
      ]),
    ).toEqual({
      book: { loans: 500, seed: 7, asOf: '2025-12-31' },
      outDirectory: '/tmp/x',
    });
  });

  it('refuses a count that is not a whole number, and unknown options', () => {
    expect(() => parseDemoCommand(['--loans', '1e3'])).toThrow(TypeError);
    expect(() => parseDemoCommand(['--loans', 'many'])).toThrow(TypeError);
    expect(() => parseDemoCommand(['--rows', '5'])).toThrow(TypeError);
  });
});
