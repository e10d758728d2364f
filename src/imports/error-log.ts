import type { FieldError } from '../shared';

/** How many errors an import answer names; the rest are only counted. */
export const ERRORS_SHOWN = 100;

/** Errors of one kind found over the whole file: the first ones by row, and how many there are. */
export interface FoundErrors {
  total: number;
  first: FieldError[];
}

/** Collects a file's errors: counts them all, keeps the first 100 of each kind by row. */
export class ErrorLog {
  total = 0;
  private readonly kept: FieldError[] = [];

  add(error: FieldError): void {
    this.total++;
    if (this.kept.length < ERRORS_SHOWN) this.kept.push(error);
  }

  addFound(found: FoundErrors): void {
    this.total += found.total;
    this.kept.push(...found.first.slice(0, ERRORS_SHOWN));
  }

  /** The first 100 errors by row (file-level errors without a row first). */
  first(): FieldError[] {
    return [...this.kept].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)).slice(0, ERRORS_SHOWN);
  }
}
