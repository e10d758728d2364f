import type { ColumnSpec } from './columns';

/**
 * The Markdown table of an import's columns, as the README shows it. The README's tables are
 * this output (test/readme.test.ts checks it; `npm run docs:columns` rewrites them), so the
 * documentation and `GET …/import/columns` come from the one column table.
 */
export function columnTableMarkdown(columns: readonly ColumnSpec[]): string {
  const rows = columns.map((column) => {
    const values = column.values
      ? `: ${column.values.map((value) => `\`${value.code}\``).join(' ')}`
      : '';
    const cells = [
      `\`${column.name}\``,
      column.aliases.join(', '),
      column.required ? 'yes' : '',
      `${column.type}${values}`,
      column.description.en,
    ];
    return `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  });
  return [
    '| column | Chinese headers | required | type | meaning |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Replaces the text between `<!-- name -->` and `<!-- /name -->` in a document. */
export function replaceMarkedSection(document: string, name: string, content: string): string {
  const start = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from)
    throw new Error(`the document has no section marked ${start} … ${end}`);
  return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`;
}
