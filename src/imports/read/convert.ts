import { CellFailure, shownCellText } from '../cells';
import type { ErrorLog } from '../error-log';
import type { ColumnBinding, HeaderReading } from './header';
import type { Blankable, TableSpec } from '../table-spec';
import type { Cell, SourceRow } from '../types';

/** Turns file rows into typed, checked records of one table, reporting each bad cell to the log. */
export class RowConverter<R extends object> {
  /** Every column at its blank value: each record starts as a copy, so all records share one shape. */
  private readonly blank: Record<string, unknown>;
  private readonly bindingByName: Map<string, ColumnBinding>;
  private readonly bindings: readonly ColumnBinding[];
  /** Cells per row the header names, and the positions among them it leaves without a name. */
  private readonly width: number;
  private readonly unnamed: readonly number[];

  constructor(
    private readonly spec: TableSpec<R>,
    header: Pick<HeaderReading, 'bindings' | 'width' | 'unnamed'>,
    private readonly log: ErrorLog,
  ) {
    this.blank = Object.fromEntries(
      spec.columns.map((column) => [column.name, column.default ?? null]),
    );
    this.bindings = header.bindings;
    this.width = header.width;
    this.unnamed = header.unnamed;
    this.bindingByName = new Map(this.bindings.map((binding) => [binding.column.name, binding]));
  }

  /**
   * Reports each value in a column the header does not name (beyond its last cell, or under a blank
   * one): no column would read it, so importing the row would drop it silently. True if any.
   */
  private refuseHeaderless(row: number, cells: readonly Cell[]): boolean {
    let found = false;
    const report = (index: number) => {
      const cell = cells[index] ?? null;
      if (isBlankCell(cell)) return;
      found = true;
      const beyond =
        index >= this.width ? ` (the row is longer than the header's ${this.width} columns)` : '';
      this.log.add({
        row,
        column: `column ${index + 1}`,
        value: shownCellText(cell),
        message: `column ${index + 1} has no header but this row has a value in it${beyond}`,
      });
    };
    for (const index of this.unnamed) if (index < cells.length) report(index);
    for (let index = this.width; index < cells.length; index++) report(index);
    return found;
  }

  /**
   * The record of a row, or `undefined` when any cell is wrong. Cells are parsed by their column's
   * type first; the record is then checked by the table's zod schema, whose issues on cells that
   * already failed are dropped (one error per cell is enough).
   */
  convert({ row, cells }: SourceRow): R | undefined {
    const record = { ...this.blank };
    let failed: Set<string> | undefined;
    const headerless =
      (cells.length > this.width || this.unnamed.length > 0) && this.refuseHeaderless(row, cells);
    for (const binding of this.bindings) {
      const cell = cells[binding.index] ?? null;
      const value = binding.parse(cell);
      if (value === null) {
        if (!binding.column.required) continue;
        (failed ??= new Set()).add(binding.column.name);
        this.log.add({
          row,
          column: binding.header,
          value: shownCellText(cell),
          message: 'required: the cell is empty',
        });
      } else if (value instanceof CellFailure) {
        (failed ??= new Set()).add(binding.column.name);
        this.log.add({
          row,
          column: binding.header,
          value: shownCellText(cell),
          message: value.message,
        });
      } else {
        record[binding.column.name] = value;
      }
    }
    this.spec.complete(record as Blankable<R>);
    const checked = this.spec.schema.safeParse(record);
    if (checked.success) return failed || headerless ? undefined : (record as R);
    for (const issue of checked.error.issues) {
      const name = String(issue.path[0] ?? '');
      if (failed?.has(name)) continue;
      const binding = this.bindingByName.get(name);
      const value = binding ? shownCellText(cells[binding.index] ?? null) : record[name];
      this.log.add({ row, column: binding?.header ?? name, value, message: issue.message });
    }
    return undefined;
  }
}

/** Whether a cell has nothing in it: empty, or only spaces. */
function isBlankCell(cell: unknown): boolean {
  return cell === null || cell === '' || (typeof cell === 'string' && cell.trim() === '');
}

/** Whether a row has nothing in it (spreadsheets leave such rows, e.g. `,,,,` at the end of a CSV). */
export function isBlankRow(cells: readonly unknown[]): boolean {
  for (const cell of cells) if (!isBlankCell(cell)) return false;
  return true;
}
