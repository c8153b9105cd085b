import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs (pino); `silent` in tests unless LOG_LEVEL says otherwise. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'flywheel' } });
}
