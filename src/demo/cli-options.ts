import { parseArgs } from 'node:util';
import { defaultDemoBook, type DemoBookOptions } from './book';

export const DEMO_USAGE =
  'usage: npm run demo -- [--loans N] [--seed S] [--as-of YYYY-MM-DD] [--out DIR]';

/** The demo command's arguments: the book to make and, with --out, the folder to write its CSV files to. */
export interface DemoCommand {
  book: DemoBookOptions;
  outDirectory?: string;
}

/**
 * Parses `--loans N --seed S --as-of YYYY-MM-DD --out DIR`, each optional, over the default book.
 * @throws TypeError for an unknown option or a value that is not a whole number
 */
export function parseDemoCommand(args: string[]): DemoCommand {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      loans: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const book: DemoBookOptions = {
    loans:
      values.loans === undefined ? defaultDemoBook.loans : wholeNumber('--loans', values.loans),
    seed: values.seed === undefined ? defaultDemoBook.seed : wholeNumber('--seed', values.seed),
    asOf: values['as-of'] ?? defaultDemoBook.asOf,
  };
  return values.out === undefined ? { book } : { book, outDirectory: values.out };
}

function wholeNumber(option: string, text: string): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value))
    throw new TypeError(`${option} needs a whole number, got "${text}"`);
  return value;
}
