import type { z } from '@hono/zod-openapi';
import { ProblemSchema } from './problem-schema';

/** An OpenAPI response whose body is JSON of `schema`. */
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** An OpenAPI error response: an `application/problem+json` body. */
export const problemResponseDoc = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** A required JSON request body of `schema`, for a route's `request`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});
