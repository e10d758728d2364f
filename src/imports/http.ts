import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { auditActorOf } from '../access';
import {
  bodyLimitProblem,
  parseIsoDate,
  type AppEnv,
  type IdempotencyKey,
  idempotencyKeyOf,
  IDEMPOTENT_REPLAYED_HEADER,
  Problem,
  ProblemSchema,
} from '../shared';
import type {
  ImportContext,
  ImportFile,
  ImportFormat,
  ImportMode,
  ImportResult,
  TextEncoding,
} from './types';
import { isMultipart, type SpooledUpload, withSpooledUpload } from './upload';

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_MEDIA_TYPES = new Set(['text/csv', 'application/csv', 'text/plain']);
const ENCODING_NAMES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gbk',
  cp936: 'gbk',
};

/** Query parameters every import route takes. */
export const ImportQuerySchema = z.object({
  format: z
    .enum(['csv', 'xlsx'])
    .optional()
    .openapi({ description: 'The file format, when the Content-Type does not say it.' }),
  encoding: z
    .enum(Object.keys(ENCODING_NAMES) as [string, ...string[]])
    .optional()
    .openapi({
      description:
        'Text encoding of a CSV file (overrides the charset of the Content-Type); detected when absent.',
    }),
  as_of: z
    .string()
    .refine((text) => parseIsoDate(text) === text, 'not a date: expected YYYY-MM-DD')
    .optional()
    .openapi({
      description: 'The date the file describes (tape_date); today when absent.',
      example: '2026-06-30',
    }),
  unknown_columns: z.enum(['refuse', 'ignore']).default('refuse').openapi({
    description:
      'What a header the import does not know means: refuse (a 422 naming it and the closest known header) or ignore (the column is left out; the answer lists it).',
  }),
});

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z.string().min(1).max(255).optional().openapi({
    description:
      'Send the same key again to be answered from the first import instead of importing twice.',
  }),
});

/** The upload as documented: the raw file, or a multipart form with a `file` field. */
export const importBodyContent = {
  'text/csv': { schema: { type: 'string' as const, format: 'binary' } },
  [XLSX_MEDIA_TYPE]: { schema: { type: 'string' as const, format: 'binary' } },
  'multipart/form-data': {
    schema: {
      type: 'object' as const,
      properties: { file: { type: 'string' as const, format: 'binary' } },
    },
  },
};

/** The 415 answer of an import route. */
export const unsupportedFormatResponse = {
  description: 'The format or charset cannot be told or is not supported',
  content: { 'application/problem+json': { schema: ProblemSchema } },
};

/** The columns an import read, in its 201 and 422 answers. */
export const ImportColumnsSchema = z
  .object({
    mapped: z.array(z.object({ header: z.string(), column: z.string() })).openapi({
      description: 'Each header the import took, as written, with its canonical column.',
    }),
    ignored: z
      .array(z.string())
      .openapi({ description: 'Headers left out (unknown_columns=ignore), as written.' }),
  })
  .openapi('ImportColumns');

export const ImportResultSchema = z
  .object({
    importId: z.number().int(),
    kind: z.enum(['loan_tape', 'collections']),
    rows: z
      .number()
      .int()
      .openapi({ description: 'Data rows in the file (blank rows not counted).' }),
    created: z.number().int(),
    updated: z.number().int(),
    fileSha256: z.string(),
    fileBytes: z.number().int(),
    ledger: z
      .record(z.string(), z.union([z.string(), z.number(), z.null()]))
      .optional()
      .openapi({
        description:
          'What the import booked: the opening register entry of loans already written off, or the recoveries and costs of collections.',
      }),
    warnings: z
      .array(
        z.object({
          column: z.string(),
          value: z.string(),
          rows: z.number().int(),
          firstRow: z.number().int(),
          message: z.string(),
        }),
      )
      .openapi({
        description:
          'Values imported as written but not recognised, e.g. a product the product table does not know: its loans are screened as an unknown product until it is added.',
      }),
    columns: ImportColumnsSchema.optional(),
  })
  .openapi('ImportResult');

export const ColumnTableSchema = z
  .object({
    columns: z
      .array(
        z.object({
          name: z.string(),
          aliases: z.array(z.string()).readonly(),
          required: z.boolean(),
          type: z.enum(['text', 'money', 'date', 'integer', 'flag', 'enum']),
          default: z.union([z.string(), z.number(), z.boolean()]).optional(),
          values: z
            .array(z.object({ code: z.string(), aliases: z.array(z.string()).readonly() }))
            .readonly()
            .optional(),
          maxChars: z.number().int().optional(),
          notAfter: z.enum(['tape_date', 'today']).optional(),
          description: z.object({ en: z.string(), zh: z.string() }),
        }),
      )
      .readonly(),
  })
  .openapi('ImportColumnTable');

