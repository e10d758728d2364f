import { collectionColumns } from '../collections/columns';
import { tapeColumns } from '../loans/tape-columns';
import { columnTableMarkdown } from './column-docs';

/** The README sections that document the import files, by marker name. */
export function importColumnSections(): [string, string][] {
  return [
    ['loan-tape-columns', columnTableMarkdown(tapeColumns)],
    ['collections-columns', columnTableMarkdown(collectionColumns)],
  ];
}
