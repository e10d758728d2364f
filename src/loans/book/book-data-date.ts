import type { DbOrTx } from '../../../db';
import { type IsoDate, Problem } from '../../shared';
import { latestTapeDate } from './book-repository';

/** The date the book's data runs to: the latest tape date. @throws Problem `conflict` for an empty book */
export function bookDataDate(db: DbOrTx): IsoDate {
  const date = latestTapeDate(db);
  if (!date)
    throw new Problem(
      'conflict',
      'the loan book is empty: import a loan tape and its collection history first',
    );
  return date;
}
