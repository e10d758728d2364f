import { z } from '@hono/zod-openapi';
import { productKinds } from './product-kind';

// Names are what a tape's cell and a printed notice carry: no control characters, bounded length.
const productName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters');

export const ProductCodeParams = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9_]{1,32}$/, 'lower-case letters, digits and _, at most 32')
    .openapi({ param: { name: 'code', in: 'path' }, example: 'credit_card' }),
});

export const NewProductSchema = z
  .object({
    code: z
      .string()
      .regex(/^[a-z0-9_]{1,32}$/, 'lower-case letters, digits and _, at most 32')
      .openapi({ example: 'student_loan' }),
    nameZh: productName.openapi({ example: '助学贷款' }),
    nameEn: productName.openapi({ example: 'Student loan' }),
    kind: z.enum(productKinds).describe('What the eligibility rules reason about'),
    aliases: z
      .array(productName)
      .max(100)
      .optional()
      .describe('Other names tapes use for it; its code and names are aliases already'),
  })
  .strict()
  .openapi('NewProduct');

export const ProductChangeSchema = z
  .object({
    nameZh: productName.optional(),
    nameEn: productName.optional(),
    kind: z.enum(productKinds).optional(),
    aliases: z.array(productName).max(100).optional().describe('Names to add'),
  })
  .strict()
  .openapi('ProductChange');

export const ProductSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.enum(productKinds),
    kindZh: z.string(),
    kindEn: z.string(),
    aliases: z.array(z.string()).describe('Folded: NFKC, trimmed, lower case'),
  })
  .openapi('Product');

export const ProductTableSchema = z
  .object({
    products: z.array(ProductSchema),
    kinds: z.array(
      z.object({ kind: z.enum(productKinds), nameZh: z.string(), nameEn: z.string() }),
    ),
    unknownInBook: z
      .array(z.object({ product: z.string(), loans: z.number().int() }))
      .describe('Products written on loans of the book that the table does not know'),
  })
  .openapi('ProductTable');
