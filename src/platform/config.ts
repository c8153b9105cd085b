/** Runtime configuration, read once from environment variables with safe defaults. */
export type Config = {
  port: number;
  host: string;
  /**
   * Trust X-Forwarded-For from this many proxy hops (or `true` for all): only behind a load
   * balancer. Trusting it otherwise lets a client pick the address that login limits count.
   */
  trustProxy: number;
  /** `postgres://…` selects PostgreSQL; anything else is a SQLite file path (or `:memory:`). */
  databaseUrl: string;
  /** PostgreSQL: the schema Flywheel's tables live in (created if missing); the URL's default when null. */
  databaseSchema: string | null;
  redisUrl: string | null;
  /** Prefix of every Redis key, so deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  natsUrl: string | null;
  logLevel: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** Load the demo world into an empty database on `serve`. */
  seedDemo: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRatePerMinute: number;
  outboxPollMs: number;
  webhookTimeoutMs: number;
  webhookMaxAttempts: number;
  /** Base of the exponential webhook retry delay. */
  webhookRetryBaseMs: number;
  /** Let webhooks target loopback and private networks (development only: SSRF). */
  webhookAllowPrivate: boolean;
  /** Directory holding the built web app. */
  webDir: string;
  /** Where shoppers and payment providers reach this server; `http://HOST:PORT` when null. */
  publicUrl: string | null;
  /** Minutes a shopper has to pay an order before it is cancelled and its stock released. */
  orderPayMinutes: number;
  /** The sandbox payment provider's merchant key (both sides sign notifications with it). */
  sandboxPayKey: string;
  /** Delay before the sandbox's first payment notification. */
  sandboxNotifyDelayMs: number;
  /** How long the sandbox provider takes to answer each call, as a real one over the network does. */
  sandboxLatencyMs: number;
  /** A demo courier delivers one-hour parcels handed over (off when a delivery partner reports by API). */
  courierSimulator: boolean;
  /** How many times faster than real time the demo courier rides. */
  courierSpeed: number;
};

export const configDefaults: Config = {
  port: 3000,
  host: '127.0.0.1',
  trustProxy: 0,
  databaseUrl: './data/flywheel.db',
  databaseSchema: null,
  redisUrl: null,
  redisPrefix: 'flywheel:',
  natsUrl: null,
  logLevel: 'info',
  sessionTtlHours: 12,
  cookieSecure: false,
  seedDemo: true,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  loginRatePerMinute: 20,
  outboxPollMs: 250,
  webhookTimeoutMs: 5000,
  webhookMaxAttempts: 8,
  webhookRetryBaseMs: 10_000,
  webhookAllowPrivate: false,
  webDir: 'dist/web',
  publicUrl: null,
  orderPayMinutes: 15,
  sandboxPayKey: 'flywheel-sandbox-merchant-key',
  sandboxNotifyDelayMs: 800,
  sandboxLatencyMs: 0,
  courierSimulator: true,
  courierSpeed: 1,
};

/** Every variable Flywheel reads, with its default: the README table is checked against this list. */
export const envVariables: Record<string, keyof Config> = {
  PORT: 'port',
  HOST: 'host',
  TRUST_PROXY: 'trustProxy',
  DATABASE_URL: 'databaseUrl',
  DATABASE_SCHEMA: 'databaseSchema',
  REDIS_URL: 'redisUrl',
  REDIS_PREFIX: 'redisPrefix',
  NATS_URL: 'natsUrl',
  LOG_LEVEL: 'logLevel',
  SESSION_TTL_HOURS: 'sessionTtlHours',
  COOKIE_SECURE: 'cookieSecure',
  SEED_DEMO: 'seedDemo',
  LOGIN_MAX_FAILURES: 'loginMaxFailures',
  LOGIN_LOCK_MINUTES: 'loginLockMinutes',
  LOGIN_RATE_PER_MINUTE: 'loginRatePerMinute',
  OUTBOX_POLL_MS: 'outboxPollMs',
  WEBHOOK_TIMEOUT_MS: 'webhookTimeoutMs',
  WEBHOOK_MAX_ATTEMPTS: 'webhookMaxAttempts',
  WEBHOOK_RETRY_BASE_MS: 'webhookRetryBaseMs',
  WEBHOOK_ALLOW_PRIVATE: 'webhookAllowPrivate',
  WEB_DIR: 'webDir',
  PUBLIC_URL: 'publicUrl',
  ORDER_PAY_MINUTES: 'orderPayMinutes',
  SANDBOX_PAY_KEY: 'sandboxPayKey',
  SANDBOX_NOTIFY_DELAY_MS: 'sandboxNotifyDelayMs',
  SANDBOX_LATENCY_MS: 'sandboxLatencyMs',
  COURIER_SIMULATOR: 'courierSimulator',
  COURIER_SPEED: 'courierSpeed',
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const config: Config = { ...configDefaults };
  const target = config as Record<keyof Config, unknown>;
  for (const [name, key] of Object.entries(envVariables)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const fallback = configDefaults[key];
    if (typeof fallback === 'number') {
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
      target[key] = value;
    } else if (typeof fallback === 'boolean') {
      target[key] = ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
    } else {
      target[key] = raw;
    }
  }
  return { ...config, ...overrides };
}
