import type { WorksheetEnding, WorksheetLayout } from './worksheet-xml';
import type { WorksheetStream } from './worksheet-stream';

/** Excel's widest column, in characters. */
const MAX_WIDTH = 255;

/** What a sheet needs from its workbook. */
export interface WorksheetHost {
  claimSheetName(name: string): void;
  openWorksheet(name: string, layout: WorksheetLayout): Promise<WorksheetStream>;
  closeWorksheet(worksheet: WorksheetStream, ending: WorksheetEnding): Promise<void>;
}

/**
 * A sheet of a streamed workbook. A zip holds one entry at a time, so a sheet's first worksheet
 * part opens only once the sheet before it has ended (`after`); rows must be awaited in turn.
 */
export abstract class WorkbookSheet {
  /** Set by `end()`: settles once the sheet's last part is in the file. */
  ending: Promise<void> | undefined;
  protected worksheet: WorksheetStream | undefined;

  constructor(
    protected readonly host: WorksheetHost,
    readonly name: string,
    protected readonly layout: WorksheetLayout,
    private readonly after: Promise<void>,
  ) {
    for (const width of layout.widths)
      if (!(width > 0 && width <= MAX_WIDTH))
        throw new RangeError(
          `sheet "${name}": a column width is above 0 and at most ${MAX_WIDTH}, got ${width}`,
        );
  }

  /** Ends the sheet: its last part is closed (opened first if no row was added). */
  end(): Promise<void> {
    this.ending ??= this.closeLast();
    return this.ending;
  }

  protected abstract closeLast(): Promise<void>;

  /** @throws Error once the sheet has ended */
  protected assertOpen(): void {
    if (this.ending) throw new Error(`sheet "${this.name}" has ended`);
  }

  /** Opens the sheet's first worksheet part, once the sheet before it has ended. */
  protected async openFirst(): Promise<WorksheetStream> {
    await this.after;
    this.worksheet = await this.host.openWorksheet(this.name, this.layout);
    return this.worksheet;
  }
}
