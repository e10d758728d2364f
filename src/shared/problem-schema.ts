import { z } from '@hono/zod-openapi';

/** The `application/problem+json` body (RFC 9457), as documented in the OpenAPI document. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(
        z.object({
          row: z.number().int().optional(),
          column: z.string().optional(),
          field: z.string().optional(),
          value: z.unknown().optional(),
          message: z.string(),
        }),
      )
      .optional(),
    totalErrors: z.number().int().optional(),
  })
  .openapi('Problem');
