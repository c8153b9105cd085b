import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/platform/http/server.js';

/**
 * An HTTP client over `app.inject` that keeps cookies and sends the CSRF header like the web
 * app does, or a Bearer API key like an integration.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf: string | null = null;
  bearer: string | null = null;

  constructor(private readonly app: App) {}

  async request(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse & { body: string; json: () => any }> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const opts: InjectOptions = { method: method as any, url, headers: h };
    if (body !== undefined) opts.payload = body as any;
    const res = await this.app.inject(opts);
    for (const c of res.cookies as Array<{ name: string; value: string; expires?: Date }>) {
      // clearCookie expires the cookie in 1970; tests run on a manual clock, so no other expiry is judged here.
      if (c.value === '' || (c.expires && c.expires.getTime() < 1e12)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res as any;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body ?? {}, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers);
  }

  async login(email: string, password: string): Promise<this> {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    this.csrf = res.json().csrfToken;
    return this;
  }

  async loginShopper(email: string, password: string): Promise<this> {
    const res = await this.post('/api/shop/auth/login', { email, password });
    if (res.statusCode !== 200)
      throw new Error(`shopper login ${email} failed: ${res.statusCode} ${res.body}`);
    this.csrf = res.json().csrfToken;
    return this;
  }
}
