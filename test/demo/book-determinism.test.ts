import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDemoBook, type DemoBookOptions } from '../../src/demo/book';
import { csvChunks, type DemoFile } from '../../src/demo/csv';

const book = (overrides: Partial<DemoBookOptions> = {}): DemoBookOptions => ({
  loans: 2_000,
  seed: 42,
  asOf: '2026-09-30',
  ...overrides,
});

function sha256(options: DemoBookOptions, file: DemoFile): string {
  const hash = createHash('sha256');
  for (const chunk of csvChunks(generateDemoBook(options), file)) hash.update(chunk);
  return hash.digest('hex');
}

describe('demo book determinism', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes byte-identical files for the same seed', () => {
    expect(sha256(book(), 'loans')).toBe(sha256(book(), 'loans'));
    expect(sha256(book(), 'collections')).toBe(sha256(book(), 'collections'));
  });

  it('writes different files for a different seed or tape date', () => {
    expect(sha256(book({ seed: 43 }), 'loans')).not.toBe(sha256(book(), 'loans'));
    expect(sha256(book({ seed: 43 }), 'collections')).not.toBe(sha256(book(), 'collections'));
    expect(sha256(book({ asOf: '2026-06-30' }), 'loans')).not.toBe(sha256(book(), 'loans'));
  });

  it('makes the smaller book the first loans of the larger one', () => {
    const small = [...generateDemoBook(book({ loans: 300 }))];
    const large = [...generateDemoBook(book({ loans: 600 }))].slice(0, 300);
    expect(large).toEqual(small);
  });

  it('never consults Math.random or the clock', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now called');
    });
    expect(() => [...generateDemoBook(book({ loans: 500 }))]).not.toThrow();
  });

  it('refuses a negative count, a fractional seed and a date that is not YYYY-MM-DD', () => {
    expect(() => generateDemoBook(book({ loans: -1 })).next()).toThrow(RangeError);
    expect(() => generateDemoBook(book({ seed: 1.5 })).next()).toThrow(RangeError);
    expect(() => generateDemoBook(book({ asOf: '2026-02-30' })).next()).toThrow(RangeError);
  });

  it('starts each file with its header even for an empty book', () => {
    expect([...csvChunks(generateDemoBook(book({ loans: 0 })), 'collections')]).toEqual([
      'loan_id,event_date,event_type,amount,payment_channel,cost_kind,status_event,note\n',
    ]);
  });
});
