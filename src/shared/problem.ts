import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The closed list of error codes the API answers with, and the HTTP status of each
 * (one table, as in Unkey's API). Each code is also the last segment of the problem `type` URI.
 */
const problemStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  idempotency_key_reused: 422,
  too_many_requests: 429,
  request_header_too_large: 431,
  internal_error: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ProblemCode = keyof typeof problemStatus;

const titles: Record<ProblemCode, string> = {
  bad_request: 'Bad request',
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  payload_too_large: 'Request body too large',
  unsupported_media_type: 'Unsupported media type',
  validation_failed: 'Validation failed',
  idempotency_key_reused: 'Idempotency key reused with a different request',
  too_many_requests: 'Too many requests',
  request_header_too_large: 'Request header fields too large',
  internal_error: 'Internal server error',
};

/** One error in a list: a request field, or a row and column of an uploaded file. */
export interface FieldError {
  /** 1-based line of the file counting the header as line 1; absent for request fields. */
  row?: number;
  /** The column (as written in the file header) or the request field path, e.g. `query.as_of`. */
  column?: string;
  field?: string;
  value?: unknown;
  message: string;
}

/** An error the API turns into `application/problem+json` (RFC 9457). */
export class Problem extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; totalErrors?: number; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.status = problemStatus[code];
  }

  toJSON() {
    return {
      type: `https://errors.debt-platform.dev/${this.code}`,
      title: titles[this.code],
      status: this.status,
      detail: this.detail,
      ...this.extra,
    };
  }
}

/**
 * Sends a problem as `application/problem+json`; a problem that says when to come back
 * (`retryAfterSeconds`, as a 429 does) also sets `Retry-After`.
 */
export function problemResponse(c: Context, problem: Problem): Response {
  c.header('Content-Type', 'application/problem+json');
  if (typeof problem.extra.retryAfterSeconds === 'number')
    c.header('Retry-After', String(problem.extra.retryAfterSeconds));
  return c.body(JSON.stringify(problem.toJSON()), problem.status);
}
