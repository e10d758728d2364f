import { CellFailure, cellText } from '../cells';
import type { ErrorLog } from '../error-log';
import type { ColumnBinding } from './header';
import type { Blankable, TableSpec } from '../table-spec';
import type { SourceRow } from '../types';

/** Turns file rows into typed, checked records of one table, reporting each bad cell to the log. */
export class RowConverter<R extends object> {
  /** Every column at its blank value: each record starts as a copy, so all records share one shape. */
  private readonly blank: Record<string, unknown>;
  private readonly bindingByName: Map<string, ColumnBinding>;

  constructor(
    private readonly spec: TableSpec<R>,
    private readonly bindings: readonly ColumnBinding[],
    private readonly log: ErrorLog,
  ) {
    this.blank = Object.fromEntries(
      spec.columns.map((column) => [column.name, column.default ?? null]),
    );
    this.bindingByName = new Map(bindings.map((binding) => [binding.column.name, binding]));
  }

  /**
   * The record of a row, or `undefined` when any cell is wrong. Cells are parsed by their column's
   * type first; the record is then checked by the table's zod schema, whose issues on cells that
   * already failed are dropped (one error per cell is enough).
   */
  convert({ row, cells }: SourceRow): R | undefined {
    const record = { ...this.blank };
    let failed: Set<string> | undefined;
    for (const binding of this.bindings) {
      const cell = cells[binding.index] ?? null;
      const value = binding.parse(cell);
      if (value === null) {
        if (!binding.column.required) continue;
        (failed ??= new Set()).add(binding.column.name);
        this.log.add({
          row,
          column: binding.header,
          value: cellText(cell),
          message: 'required: the cell is empty',
        });
      } else if (value instanceof CellFailure) {
        (failed ??= new Set()).add(binding.column.name);
        this.log.add({
          row,
          column: binding.header,
          value: cellText(cell),
          message: value.message,
        });
      } else {
        record[binding.column.name] = value;
      }
    }
    this.spec.complete(record as Blankable<R>);
    const checked = this.spec.schema.safeParse(record);
    if (checked.success) return failed ? undefined : (record as R);
    for (const issue of checked.error.issues) {
      const name = String(issue.path[0] ?? '');
      if (failed?.has(name)) continue;
      const binding = this.bindingByName.get(name);
      const value = binding ? cellText(cells[binding.index] ?? null) : record[name];
      this.log.add({ row, column: binding?.header ?? name, value, message: issue.message });
    }
    return undefined;
  }
}

/** Whether a row has nothing in it (spreadsheets leave such rows, e.g. `,,,,` at the end of a CSV). */
export function isBlankRow(cells: readonly unknown[]): boolean {
  for (const cell of cells)
    if (cell !== null && cell !== '' && !(typeof cell === 'string' && cell.trim() === ''))
      return false;
  return true;
}
