/**
 * Domain errors carry a stable code (`module.snake_case`) and a kind; one exhaustive map turns
 * kinds into HTTP statuses, so a new kind cannot be added without deciding its status.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'locked'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'internal';

export const httpStatusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  locked: 423,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  internal: 500,
};

/**
 * One invalid field of a request, named by its path in the body, query or params; in an
 * uploaded spreadsheet, by its column with the `line` of the file it is on.
 */
export type FieldError = { field: string; message: string; line?: number };

const kindOfCode = new Map<string, ErrorKind>();

/** Modules declare their error codes once (in `errors.ts`), each with its kind. */
export function defineErrors<const T extends Record<string, ErrorKind>>(codes: T): T {
  for (const [code, kind] of Object.entries(codes)) kindOfCode.set(code, kind);
  return codes;
}

export const platformErrors = defineErrors({
  'request.invalid': 'invalid',
  'request.too_large': 'payload_too_large',
  'request.unsupported_media_type': 'unsupported_media_type',
  'request.not_found': 'not_found',
  'request.rate_limited': 'rate_limited',
  'auth.unauthenticated': 'unauthenticated',
  'auth.forbidden': 'forbidden',
  'auth.csrf_failed': 'forbidden',
  'idempotency.key_reused': 'unprocessable',
  'idempotency.in_progress': 'conflict',
  'idempotency.key_invalid': 'invalid',
  'pagination.cursor_invalid': 'invalid',
  'tenant.violation': 'not_found',
  'internal.error': 'internal',
  'service.unavailable': 'unavailable',
});

/**
 * Every declared error code, as a key. Each module adds its own from its `errors.ts` by
 * declaration merging, so `new DomainError('orders.typo', …)` does not compile:
 *
 *     declare module '../../platform/errors.js' { interface ErrorCatalog extends Codes<typeof ordersErrors> {} }
 */
export interface ErrorCatalog extends Codes<typeof platformErrors> {}

/** The catalogue entries a module's `defineErrors` declares. */
export type Codes<T extends Record<string, ErrorKind>> = { [K in keyof T]: T[K] };

export type ErrorCode = keyof ErrorCatalog & string;

/** Whether `code` was declared by some module (codes from outside: a stored problem, a test). */
export function isErrorCode(code: string): code is ErrorCode {
  return kindOfCode.has(code);
}

/** Every code the modules imported so far have declared, for the test that each is translated. */
export function declaredErrorCodes(): string[] {
  return [...kindOfCode.keys()];
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    const kind = kindOfCode.get(code);
    if (!kind) throw new Error(`error code ${code} was never declared with defineErrors`);
    this.kind = kind;
  }
  get status(): number {
    return httpStatusOfKind[this.kind];
  }
}

/** `executeTakeFirstOrThrow(notFound('webhooks.endpoint'))` */
export function notFound(what: string, id?: string): () => DomainError {
  return () => new DomainError('request.not_found', `${what} not found`, id ? { id } : {});
}

export function invalidField(field: string, message: string): DomainError {
  return new DomainError('request.invalid', `${field}: ${message}`, { errors: [{ field, message }] });
}
