import { chinaMinuteOfDay } from '../../../platform/clock.js';

/**
 * Routing for one-hour delivery (DESIGN §3 fulfilment): which location serves an order, with
 * every candidate's verdict recorded. Pure: the caller loads candidates, stock and queues.
 *
 * Estimate = queue delay + preparation + road distance / courier speed. The queue delay makes
 * the promise capacity-aware: a store already holding orders beyond its picking capacity
 * starts this one later, so a busy store loses to a free one and no promise is made that the
 * store cannot keep (the way JD's hour delivery adjusts promises to store capacity).
 */

export type OpeningHours = { open: string; close: string };

/** When a store starts on an order that reaches it at `at`: now, or at its next opening. */
export function workStartsAt(c: Pick<Candidate, 'openingHours' | 'prepMinutes'>, at: Date): Date {
  return new Date(readyAt(c.openingHours, c.prepMinutes, at).getTime() - c.prepMinutes * 60_000);
}

/**
 * When a store can have an order ready that reaches it at `at`: after `prepMinutes` of work that
 * starts now if the store is open long enough for it today, else at its next opening (later
 * today, or tomorrow). Every promise a store makes starts from here.
 */
export function readyAt(hours: OpeningHours, prepMinutes: number, at: Date): Date {
  const minute = chinaMinuteOfDay(at);
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  const startOfMinute = at.getTime() - (at.getTime() % 60_000);
  let start = at.getTime();
  if (minute < open) start = startOfMinute + (open - minute) * 60_000;
  else if (minute + prepMinutes > close) start = startOfMinute + (1440 - minute + open) * 60_000;
  return new Date(start + prepMinutes * 60_000);
}

export type Candidate = {
  id: string;
  name: string;
  nameEn: string | null;
  kind: 'store' | 'warehouse';
  province: string;
  lat: number;
  lng: number;
  openingHours: OpeningHours;
  radiusM: number;
  prepMinutes: number;
  /** Orders the store's staff pick at once. */
  pickCapacity: number;
  /** Hour orders it holds now, not yet handed to a courier. */
  queue: number;
  /** Why no agreement in force lets this store sell these lines; null when one does. */
  agreementGap: string | null;
  /** Available units per SKU. */
  stock: Record<string, number>;
};

export type RouteLine = { skuId: string; quantity: number };

export type Rule =
  | { kind: 'prefer_location'; locationId: string }
  | { kind: 'avoid_split' }
  | { kind: 'same_province' };

export type RoutingSettings = {
  promiseMinutes: number;
  /** Road distance over straight-line distance. */
  roadFactor: number;
  /** Courier speed in metres per minute (an e-bike in city traffic). */
  courierMPerMin: number;
  /** China-time hour after which a warehouse order leaves the next day. */
  warehouseCutoffHour: number;
  /** How far a shopper is offered a store to collect from: a trip across town, not to another city. */
  pickupRadiusM: number;
};

export const defaultRouting: RoutingSettings = {
  promiseMinutes: 60,
  roadFactor: 1.4,
  courierMPerMin: 250,
  warehouseCutoffHour: 16,
  pickupRadiusM: 30_000,
};

export const rejectionReasons = [
  'closed',
  'radius',
  'agreement',
  'stock',
  'capacity',
  'promise',
  'province',
] as const;
export type Rejection = (typeof rejectionReasons)[number];

export type Assessment = {
  locationId: string;
  name: string;
  nameEn: string | null;
  kind: 'store' | 'warehouse';
  distanceM: number;
  /** Minutes to the door when this location serves the order (stores). */
  etaMinutes: number | null;
  /** Of which the courier's ride. */
  travelMinutes: number | null;
  queue: number;
  /** The fewest orders' worth of the lines it holds: ties go to the most cover. */
  cover: number;
  /** SKUs of the order it lacks (for splits). */
  missing: string[];
  rejected: Rejection | null;
  chosen: boolean;
};

