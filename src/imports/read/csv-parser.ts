import { defaultConfig } from '../../shared';

const QUOTE = 34;

/** Where the parser is between two characters: what the next character means. */
const enum Mode {
  /** At the start of a field: a `"` opens a quoted field. */
  FieldStart,
  /** In an unquoted field, or after a quoted field's closing quote: up to the next `,` or LF. */
  Unquoted,
  /** Inside a quoted field: up to the next `"`. */
  Quoted,
  /** Just after a `"` inside a quoted field: `""` is a quote, anything else closed the field. */
  QuoteInQuoted,
}

/**
 * The file breaks CSV syntax at a record (1-based, header = 1): a quoted field never closed, or a
 * record longer than the limit. `fieldIndex` is the 0-based field the parser was in; `column` its
 * header, filled in by the CSV reader.
 */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
    readonly fieldIndex?: number,
    readonly column?: string,
  ) {
    super(message);
  }

  /** The same error, naming the column. */
  in(column: string): CsvSyntaxError {
    return new CsvSyntaxError(this.row, this.message, this.fieldIndex, column);
  }
}

export interface CsvParserOptions {
  /** The longest record accepted, in characters (`importRecordLimitChars` of the config). */
  maxRecordChars?: number;
}

/**
 * An incremental RFC 4180 parser: feed it text chunks cut anywhere, get back the complete records.
 * Fields are separated by commas and records by LF or CRLF; a field that starts with `"` is quoted,
 * may hold commas, newlines and doubled quotes (`""` → `"`); a quote inside an unquoted field is
 * kept as is, and so is text after a closing quote (`"a"b` → `ab`), as Excel reads them.
 *
 * Linear: the parser keeps its state (the record so far, the field so far, where it is in the
 * syntax) from one chunk to the next and never looks at a character twice, however long a record
 * is; within a chunk it jumps from separator to separator with `indexOf`. A record longer than
 * `maxRecordChars` is refused as soon as it gets there, so a file that is not a CSV (no line end
 * in sight) costs at most that much memory before it is refused.
 */
export class CsvParser {
  private readonly maxRecordChars: number;
  private mode = Mode.FieldStart;
  /** The completed fields of the record in progress. */
  private fields: string[] = [];
  /** The field in progress, as far as the chunks so far go. */
  private field = '';
  /** How much of `field` is a quoted value: a CR in it is data, not half of a CRLF. */
  private quotedChars = 0;
  /** Characters of the record in progress in earlier chunks. */
  private carriedChars = 0;
  /** Whether the record in progress has any character yet (a file need not end with a newline). */
  private inRecord = false;
  private recordsSeen = 0;

  constructor(options: CsvParserOptions = {}) {
    this.maxRecordChars = options.maxRecordChars ?? defaultConfig.importRecordLimitChars;
  }

  /** The record the parser is in (1-based) and the 0-based field within it: where the next character goes. */
  position(): { row: number; fieldIndex: number } {
    return { row: this.recordsSeen + 1, fieldIndex: this.fields.length };
  }

  /**
   * The records completed by this chunk.
   * @throws CsvSyntaxError when the record in progress gets longer than the limit
   */
  push(text: string): string[][] {
    const records: string[][] = [];
    const end = text.length;
    let pos = 0;
    /** Where the record in progress starts in this chunk (0 if it began in an earlier one). */
    let recordStart = 0;
    // The next comma and line feed at or after some earlier position: valid while not behind `pos`.
    let nextComma = -1;
    let nextNewline = -1;
    if (end > 0) this.inRecord = true;
    while (pos < end) {
      const mode = this.mode;
      if (mode === Mode.FieldStart || mode === Mode.Unquoted) {
        if (mode === Mode.FieldStart) {
          if (text.charCodeAt(pos) === QUOTE) {
            this.mode = Mode.Quoted;
            pos++;
            continue;
          }
          this.mode = Mode.Unquoted;
        }
        if (nextComma < pos) nextComma = indexOrEnd(text, ',', pos);
        if (nextNewline < pos) nextNewline = indexOrEnd(text, '\n', pos);
        const stop = nextComma < nextNewline ? nextComma : nextNewline;
        if (stop === nextComma && stop < end && this.field === '') {
          // The common case, a whole unquoted field before a comma: straight into the record.
          this.fields.push(text.slice(pos, stop));
          this.quotedChars = 0;
          pos = stop + 1;
          this.mode = Mode.FieldStart;
          this.checkLength(this.carriedChars + pos - recordStart);
          continue;
        }
        this.field += text.slice(pos, stop);
        if (stop === end) {
          pos = end;
          continue;
        }
        pos = stop + 1;
        this.mode = Mode.FieldStart;
        if (stop === nextComma) {
          this.endField();
          this.checkLength(this.carriedChars + pos - recordStart);
          continue;
        }
        // A record ends at LF; the CR of a CRLF was taken into its last field: drop it.
        if (this.field.length > this.quotedChars && this.field.endsWith('\r'))
          this.field = this.field.slice(0, -1);
        this.endField();
        this.checkLength(this.carriedChars + stop - recordStart);
        records.push(this.endRecord());
        recordStart = pos;
      } else if (mode === Mode.Quoted) {
        const quote = text.indexOf('"', pos);
        if (quote < 0) {
          this.field += text.slice(pos);
          pos = end;
          continue;
        }
        this.field += text.slice(pos, quote);
        pos = quote + 1;
        this.mode = Mode.QuoteInQuoted;
      } else if (text.charCodeAt(pos) === QUOTE) {
        // Mode.QuoteInQuoted, and a second quote: `""` is one quote of the value.
        this.field += '"';
        pos++;
        this.mode = Mode.Quoted;
      } else {
        // Mode.QuoteInQuoted, and the field is closed; what follows up to the separator is kept, as Excel does.
        this.quotedChars = this.field.length;
        this.mode = Mode.Unquoted;
      }
    }
    if (recordStart === end && records.length > 0) {
      this.inRecord = false;
    } else {
      this.carriedChars += end - recordStart;
      this.checkLength(this.carriedChars);
    }
    return records;
  }

  /**
   * The last record, when the file does not end with a newline.
   * @throws CsvSyntaxError when a quoted field is still open
   */
  end(): string[][] {
    if (this.mode === Mode.Quoted)
      throw new CsvSyntaxError(
        this.recordsSeen + 1,
        'a quoted field is never closed (a `"` is missing)',
        this.fields.length,
      );
    if (!this.inRecord) return [];
    if (this.field.length > this.quotedChars && this.field.endsWith('\r'))
      this.field = this.field.slice(0, -1);
    this.endField();
    this.inRecord = false;
    return [this.endRecord()];
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.quotedChars = 0;
  }

  private endRecord(): string[] {
    const record = this.fields;
    this.fields = [];
    this.carriedChars = 0;
    this.recordsSeen++;
    return record;
  }

  private checkLength(recordChars: number): void {
    if (recordChars <= this.maxRecordChars) return;
    throw new CsvSyntaxError(
      this.recordsSeen + 1,
      `the record is longer than ${this.maxRecordChars} characters: a line end is missing, or the file is not a CSV table`,
    );
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? text.length : index;
}
