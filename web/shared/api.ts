/** The one HTTP client of the web app: JSON in and out, the CSRF header on writes, problem+json as errors. */
export type Problem = {
  code: string;
  detail?: string;
  status: number;
  errors?: Array<{ field: string; message: string; line?: number }>;
  [extension: string]: unknown;
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.code);
  }
}

function csrfToken(): string {
  const m = document.cookie.match(/(?:^|; )fw_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  return send<T>(method, path, body !== undefined ? JSON.stringify(body) : undefined, {
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...headers,
  });
}

/** Uploads a file as it is (a CSV spreadsheet), not wrapped in JSON. */
export function upload<T>(
  path: string,
  file: string,
  contentType: string,
  headers: Record<string, string> = {},
) {
  return send<T>('POST', path, file, { 'content-type': contentType, ...headers });
}

async function send<T>(
  method: string,
  path: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { ...(method !== 'GET' ? { 'x-csrf-token': csrfToken() } : {}), ...headers },
    body,
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(data ?? { code: 'http.error', status: res.status });
  return data as T;
}

export type Page<T> = { items: T[]; nextCursor: string | null };

type Translate = (key: string, opts?: Record<string, unknown>) => string;

/**
 * A refusal in the reader's language, by its code (`problems.<code>`); a code not translated
 * (a newer server) falls back to the server's own words.
 */
export function problemText(t: Translate, problem: Problem): string {
  const key = problem.code.replace('.', '_');
  const said = t(`problems.${key}`, { defaultValue: problem.detail ?? problem.code });
  // A refusal that says which of its kinds it is (`reason`) is said more precisely.
  return typeof problem.reason === 'string'
    ? t(`problems.reason.${key}.${problem.reason}`, { defaultValue: said })
    : said;
}

/**
 * What is wrong with one field, in the reader's language: the schema's refusals by their kind,
 * a domain refusal by its code.
 */
export function fieldText(t: Translate, problem: Problem, field: { message: string }): string {
  if (field.message === 'is required') return t('problems.field.required');
  if (field.message === 'is not a known field') return t('problems.field.unknown');
  if (problem.code === 'request.invalid') return t('problems.field.invalid', { message: field.message });
  return problemText(t, problem);
}

/**
 * Every item of a paged list, page after page (200 a page): for the short lists a form picks
 * from or a page shows whole (a brand's channels, locations, zones, rules). Long lists page on
 * screen with `useList` instead.
 */
export async function allPages<T>(path: string, maxPages = 50): Promise<T[]> {
  const items: T[] = [];
  const sep = path.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  for (let n = 0; n < maxPages; n++) {
    const url = `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: Page<T> = await api<Page<T>>('GET', url);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export type Me = {
  type: 'member' | 'shopper';
  user?: { id: string; email: string; name: string } | null;
  org?: { id: string; kind: string; name: string; attributes: Record<string, unknown> };
  role?: string;
  memberships?: Array<{ orgId: string; orgName: string; orgKind: string; role: string }>;
  shopper?: { id: string; email: string; name: string };
};