export type Group = {
  locationId: string;
  lines: RouteLine[];
  /** Minutes to the door for a store delivery; null for a warehouse parcel. */
  etaMinutes: number | null;
  travelMinutes: number | null;
  /** Days to the standard delivery date for a warehouse parcel. */
  standardDays: number | null;
};

export type DecisionKind = 'hour' | 'split' | 'standard' | 'none';

export type Decision = {
  kind: DecisionKind;
  groups: Group[];
  candidates: Assessment[];
  /** Stores holding every line, nearest first, with when each can have the order ready. */
  pickup: Array<{
    locationId: string;
    name: string;
    nameEn: string | null;
    distanceM: number;
    readyAt: string;
  }>;
  /** Why no store can deliver within the hour, and when one can again; null when one can. */
  hourGap: HourGap | null;
  rulesApplied: string[];
};

export const hourGapReasons = ['no_store', 'radius', 'closed', 'stock', 'capacity', 'promise'] as const;
export type HourGap = { reason: (typeof hourGapReasons)[number]; availableAt: string | null };

const earthRadiusM = 6_371_008.8;

/** Great-circle distance in metres. */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * earthRadiusM * Math.asin(Math.min(1, Math.sqrt(h))));
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Minutes the store waits before it starts this order: one preparation per full round of its pickers. */
export function queueDelay(c: Pick<Candidate, 'queue' | 'pickCapacity' | 'prepMinutes'>): number {
  return Math.floor(c.queue / Math.max(1, c.pickCapacity)) * c.prepMinutes;
}

function holds(c: Candidate, lines: readonly RouteLine[]): boolean {
  return lines.every((l) => (c.stock[l.skuId] ?? 0) >= l.quantity);
}

function coverOf(c: Candidate, lines: readonly RouteLine[]): number {
  return Math.min(...lines.map((l) => Math.floor((c.stock[l.skuId] ?? 0) / l.quantity)));
}

type Assessed = Assessment & { candidate: Candidate };

function assessStore(
  c: Candidate,
  address: { lat: number; lng: number; province: string },
  lines: readonly RouteLine[],
  minute: number,
  s: RoutingSettings,
  sameProvince: boolean,
): Assessed {
  const d = distanceM(c, address);
  const wait = queueDelay(c);
  const travel = Math.ceil((d * s.roadFactor) / s.courierMPerMin);
  const eta = wait + c.prepMinutes + travel;
  const missing = lines.filter((l) => (c.stock[l.skuId] ?? 0) < l.quantity).map((l) => l.skuId);
  const open = minutesOf(c.openingHours.open);
  const close = minutesOf(c.openingHours.close);
  let rejected: Rejection | null = null;
  // Order of the checks: the reason shown is the most basic one that rules the store out.
  if (c.agreementGap) rejected = 'agreement';
  else if (sameProvince && c.province !== address.province) rejected = 'province';
  else if (minute < open || minute + wait + c.prepMinutes > close) rejected = 'closed';
  else if (d > c.radiusM) rejected = 'radius';
  else if (eta > s.promiseMinutes) rejected = eta - wait <= s.promiseMinutes ? 'capacity' : 'promise';
  else if (missing.length === lines.length) rejected = 'stock';
  return {
    candidate: c,
    locationId: c.id,
    name: c.name,
    nameEn: c.nameEn,
    kind: c.kind,
    distanceM: d,
    etaMinutes: eta,
    travelMinutes: travel,
    queue: c.queue,
    cover: coverOf(c, lines),
    missing,
    rejected,
    chosen: false,
  };
}

/**
 * Why no store delivers within the hour, the most basic reason first: no store may sell here,
 * none reaches the address, those that do are closed (until their next opening), lack the
 * items, or are too busy or too far to keep the promise now.
 */
