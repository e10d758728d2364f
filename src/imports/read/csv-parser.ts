const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** The file breaks CSV syntax at a record (1-based, header = 1): an unterminated quoted field. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An incremental RFC 4180 parser: feed it text chunks cut anywhere, get back the complete records.
 * Fields are separated by commas and records by LF or CRLF; a field that starts with `"` is quoted,
 * may hold commas, newlines and doubled quotes (`""` → `"`); a quote inside an unquoted field is
 * kept as is. Scans with `indexOf` rather than per character: the parser is the import's hot path.
 */
export class CsvParser {
  /** The start of a record not yet complete, carried over to the next chunk. */
  private carry = '';
  private recordsSeen = 0;

  /** The records completed by this chunk. */
  push(chunk: string): string[][] {
    return this.parse(this.carry + chunk, false);
  }

  /** The last record, when the file does not end with a newline. */
  end(): string[][] {
    return this.parse(this.carry, true);
  }

  private parse(text: string, final: boolean): string[][] {
    const records: string[][] = [];
    let pos = 0;
    // The next comma and newline at or after some earlier position: still valid while not behind `pos`.
    let nextComma = -1;
    let nextNewline = -1;
    while (pos < text.length) {
      const recordStart = pos;
      const fields: string[] = [];
      let complete = false;
      for (;;) {
        if (pos >= text.length) {
          // A comma ended the text: the record's last field is empty, or it continues in the next chunk.
          if (final) {
            fields.push('');
            complete = true;
          }
          break;
        }
        if (text.charCodeAt(pos) === QUOTE) {
          const quoted = this.quotedField(text, pos, final);
          if (quoted === undefined) break;
          fields.push(quoted.value);
          pos = quoted.end;
          const separator = text.charCodeAt(pos);
          pos += separator === CR ? 2 : 1;
          if (separator === COMMA) continue;
          complete = true;
          break;
        }
        if (nextComma < pos) nextComma = indexOrEnd(text, ',', pos);
        if (nextNewline < pos) nextNewline = indexOrEnd(text, '\n', pos);
        if (nextComma < nextNewline) {
          fields.push(text.slice(pos, nextComma));
          pos = nextComma + 1;
          continue;
        }
        if (nextNewline === text.length && !final) break;
        const end =
          nextNewline > pos && text.charCodeAt(nextNewline - 1) === CR
            ? nextNewline - 1
            : nextNewline;
        fields.push(text.slice(pos, end));
        pos = nextNewline + 1;
        complete = true;
        break;
      }
      if (!complete) {
        this.carry = text.slice(recordStart);
        return records;
      }
      this.recordsSeen++;
      records.push(fields);
    }
    this.carry = '';
    return records;
  }

  /**
   * The quoted field starting at `start`: its value and the index just past it (at the separator
   * or the end). `undefined` when the text ends before the field is known to be complete.
   */
  private quotedField(
    text: string,
    start: number,
    final: boolean,
  ): { value: string; end: number } | undefined {
    let value = '';
    let from = start + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0 || (quote === text.length - 1 && !final)) {
        if (final)
          throw new CsvSyntaxError(
            this.recordsSeen + 1,
            'a quoted field is never closed (a `"` is missing)',
          );
        return undefined;
      }
      if (text.charCodeAt(quote + 1) === QUOTE) {
        value += text.slice(from, quote + 1);
        from = quote + 2;
        continue;
      }
      value += text.slice(from, quote);
      let end = quote + 1;
      // Text between the closing quote and the separator (`"a"b,`) is kept rather than refused.
      while (end < text.length && !isSeparatorAt(text, end)) end++;
      if (end === text.length && !final) return undefined;
      return { value: value + text.slice(quote + 1, end), end };
    }
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? text.length : index;
}

function isSeparatorAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === COMMA || code === LF || (code === CR && text.charCodeAt(index + 1) === LF);
}
