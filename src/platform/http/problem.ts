import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldError, httpStatusOfKind } from '../errors.js';

type ValidationIssue = {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
};

function pathToField(prefix: string, instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  return [prefix, ...parts].filter(Boolean).join('.');
}

/** Turns schema validation issues into one entry per named field. */
export function fieldErrors(issues: ValidationIssue[], part: string | undefined): FieldError[] {
  const prefix = part && part !== 'body' ? part : '';
  const out = new Map<string, string>();
  for (const issue of issues) {
    const base = pathToField(prefix, issue.instancePath ?? '');
    const params = issue.params ?? {};
    if (issue.keyword === 'required') {
      const missing = (params.requiredProperties ?? [params.missingProperty]) as string[];
      for (const name of missing) out.set([base, name].filter(Boolean).join('.'), 'is required');
    } else if (issue.keyword === 'additionalProperties') {
      const extra = (params.additionalProperties ?? [params.additionalProperty]) as string[];
      for (const name of extra) out.set([base, name].filter(Boolean).join('.'), 'is not a known field');
    } else if (issue.keyword === 'boolean') {
      // TypeBox reports an unknown field twice; the additionalProperties entry names it.
      if (!out.has(base)) out.set(base, 'is not a known field');
    } else if (!out.has(base)) {
      out.set(base || part || 'body', issue.message ?? 'is invalid');
    }
  }
  return [...out].map(([field, message]) => ({ field, message }));
}

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [key: string]: unknown;
};

export function problemOf(error: DomainError, req: FastifyRequest): ProblemBody {
  const { errors, ...rest } = error.details;
  // A module's details add to the problem; the fields RFC 9457 and Flywheel define stay theirs
  // (a detail named `status` once replaced the HTTP status and made a refusal a 500).
  return {
    ...rest,
    type: `https://flywheel.dev/problems/${error.code}`,
    title: error.code,
    status: error.status,
    code: error.code,
    detail: error.message,
    instance: req.url,
    requestId: req.id,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** Maps anything thrown by a route to RFC 9457 problem+json; only real bugs become a 500. */
export function toDomainError(
  error: FastifyError & { validation?: ValidationIssue[]; validationContext?: string },
): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error.validation) {
    const errors = fieldErrors(error.validation, error.validationContext);
    const names = errors.map((e) => e.field).join(', ');
    return new DomainError('request.invalid', `invalid ${error.validationContext ?? 'request'}: ${names}`, {
      errors,
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('request.too_large', 'request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new DomainError('request.invalid', error.message, {
        errors: [{ field: 'body', message: error.message }],
      });
  }
  if (error.statusCode === 429)
    return new DomainError('request.rate_limited', 'too many requests, slow down');
  if (error.statusCode === 400 && error instanceof SyntaxError) {
    return new DomainError('request.invalid', 'body is not valid JSON', {
      errors: [{ field: 'body', message: 'is not valid JSON' }],
    });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const code = error.statusCode === 404 ? 'request.not_found' : 'request.invalid';
    return new DomainError(
      code,
      error.message,
      code === 'request.invalid' ? { errors: [{ field: 'body', message: error.message }] } : {},
    );
  }
  return null;
}

export { httpStatusOfKind };
