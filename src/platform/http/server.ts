import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { type TypeBoxTypeProvider, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { DomainError } from '../errors.js';
import { newId } from '../ids.js';
import type { Logger } from '../logger.js';
import { type Principal, roleAtLeast } from '../principal.js';
import type { Access } from './access.js';
import { flywheelMark } from './brand.js';
import { guardInput } from './input-guard.js';
import { problemOf, sendProblem, toDomainError } from './problem.js';
import { Problem } from './schemas.js';

export type App = FastifyInstance<any, any, any, Logger, TypeBoxTypeProvider>;

/** Resolves the principal of a request from its session cookie or API key, or null. */
export type Authenticator = (
  req: FastifyRequest,
) => Promise<{ principal: Principal; csrfToken: string | null } | null>;

/** One /api route as registered, as the role walk and bad-input suites walk it: `body` and `query` are its schemas. */
export type RouteEntry = {
  method: string;
  url: string;
  access: Access;
  body: unknown;
  /** The query-string schema, when the route takes one. */
  query: unknown;
  /** The path parameters' schema, when the route has any. */
  params: unknown;
  contentType: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export type HttpOptions = {
  logger: Logger;
  authenticate: Authenticator;
  /** Checks the system of record for `/readyz`. */
  ready: () => Promise<void>;
  webDir: string | null;
  redis: Redis | null;
  redisPrefix: string;
  trustProxy: number;
  version: string;
  /** What the API docs say besides the routes: each tag's description, and a request body per route. */
  docs?: {
    tags: Array<{ name: string; description: string }>;
    examples: Record<string, () => unknown>;
  };
};

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const csrfHeader = 'x-csrf-token';

/**
 * The HTTP edge: request ids, problem+json errors, schema validation (bodies are never
 * coerced), authentication and the access rule of every route, CSRF for cookie sessions,
 * OpenAPI 3.1 at `/openapi.json` and the docs page at `/docs`, and the web app.
 */
export async function createHttpServer(opts: HttpOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: opts.logger,
    genReqId: () => newId('req'),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    trustProxy: opts.trustProxy > 0 ? (_address: string, hop: number) => hop < opts.trustProxy : false,
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  // Spreadsheet uploads (catalogue import) arrive as the file itself, not wrapped in JSON.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 32 * 1_048_576 }, (_req, body, done) =>
    done(null, body),
  );
  app.decorateRequest('principal', null);
  app.addSchema(Problem);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('preValidation', async (req) => {
    guardInput(req.params, 'params');
    guardInput(req.query, 'query');
    guardInput(req.body, 'body');
  });

  app.setErrorHandler((error, req, reply) => {
    const domain = toDomainError(error as any);
    if (domain) {
      if (domain.status >= 500) req.log.error({ err: error }, domain.message);
      return sendProblem(reply, problemOf(domain, req));
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      problemOf(new DomainError('internal.error', `internal error; quote request id ${req.id}`), req),
    );
  });

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    redis: opts.redis ?? undefined,
    nameSpace: `${opts.redisPrefix}rl:`,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      tags: opts.docs?.tags,
      info: {
        title: 'Flywheel API',
        version: opts.version,
        description:
          'Omnichannel, live-stream and creator commerce with enforced trust guarantees. Errors are RFC 9457 problem+json with a stable `code`; creating POSTs accept `Idempotency-Key`; lists use cursor pagination.',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'fw_session',
            description: 'Web session; unsafe methods also need the X-CSRF-Token header.',
          },
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key created in the console (`fwk_…`).',
          },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string) ?? `def-${i}` },
    // Each route's request body carries its example (the one the bad-input and role-walk suites send).
    transform: ({ schema, url, route }) => {
      const method = [route.method].flat()[0];
      const make = opts.docs?.examples[`${method} ${url}`];
      const body = (schema as { body?: Record<string, unknown> } | undefined)?.body;
      if (!make || !body || body.content) return { schema, url };
      return { schema: { ...schema, body: { ...body, examples: [make()] } }, url } as never;
    },
  });

  // Every /api route must say who may call it, and documents it together with its error shape.
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const acc = route.config?.access as Access | undefined;
    if (!acc) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const body = (route.schema as any)?.body ?? null;
      const contentType = body?.content ? Object.keys(body.content)[0] : 'application/json';
      const query = (route.schema as any)?.querystring ?? null;
      const params = (route.schema as any)?.params ?? null;
      table.push({ method, url: route.url, access: acc, body, query, params, contentType });
    }
    route.schema = route.schema ?? {};
    const schema = route.schema as Record<string, any>;
    schema.response ??= {};
    for (const status of ['400', '401', '403', '404', '409', '422', '429']) {
      schema.response[status] ??= { $ref: 'Problem#', description: 'problem+json (RFC 9457)' };
    }
    if (acc.kind !== 'public') schema.security = [{ session: [] }, { apiKey: [] }];
    const who =
      acc.kind === 'member'
        ? `members (${acc.minRole}+${acc.orgKinds ? `, ${acc.orgKinds.join('/')}` : ''})`
        : acc.kind;
    // A GET and its HEAD twin share one schema: say it once.
    if (!schema.description?.includes('Access: '))
      schema.description = [schema.description, `Access: ${who}.`].filter(Boolean).join(' ');
  });

  // Authentication runs before body validation, so a stranger learns nothing about a route's input.
  app.addHook('onRequest', async (req) => {
    const acc = req.routeOptions.config?.access as Access | undefined;
    if (!acc) return;
    const auth = await opts.authenticate(req);
    req.principal = auth?.principal ?? null;
    if (acc.kind === 'public') return;
    if (!auth) throw new DomainError('auth.unauthenticated', 'sign in or send an API key');
    if (
      auth.csrfToken !== null &&
      unsafeMethods.has(req.method) &&
      req.headers[csrfHeader] !== auth.csrfToken
    ) {
      throw new DomainError('auth.csrf_failed', `missing or wrong ${csrfHeader} header`);
    }
    const p = auth.principal;
    if (acc.kind === 'signed_in') return;
    if (acc.kind === 'shopper') {
      if (p.type !== 'shopper') throw new DomainError('auth.forbidden', 'this route is for shoppers');
      return;
    }
    if (p.type !== 'member')
      throw new DomainError('auth.forbidden', 'this route is for organisation members');
    if (acc.orgKinds && !acc.orgKinds.includes(p.orgKind)) {
      throw new DomainError('auth.forbidden', `this route is for ${acc.orgKinds.join(', ')} organisations`);
    }
    if (!roleAtLeast(p.role, acc.minRole))
      throw new DomainError('auth.forbidden', `needs the ${acc.minRole} role or above`);
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await opts.ready();
      return { status: 'ready' };
    } catch (error) {
      return sendProblem(reply, {
        type: 'https://flywheel.dev/problems/service.unavailable',
        title: 'service.unavailable',
        status: 503,
        code: 'service.unavailable',
        detail: `database not reachable: ${(error as Error).message}`,
      });
    }
  });

  const mark = flywheelMark;
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    logo: { type: 'image/svg+xml', content: mark, href: '/', target: '_self' },
    theme: {
      title: 'Flywheel API',
      favicon: [
        { filename: 'flywheel.svg', rel: 'icon', sizes: 'any', type: 'image/svg+xml', content: mark },
      ],
      css: [
        {
          filename: 'flywheel.css',
          content:
            '.swagger-ui .topbar { background: #e4572e; } .swagger-ui .topbar a img { height: 32px; } .swagger-ui .info .title { color: #e4572e; }',
        },
      ],
    },
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: false },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDir = opts.webDir ? resolve(opts.webDir) : null;
  const hasWeb = webDir !== null && existsSync(resolve(webDir, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build writes a brotli and a gzip copy of each asset; the one the browser takes is sent.
      preCompressed: true,
      cacheControl: false,
      // Hashed names never change content: cached for good. The page shell is asked for each time.
      setHeaders: (res, path) =>
        res.setHeader(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });

  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0];
    if (hasWeb && req.method === 'GET' && !path.startsWith('/api/') && !path.includes('.')) {
      // The web app routes on the client: every page path serves its shell.
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(
      reply,
      problemOf(new DomainError('request.not_found', `no route ${req.method} ${path}`), req),
    );
  });

  return app;
}

/** Reads the `Idempotency-Key` header (RFC draft-ietf-httpapi-idempotency-key-header). */
export function idempotencyKeyOf(req: FastifyRequest): string | null {
  const v = req.headers['idempotency-key'];
  return typeof v === 'string' ? v : null;
}
