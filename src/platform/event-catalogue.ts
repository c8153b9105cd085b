import type { TSchema } from 'typebox';
import type { FlywheelModule } from './module.js';

/**
 * The event catalogue (`docs/events.md`), made from the modules' declarations: what a webhook
 * subscriber, a NATS consumer or a module author can rely on. CI checks the file against this.
 */
export function renderEventCatalogue(
  modules: ReadonlyArray<Pick<FlywheelModule, 'name' | 'events'>>,
): string {
  const events = modules
    .flatMap((m) => Object.entries(m.events ?? {}).map(([type, d]) => ({ type, module: m.name, ...d })))
    .sort((a, b) => a.type.localeCompare(b.type));
  const out = [
    '# Event catalogue',
    '',
    "<!-- Generated from each module's `events.ts` by `npm run docs:events`; CI fails when it differs. -->",
    '',
    'Every state change writes its events to the outbox in the same transaction; the relay delivers',
    'them at least once, in commit order, to after-commit hooks, webhooks and NATS (`flywheel.<type>`).',
    'Each delivery carries `id` (deduplicate on it), `seq`, `type`, `version`, `aggregateType`,',
    '`aggregateId`, `orgId`, `actorId`, `requestId`, `createdAt` and the `payload` below. A payload',
    'changes incompatibly only with a new `version`. Amounts are integer fen.',
    '',
  ];
  let module = '';
  for (const e of events) {
    if (e.module !== module) {
      module = e.module;
      out.push(`## ${module}`, '');
    }
    out.push(`### \`${e.type}\` (v${e.version})`, '', `${e.summary} Aggregate: \`${e.aggregate}\`.`, '');
    const fields = describeFields(e.payload);
    if (fields.length === 0) out.push('No payload fields.', '');
    else out.push('| field | type | required |', '|---|---|---|', ...fields, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function describeFields(schema: TSchema, prefix = ''): string[] {
  const s = schema as { properties?: Record<string, TSchema>; required?: string[] };
  const rows: string[] = [];
  for (const [name, field] of Object.entries(s.properties ?? {})) {
    const path = `${prefix}${name}`;
    const desc = (field as { description?: string }).description;
    rows.push(
      `| \`${path}\` | ${typeName(field)}${desc ? `: ${desc}` : ''} | ${s.required?.includes(name) ? 'yes' : 'no'} |`,
    );
    const inner = (field as { items?: TSchema }).items ?? field;
    if ((inner as { properties?: unknown }).properties)
      rows.push(...describeFields(inner, `${path}${inner === field ? '' : '[]'}.`));
  }
  return rows;
}

function typeName(schema: TSchema): string {
  const s = schema as { type?: string | string[]; items?: TSchema; anyOf?: TSchema[] };
  if (s.anyOf) return s.anyOf.map(typeName).join(' or ');
  if (s.type === 'array') return `${typeName(s.items!)}[]`;
  return Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
}
