import { collectionColumns } from '../collections';
import { tapeColumns } from '../loans';
import { columnTableMarkdown } from '../imports';

/** The README sections that document the import files, by marker name. */
export function importColumnSections(): [string, string][] {
  return [
    ['loan-tape-columns', columnTableMarkdown(tapeColumns)],
    ['collections-columns', columnTableMarkdown(collectionColumns)],
  ];
}
