import { describe, expect, it } from 'vitest';
import {
  assertValidDelinquencyScheme,
  builtInDelinquencySchemes,
  configFromEnv,
  type DelinquencyBucket,
} from '../../src/shared/config';

const bucket = (code: string, minDays: number, maxDays?: number): DelinquencyBucket => ({
  code,
  label: code,
  minDays,
  ...(maxDays === undefined ? {} : { maxDays }),
});

describe('assertValidDelinquencyScheme', () => {
  it('accepts the built-in schemes', () => {
    for (const [name, buckets] of Object.entries(builtInDelinquencySchemes))
      expect(() => assertValidDelinquencyScheme(name, buckets)).not.toThrow();
  });

  it.each([
    ['no buckets', [], /no buckets/],
    ['a bucket from 0 days', [bucket('a', 0, 30), bucket('b', 31)], /starts below 1 day/],
    [
      'buckets out of order',
      [bucket('b', 31, 60), bucket('a', 1, 30), bucket('c', 61)],
      /days 1–30 fall in no bucket/,
    ],
    [
      'overlapping buckets',
      [bucket('a', 1, 30), bucket('b', 30, 60), bucket('c', 61)],
      /b overlaps or is out of order/,
    ],
    [
      'a gap between buckets',
      [bucket('a', 1, 30), bucket('b', 41)],
      /days 31–40 fall in no bucket/,
    ],
    [
      'an open-ended bucket before the last',
      [bucket('a', 1), bucket('b', 31)],
      /a is open-ended but is not the last/,
    ],
    [
      'a closed last bucket',
      [bucket('a', 1, 30), bucket('b', 31, 60)],
      /last bucket b must be open-ended/,
    ],
    [
      'a bucket ending before it starts',
      [bucket('a', 1, 0), bucket('b', 1)],
      /a ends before it starts/,
    ],
  ])('refuses %s', (_case, buckets, message) => {
    expect(() => assertValidDelinquencyScheme('custom', buckets)).toThrow(message);
  });
});

describe('DELINQUENCY_SCHEMES', () => {
  it('adds a lender scheme from the environment to the built-in ones', () => {
    const scheme = [bucket('early', 1, 60), bucket('late', 61)];
    const config = configFromEnv({ DELINQUENCY_SCHEMES: JSON.stringify({ collections: scheme }) });
    expect(config.delinquencySchemes.collections).toEqual(scheme);
    expect(config.delinquencySchemes.grades).toEqual(builtInDelinquencySchemes.grades);
  });

  it('refuses an invalid scheme at start-up rather than at the first report', () => {
    const overlapping = [bucket('early', 1, 60), bucket('late', 50)];
    expect(() =>
      configFromEnv({ DELINQUENCY_SCHEMES: JSON.stringify({ collections: overlapping }) }),
    ).toThrow(/collections.*overlaps/);
  });
});