function formatOfMediaType(mediaType: string): ImportFormat | undefined {
  if (CSV_MEDIA_TYPES.has(mediaType)) return 'csv';
  return mediaType === XLSX_MEDIA_TYPE ? 'xlsx' : undefined;
}

function encodingOf(name: string | undefined): TextEncoding | undefined {
  if (name === undefined) return undefined;
  const encoding = ENCODING_NAMES[name.trim().toLowerCase().replace(/^"|"$/g, '')];
  if (!encoding)
    throw new Problem(
      'unsupported_media_type',
      `charset ${name} is not supported: send UTF-8 or GBK`,
    );
  return encoding;
}

/** The format an uploaded part names, by its Content-Type or its file name. */
function formatOfUpload(upload: SpooledUpload): ImportFormat | undefined {
  const byName = /\.xlsx$/i.test(upload.fileName ?? '')
    ? 'xlsx'
    : /\.csv$/i.test(upload.fileName ?? '')
      ? 'csv'
      : undefined;
  return formatOfMediaType((upload.mediaType ?? '').toLowerCase()) ?? byName;
}

/**
 * The import request of an HTTP upload: the raw body as it streams in, or the multipart `upload`
 * already on disk. The format comes from `format=`, else the Content-Type (or the uploaded file's
 * type or name); the encoding from `encoding=`, else the charset, else it is detected. The
 * idempotency fingerprint is method, path and query.
 * @throws Problem `unsupported_media_type` when the format cannot be told.
 */
export function importRequestOf(
  c: Context<AppEnv>,
  query: z.infer<typeof ImportQuerySchema>,
  options: { mode: ImportMode; idempotencyKey: IdempotencyKey | undefined },
  upload?: SpooledUpload,
): ImportFile {
  const [mediaType = '', ...parameters] = (c.req.header('Content-Type') ?? '')
    .split(';')
    .map((part) => part.trim());
  const charset = parameters
    .find((parameter) => /^charset=/i.test(parameter))
    ?.slice('charset='.length);
  const format =
    query.format ??
    (upload ? formatOfUpload(upload) : undefined) ??
    formatOfMediaType(mediaType.toLowerCase());
  if (!format) {
    throw new Problem(
      'unsupported_media_type',
      `send the file as text/csv or ${XLSX_MEDIA_TYPE}, or say format=csv or format=xlsx`,
    );
  }
  const encoding = encodingOf(query.encoding ?? charset);
  const url = new URL(c.req.url);
  return {
    body: upload ? upload.chunks() : (c.req.raw.body ?? new Uint8Array(0)),
    format,
    mode: options.mode,
    tapeDate: query.as_of ?? c.get('deps').clock.today(),
    unknownColumns: query.unknown_columns,
    ...(encoding ? { encoding } : {}),
    ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    requestFingerprint: `${c.req.method} ${url.pathname}${url.search}`,
  };
}

/** The answer to an accepted import: 201 with the result, marked when it replays an earlier answer. */
export function importedBody(
  c: Context<AppEnv>,
  result: ImportResult,
): Omit<ImportResult, 'replayed'> {
  const { replayed, ...body } = result;
  if (replayed) c.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
  return body;
}

/** The request of an import route: a file in the body, the import's query and Idempotency-Key. */
export const importRequest = <Q extends z.ZodObject>(query: Q) => ({
  query,
  headers: IdempotencyHeadersSchema,
  body: { content: importBodyContent, required: true },
});

/** The answers of an import route besides its problems: 201 with the result, 415 for an unknown format. */
export const importResponses = (accepted: string) => ({
  201: {
    description: accepted,
    content: { 'application/json': { schema: ImportResultSchema } },
  },
  415: unsupportedFormatResponse,
});

/** The answer of a `…/import/columns` route: the importer's column table. */
export const columnTableResponses = {
  200: {
    description: 'The column table',
    content: { 'application/json': { schema: ColumnTableSchema } },
  },
};

/**
 * Serves an import request: reads the upload, runs the importer as the requesting user, answers
 * 201 with its result (marked when it replays an earlier answer).
 */
export async function serveImport(
  c: Context<AppEnv>,
  query: z.infer<typeof ImportQuerySchema>,
  mode: ImportMode,
  importFile: (ctx: ImportContext, file: ImportFile) => Promise<ImportResult>,
) {
  const run = (upload?: SpooledUpload) =>
    importFile(
      { deps: c.get('deps'), actor: auditActorOf(c) },
      importRequestOf(c, query, { mode, idempotencyKey: idempotencyKeyOf(c) }, upload),
    );
  try {
    const result = isMultipart(c) ? await withSpooledUpload(c, run) : await run();
    return c.json(importedBody(c, result), 201);
  } catch (error) {
    // A raw body over the limit fails inside the reader, which may call it a bad file: it is a 413.
    throw bodyLimitProblem(c) ?? error;
  }
}
