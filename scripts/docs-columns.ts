/** Rewrites the README's import column tables from the column tables the importer uses. */
import { readFileSync, writeFileSync } from 'node:fs';
import { importColumnSections } from '../src/docs';
import { replaceMarkedSection } from '../src/imports';

const path = new URL('../README.md', import.meta.url);
let readme = readFileSync(path, 'utf8');
for (const [name, table] of importColumnSections())
  readme = replaceMarkedSection(readme, name, table);
writeFileSync(path, readme);
console.log('README.md column tables rewritten');
