import { DomainError } from '../errors.js';

/** Deeper than any body a route takes: a JSON body past it is refused before anything walks it. */
export const maxInputDepth = 32;

/**
 * Refuses, before validation and before anything walks the input recursively (the idempotency
 * fingerprint does), what no engine can hold the same way:
 * - a body nested deeper than {@link maxInputDepth}: a recursive walk of it overflows the stack;
 * - a string with U+0000: PostgreSQL cannot store it in text, SQLite can; the two must agree;
 * - a string that is not well-formed UTF-16 (a lone surrogate): each engine mends it differently.
 * The walk is iterative, so the guard itself cannot overflow. Each refusal names the field.
 */
export function guardInput(value: unknown, root: 'body' | 'query' | 'params'): void {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = stringProblem(v);
      if (problem) throw refused(path, problem);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxInputDepth) throw refused(root, `is nested deeper than ${maxInputDepth} levels`);
    for (const [key, child] of Object.entries(v)) {
      const keyProblem = stringProblem(key);
      if (keyProblem) throw refused(path, `has a field name that ${keyProblem}`);
      stack.push({ v: child, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
}

function stringProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains the NUL character (U+0000)';
  if (!s.isWellFormed()) return 'is not well-formed Unicode (a lone surrogate)';
  return null;
}

function refused(field: string, message: string): DomainError {
  // Named as schema validation names them: body fields bare, `querystring.q`, `params.id`; the
  // body as a whole (too deep, a CSV upload) is `body`.
  const name = field.replace(/^body\./, '').replace(/^query\b/, 'querystring');
  return new DomainError('request.invalid', `${name}: ${message}`, { errors: [{ field: name, message }] });
}
