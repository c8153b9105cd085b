import type { FastifyReply } from 'fastify';
import { chinaDay } from '../clock.js';

/** The OpenAPI answer of a spreadsheet download. */
export const csvResponse = {
  200: {
    description: 'text/csv, UTF-8 with BOM',
    content: { 'text/csv': { schema: { type: 'string' } } },
  },
};

/** Sends a spreadsheet as a download named `flywheel-<what>-<day>.csv`, the day China's. */
export function sendCsv(reply: FastifyReply, what: string, now: Date, csv: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="flywheel-${what}-${chinaDay(now)}.csv"`)
    .send(csv);
}
