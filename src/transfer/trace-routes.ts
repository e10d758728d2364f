// Mounted at /data-rooms (src/app.ts).
import { z } from '@hono/zod-openapi';
import { auditActorOf, defineRoute } from '../access';
import { withSpooledUpload } from '../imports';
import { recordAudit } from '../audit';
import {
  jsonResponse as json,
  problemResponseDoc as problem,
  Problem,
  createRouter,
} from '../shared';
import { findBuyer } from './offers';
import { readLeakedFile, traceLeak } from './trace';

const TraceSchema = z
  .object({
    attributed: z
      .boolean()
      .openapi({ description: 'True when the evidence names exactly one copy' }),
    file: z.object({
      format: z.enum(['xlsx', 'csv']),
      sha256: z.string(),
      bytes: z.number().int(),
      tapeRowsRead: z.number().int(),
    }),
    copies: z.array(
      z.object({
        downloadId: z.number().int(),
        portfolioId: z.number().int(),
        buyerOrganisation: z.object({ id: z.number().int(), name: z.string() }),
        tier: z.string(),
        downloadedAt: z.string(),
        downloadedByUserId: z.number().int().nullable(),
        sha256: z
          .string()
          .nullable()
          .openapi({ description: 'Equal to the file’s when the leak is the copy unchanged' }),
      }),
    ),
    evidence: z.array(
      z.object({
        method: z.enum(['document_property', 'hidden_mark', 'row_order']),
        downloadId: z.number().int(),
        agreement: z.number().optional(),
        pairs: z.number().int().optional(),
      }),
    ),
  })
  .openapi('DataRoomTrace');

const postTrace = defineRoute('data-rooms:trace', {
  method: 'post',
  path: '/trace',
  tags: ['Transfer'],
  summary:
    'Attribute a leaked data room (.xlsx, or a CSV of its loan tape) to the buyer copy it came from',
  description:
    'Reads the copy’s fingerprints: its document property, the marks hidden in its text, and the order of its tape’s rows (which survives CSV export and retyping). The file is sent as the body or as a multipart `file` field.',
  request: {
    body: {
      required: true,
      content: {
        'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
        },
      },
    },
  },
  responses: {
    200: json('What the file says of its origin', TraceSchema),
    422: problem('Not an .xlsx or CSV file'),
  },
});

export const dataRooms = createRouter().openapi(postTrace, async (c) =>
  // The file goes to disk as it arrives and is read from there, never whole into memory.
  withSpooledUpload(c, async (upload) => {
    const deps = c.get('deps');
    if (upload.bytes === 0)
      throw new Problem('validation_failed', 'send the leaked file as the body', {
        errors: [{ field: 'body', message: 'empty' }],
      });
    const leaked = await readLeakedFile(upload.path).catch((error: unknown) => {
      throw new Problem(
        'validation_failed',
        `the file cannot be read as .xlsx or CSV: ${(error as Error).message}`,
        { errors: [{ field: 'body', message: 'not an .xlsx or CSV file' }] },
      );
    });
    const { evidence, downloads } = traceLeak(deps, leaked);
    const sha256 = upload.sha256;
    const copies = downloads.map((download) => ({
      downloadId: download.id,
      portfolioId: download.portfolioId,
      buyerOrganisation: {
        id: download.buyerOrganisationId,
        name: findBuyer(deps.db, download.buyerOrganisationId)?.name ?? '',
      },
      tier: download.tier,
      downloadedAt: download.startedAt,
      downloadedByUserId: download.userId,
      sha256: download.sha256,
    }));
    deps.db.transaction((tx) =>
      recordAudit(tx, auditActorOf(c), deps.clock.now(), {
        action: 'transfer.data_room.traced',
        targetType: 'data_room_download',
        targetId: copies[0]?.downloadId ?? 0,
        fileSha256: sha256,
        detail: { copies: copies.map((copy) => copy.downloadId) },
      }),
    );
    return c.json(
      {
        attributed: copies.length === 1,
        file: {
          format: leaked.format,
          sha256,
          bytes: upload.bytes,
          tapeRowsRead: leaked.references.length,
        },
        copies,
        evidence,
      },
      200,
    );
  }),
);
