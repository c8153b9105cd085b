/**
 * Signs a member in over real HTTP, as the web app does, and returns the headers a write needs
 * (session cookie and CSRF token). For tests and benchmarks that talk to a running server; a
 * shopper signs in at `/api/shop/auth/login`.
 */
export async function signIn(
  base: string,
  email: string,
  password = 'flywheel-demo',
  path = '/api/auth/login',
): Promise<Record<string, string>> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
}