function whyNoHour(stores: readonly Assessed[], now: Date): HourGap | null {
  // A parcel was asked for while a store could deliver within the hour.
  if (stores.some((a) => a.rejected === null && a.missing.length === 0)) return null;
  const selling = stores.filter((a) => a.rejected !== 'agreement' && a.rejected !== 'province');
  if (selling.length === 0) return { reason: 'no_store', availableAt: null };
  const near = selling.filter((a) => a.distanceM <= a.candidate.radiusM);
  if (near.length === 0) return { reason: 'radius', availableAt: null };
  // Closed by its hours, not by a queue that would run past closing (that is being busy).
  const starts = new Map(near.map((a) => [a, workStartsAt(a.candidate, now).getTime()]));
  const open = near.filter((a) => starts.get(a)! <= now.getTime());
  if (open.length === 0) {
    // When the first store that holds the items opens (any store, when none holds them).
    const holding = near.filter((a) => a.missing.length === 0);
    const first = Math.min(...(holding.length ? holding : near).map((a) => starts.get(a)!));
    return { reason: 'closed', availableAt: new Date(first).toISOString() };
  }
  if (open.every((a) => a.missing.length > 0)) return { reason: 'stock', availableAt: null };
  return { reason: open.some((a) => a.rejected === 'capacity') ? 'capacity' : 'promise', availableAt: null };
}

const byEtaThenCover = (a: Assessed, b: Assessed) =>
  a.etaMinutes! - b.etaMinutes! || b.cover - a.cover || a.distanceM - b.distanceM;

/**
 * Decides who serves an order: the earliest store that keeps the promise and holds every line
 * (ties: most stock cover); else two stores that together hold it and both keep the promise;
 * else the warehouse with the earliest standard date. Ranked rules adjust the choice.
 */
export function route(
  input: {
    address: { lat: number; lng: number; province: string };
    lines: readonly RouteLine[];
    candidates: readonly Candidate[];
    now: Date;
    rules?: readonly Rule[];
    /** Leave stores out: a standard parcel was asked for. */
    standardOnly?: boolean;
  },
  s: RoutingSettings = defaultRouting,
): Decision {
  const rules = input.rules ?? [];
  const applied: string[] = [];
  const sameProvince = rules.some((r) => r.kind === 'same_province');
  const avoidSplit = rules.some((r) => r.kind === 'avoid_split');
  const preferred = rules.flatMap((r) => (r.kind === 'prefer_location' ? [r.locationId] : []));
  const minute = chinaMinuteOfDay(input.now);
  const stores = input.candidates
    .filter((c) => c.kind === 'store')
    .map((c) => assessStore(c, input.address, input.lines, minute, s, sameProvince));
  const warehouses = input.candidates
    .filter((c) => c.kind === 'warehouse')
    .map((c) => assessWarehouse(c, input.address, input.lines, input.now, s));

  const able = stores.filter((a) => a.rejected === null);
  const whole = able.filter((a) => a.missing.length === 0).sort(byEtaThenCover);
  const pickup = stores
    .filter((a) => !a.candidate.agreementGap && a.missing.length === 0 && a.distanceM <= s.pickupRadiusM)
    .sort((a, b) => a.distanceM - b.distanceM)
    .map((a) => ({
      locationId: a.locationId,
      name: a.name,
      nameEn: a.nameEn,
      distanceM: a.distanceM,
      readyAt: readyAt(a.candidate.openingHours, a.candidate.prepMinutes, input.now).toISOString(),
    }));
  const finish = (kind: DecisionKind, groups: Group[]): Decision => {
    const chosen = new Set(groups.map((g) => g.locationId));
    const all = [...stores, ...warehouses]
      .map(({ candidate: _c, ...a }) => ({ ...a, chosen: chosen.has(a.locationId) }))
      .sort((a, b) => Number(b.chosen) - Number(a.chosen) || a.distanceM - b.distanceM);
    const hourGap = kind === 'hour' || kind === 'split' ? null : whyNoHour(stores, input.now);
    return { kind, groups, candidates: all, pickup, hourGap, rulesApplied: applied };
  };

  if (!input.standardOnly) {
    if (whole.length > 0) {
      const pick = whole.find((a) => preferred.includes(a.locationId));
      if (pick && pick !== whole[0]) applied.push(`prefer_location:${pick.locationId}`);
      const best = pick ?? whole[0];
      return finish('hour', [
        {
          locationId: best.locationId,
          lines: [...input.lines],
          etaMinutes: best.etaMinutes,
          travelMinutes: best.travelMinutes,
          standardDays: null,
        },
      ]);
    }
    // Stores that keep the promise but lack a line: no single one can serve, so they wait for a split.
    for (const a of able) a.rejected = 'stock';
    const split = avoidSplit ? null : bestSplit(able, input.lines);
    if (avoidSplit && able.length > 1) applied.push('avoid_split');
    if (split) {
      for (const a of able) if (split.some((g) => g.locationId === a.locationId)) a.rejected = null;
      return finish('split', split);
    }
  }
  const parcels = warehouses
    .filter((w) => w.rejected === null)
    .sort((a, b) => a.etaMinutes! - b.etaMinutes! || a.distanceM - b.distanceM);
  if (parcels.length > 0) {
    const w = parcels[0];
    return finish('standard', [
      {
        locationId: w.locationId,
        lines: [...input.lines],
        etaMinutes: null,
        travelMinutes: null,
        standardDays: w.etaMinutes! / 1440,
      },
    ]);
  }
  return finish('none', []);
}

