import Type, { type Static, type TSchema } from 'typebox';

/**
 * What a module declares of one of its events: the payload's schema and version, the kind of
 * aggregate it is about, and one line for the event catalogue (`docs/events.md`).
 */
export type EventDeclaration = {
  /** Raised when the payload changes incompatibly; subscribers read it from the envelope. */
  version: number;
  aggregate: string;
  summary: string;
  payload: TSchema;
};

/**
 * Every declared event, by type, with its payload. Each module adds its own from its
 * `events.ts` by declaration merging, so `emit` takes only declared events with their payloads:
 *
 *     declare module '../../platform/events.js' { interface EventCatalog extends Payloads<typeof ordersEvents> {} }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each module's declaration merging
export interface EventCatalog {}

export type EventType = keyof EventCatalog & string;

/** The payload types of a module's declarations. */
export type Payloads<T extends Record<string, EventDeclaration>> = {
  [K in keyof T]: Static<T[K]['payload']>;
};

/** An event as a command emits it: a declared type with its payload, one member per type. */
export type EventInput<K extends EventType = EventType> = {
  [T in K]: {
    type: T;
    aggregateId: string;
    orgId: string | null;
    payload: EventCatalog[T];
  };
}[K];

/** An event as delivered: with its id (for dedupe), sequence, version and time. */
export type FlywheelEvent<K extends EventType = EventType> = {
  [T in K]: {
    id: string;
    seq: number;
    type: T;
    version: number;
    aggregateType: string;
    aggregateId: string;
    orgId: string | null;
    actorId: string | null;
    requestId: string | null;
    createdAt: string;
    payload: EventCatalog[T];
  };
}[K];

/** The payload field most update events carry: which fields changed (never their values). */
export const ChangedFields = Type.Array(Type.String(), { description: 'the fields that changed' });

const declared = new Map<string, EventDeclaration & { module: string }>();

/**
 * Declares a module's events (in its `events.ts`): their names in the past tense under the
 * module's prefix, and their payload schemas.
 */
export function defineEvents<const T extends Record<string, EventDeclaration>>(module: string, events: T): T {
  for (const [type, d] of Object.entries(events)) {
    if (!type.startsWith(`${module}.`)) throw new Error(`event ${type} is not under ${module}.`);
    declared.set(type, { ...d, module });
  }
  return events;
}

/** The declaration of an event type; throws for one never declared (a bug, caught in tests). */
export function declarationOf(type: string): EventDeclaration & { module: string } {
  const d = declared.get(type);
  if (!d) throw new Error(`event ${type} was never declared with defineEvents`);
  return d;
}

/** Every declared event, sorted by type: the event catalogue. */
export function declaredEvents(): Array<EventDeclaration & { type: string; module: string }> {
  return [...declared.entries()]
    .map(([type, d]) => ({ type, ...d }))
    .sort((a, b) => a.type.localeCompare(b.type));
}
