import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { WorkbookError } from './workbook-error';

/** What a part's reader does with its elements; names come without their namespace prefix. */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * Bytes a text node, tag or attribute may run without a `<`. saxes gathers a text node whole
 * before handing it over, so without this bound one 1 GB "cell" would be gathered whole; the
 * longest legal cell (32,767 characters, each at most a 10-byte character reference) fits.
 */
const MAX_RUN_BYTES = 32_767 * 10 + 4096;
/** Spreadsheet XML nests a handful of levels; a deep nest only grows the parser's tag stack. */
const MAX_DEPTH = 64;
/** Longest stretch of parsing before giving the event loop a turn (health checks, other requests). */
const SLICE_MS = 20;

/** `x:c` → `c`: the parts use the main namespace with or without a prefix. */
const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** Parses a whole part; see `parseXml`. */
export async function readXml(
  part: string,
  chunks: AsyncIterable<Buffer>,
  handlers: XmlHandlers,
): Promise<void> {
  for await (const parsed of parseXml(part, chunks, handlers)) void parsed;
}

/**
 * Parses one XML part as it inflates (saxes: well-formedness checked, entities and character
 * references decoded, no DTD or external entity ever loaded), calling `handlers` per element.
 * Memory stays bounded whatever the part holds: runs without a tag and the nesting depth are
 * limited, and the caller's handlers keep only what they need. Yields after each chunk, so the
 * caller can hand on what the handlers gathered.
 * @throws WorkbookError naming the part when its XML is broken or it breaks a bound
 */
export async function* parseXml(
  part: string,
  chunks: AsyncIterable<Buffer>,
  handlers: XmlHandlers,
): AsyncGenerator<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  let depth = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > MAX_DEPTH)
      throw new WorkbookError(`the workbook part ${part} nests elements deeper than ${MAX_DEPTH}`);
    handlers.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--;
    handlers.close(localName(tag.name));
  });
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  const decoder = new TextDecoder('utf-8');
  let run = 0;
  let sliceStart = Date.now();
  try {
    for await (const chunk of chunks) {
      const lastTag = chunk.lastIndexOf(0x3c);
      const firstTag = lastTag < 0 ? -1 : chunk.indexOf(0x3c);
      if ((lastTag < 0 ? run + chunk.length : run + firstTag) > MAX_RUN_BYTES)
        throw new WorkbookError(
          `the workbook part ${part} has a text or tag longer than a cell may be (32,767 characters)`,
        );
      run = lastTag < 0 ? run + chunk.length : chunk.length - lastTag - 1;
      parser.write(decoder.decode(chunk, { stream: true }));
      yield;
      if (Date.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(
      `the workbook part ${part} is not well-formed XML (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
