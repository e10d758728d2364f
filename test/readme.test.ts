import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importColumnSections } from '../src/docs/column-sections';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it.each(importColumnSections())(
    'documents the %s exactly as the importer reads them (npm run docs:columns)',
    (name, table) => {
      expect(readme).toContain(`<!-- ${name} -->\n${table}\n<!-- /${name} -->`);
    },
  );

  it('gives the two quick-start commands', () => {
    expect(readme).toContain('```sh\nnpm install && npm start\nnpm test\n```');
  });
});