/** Two stores that keep the promise and together hold every line; the pair whose later arrival is earliest. */
function bestSplit(able: Assessed[], lines: readonly RouteLine[]): Group[] | null {
  // The nearest few are enough: a pair of far stores cannot beat a pair of near ones by much.
  const near = [...able].sort(byEtaThenCover).slice(0, 12);
  let best: { groups: Group[]; eta: number } | null = null;
  for (let i = 0; i < near.length; i++) {
    for (let j = i + 1; j < near.length; j++) {
      const [a, b] = [near[i], near[j]];
      const first = lines.filter((l) => (a.candidate.stock[l.skuId] ?? 0) >= l.quantity);
      const second = lines.filter((l) => !first.includes(l));
      if (first.length === 0 || second.length === 0 || !holds(b.candidate, second)) continue;
      const eta = Math.max(a.etaMinutes!, b.etaMinutes!);
      if (best && best.eta <= eta) continue;
      best = {
        eta,
        groups: [
          {
            locationId: a.locationId,
            lines: first,
            etaMinutes: a.etaMinutes,
            travelMinutes: a.travelMinutes,
            standardDays: null,
          },
          {
            locationId: b.locationId,
            lines: second,
            etaMinutes: b.etaMinutes,
            travelMinutes: b.travelMinutes,
            standardDays: null,
          },
        ],
      };
    }
  }
  return best?.groups ?? null;
}

/** A warehouse parcel: next day within the province, two days elsewhere, one more after the cut-off. */
export function standardDays(
  c: Pick<Candidate, 'province'>,
  address: { province: string },
  now: Date,
  s: RoutingSettings = defaultRouting,
): number {
  const days = c.province === address.province ? 1 : 2;
  return chinaMinuteOfDay(now) >= s.warehouseCutoffHour * 60 ? days + 1 : days;
}

function assessWarehouse(
  c: Candidate,
  address: { lat: number; lng: number; province: string },
  lines: readonly RouteLine[],
  now: Date,
  s: RoutingSettings,
): Assessed {
  const missing = lines.filter((l) => (c.stock[l.skuId] ?? 0) < l.quantity).map((l) => l.skuId);
  return {
    candidate: c,
    locationId: c.id,
    name: c.name,
    nameEn: c.nameEn,
    kind: 'warehouse',
    distanceM: distanceM(c, address),
    // Kept in minutes so every candidate sorts on one scale.
    etaMinutes: standardDays(c, address, now, s) * 1440,
    travelMinutes: null,
    queue: 0,
    cover: coverOf(c, lines),
    missing,
    rejected: missing.length > 0 ? 'stock' : null,
    chosen: false,
  };
}
