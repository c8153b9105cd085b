import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { chinaDay, chinaDayRange } from '../../../platform/clock.js';
import { type Executor, isPostgres } from '../../../platform/db/database.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import type { MemberPrincipal, ShopperPrincipal } from '../../../platform/principal.js';
import { channelById } from '../../catalog/index.js';
import { decisionOf, shipmentsOf } from '../../fulfilment/index.js';
import { findPayment, paymentView } from '../../payments/index.js';
import type { OrderRow } from '../commands/lifecycle.js';
import { type ExportLanguage, exportColumns, exportWords } from '../domain/export.js';
import { type OrderStatus, type ShopperStage, shopperStages } from '../domain/order.js';
import type { Adjustment } from '../domain/pricing.js';

function summary(o: OrderRow) {
  return {
    id: o.id,
    brandId: o.org_id,
    channelId: o.channel_id,
    status: o.status,
    delivery: o.delivery,
    address: o.address ? (JSON.parse(o.address) as Record<string, unknown>) : null,
    pickupLocationId: o.pickup_location_id,
    subtotal: Number(o.subtotal),
    adjustments: JSON.parse(o.adjustments) as Adjustment[],
    deliveryFee: Number(o.delivery_fee),
    total: Number(o.total),
    currency: o.currency,
    payBy: o.pay_by,
    placedAt: o.placed_at,
    paidAt: o.paid_at,
    cancelledAt: o.cancelled_at,
    cancelReason: o.cancel_reason,
    updatedAt: o.updated_at,
  };
}

/** The channels' names of some orders, by id (from the catalogue's cache). */
async function channelNames(db: Executor, orders: OrderRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(orders.map((o) => o.channel_id)))
    names.set(id, (await channelById(db, id))?.name ?? id);
  return names;
}

/** A page of orders as a list shows them: with the name of the channel each was sold through. */
async function summaries(db: Executor, page: { items: OrderRow[]; nextCursor: string | null }) {
  const names = await channelNames(db, page.items);
  return {
    items: page.items.map((o) => ({
      ...summary(o),
      channelName: names.get(o.channel_id) ?? o.channel_id,
      customer: customerOf(o),
    })),
    nextCursor: page.nextCursor,
  };
}

/** An order with its lines, shipments, payment and history; the routing decision for the merchant's side. */
export async function orderDetail(db: Executor, o: OrderRow, opts: { withRouting: boolean }) {
  const [lines, shipments, payment, history, routing] = await Promise.all([
    db.selectFrom('orders_line').selectAll().where('order_id', '=', o.id).orderBy('id').execute(),
    shipmentsOf(db, [o.id]),
    findPayment(db, o.payment_id),
    db.selectFrom('orders_history').selectAll().where('order_id', '=', o.id).orderBy('id').execute(),
    opts.withRouting ? decisionOf(db, o.id) : Promise.resolve(null),
  ]);
  return {
    ...summary(o),
    lines: lines.map((l) => ({
      id: l.id,
      skuId: l.sku_id,
      productId: l.product_id,
      code: l.code,
      name: l.name,
      nameEn: l.name_en,
      options: JSON.parse(l.options) as Record<string, string>,
      quantity: Number(l.quantity),
      listPrice: Number(l.list_price),
      unitPrice: Number(l.unit_price),
      lineTotal: Number(l.line_total),
      locationId: l.location_id,
    })),
    shipments,
    payment: paymentView(payment),
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      actorType: h.actor_type,
      note: h.note,
      at: h.created_at,
    })),
    routing,
  };
}

export async function listShopperOrders(
  db: Executor,
  p: ShopperPrincipal,
  q: { stage?: ShopperStage; limit?: number; cursor?: string },
) {
  let query = TenantScope.of(db, p).selectFrom('orders_order').selectAll();
  if (q.stage) query = query.where('status', 'in', shopperStages[q.stage]);
  return summaries(db, await paginate(query, 'id', q));
}

/** How many of the shopper's orders are at each stage: the badges of the account page. */
export async function shopperStageCounts(db: Executor, p: ShopperPrincipal) {
  const rows = await TenantScope.of(db, p)
    .selectFrom('orders_order')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const of = new Map(rows.map((r) => [r.status, Number(r.n)]));
  return Object.fromEntries(
    Object.entries(shopperStages).map(([stage, statuses]) => [
      stage,
      statuses.reduce((sum: number, s) => sum + (of.get(s) ?? 0), 0),
    ]),
  ) as Record<ShopperStage, number>;
}

export async function getShopperOrder(db: Executor, p: ShopperPrincipal, id: string) {
  const o = await TenantScope.of(db, p)
    .selectFrom('orders_order')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('order', id));
  return orderDetail(db, o, { withRouting: false });
}

export type OrderFilters = {
  status?: OrderStatus;
  q?: string;
  from?: string;
  to?: string;
  channelId?: string;
};

/**
 * The orders a member sees, narrowed: the brand's own; a store's (or its retailer's) those with a
 * shipment from the store (visibility.ts). `q` finds part of the id or of the recipient's name or
 * phone; `from` and `to` are China days, both included.
 */
function filteredOrders(db: Executor, p: MemberPrincipal, f: OrderFilters) {
  let query = TenantScope.of(db, p).selectFrom('orders_order').selectAll();
  if (f.status) query = query.where('status', '=', f.status);
  if (f.channelId) query = query.where('channel_id', '=', f.channelId);
  if (f.from) query = query.where('placed_at', '>=', chinaDayRange(f.from).from);
  if (f.to) query = query.where('placed_at', '<', chinaDayRange(f.to).to);
  if (f.q) {
    const pattern = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // The address's values, never its field names: "name" or "line" finds no order by itself.
    const field = (key: string) =>
      isPostgres(db)
        ? sql`(${sql.ref('orders_order.address')}::json ->> ${key})`
        : sql`json_extract(${sql.ref('orders_order.address')}, ${`$.${key}`})`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('orders_order.id')} like ${pattern.toLowerCase()} escape '\\'`,
        ...['name', 'phone', 'line'].map((key) => sql<boolean>`${field(key)} like ${pattern} escape '\\'`),
      ]),
    );
  }
  return query;
}

export async function listOrders(
  db: Executor,
  p: MemberPrincipal,
  q: OrderFilters & { limit?: number; cursor?: string },
) {
  return summaries(db, await paginate(filteredOrders(db, p, q), 'orders_order.id', q));
}

/** The most rows one export holds: a larger one is narrowed by dates first. */
export const exportLimit = 10_000;

/**
 * The filtered orders as a CSV spreadsheet (UTF-8 with BOM, for Excel), newest first: money in
 * yuan to the fen, times in China time, the recipient's phone masked as in the list.
 */
export async function exportOrdersCsv(
  db: Executor,
  p: MemberPrincipal,
  f: OrderFilters & { lang?: ExportLanguage },
): Promise<string> {
  const rows = await filteredOrders(db, p, f).orderBy('orders_order.id', 'desc').limit(exportLimit).execute();
  const channels = await channelNames(db, rows);
  const words = exportWords[f.lang ?? 'en'];
  const yuan = (n: number | string) => (Number(n) / 100).toFixed(2);
  const records = rows.map((o) => {
    const customer = customerOf(o);
    return [
      o.id,
      chinaTime(o.placed_at),
      channels.get(o.channel_id),
      words.status[o.status],
      words.delivery[o.delivery],
      customer.name,
      customer.phone,
      customer.place,
      yuan(o.subtotal),
      yuan((JSON.parse(o.adjustments) as Adjustment[]).reduce((s, x) => s + x.amount, 0)),
      yuan(o.delivery_fee),
      yuan(o.total),
      o.paid_at ? chinaTime(o.paid_at) : '',
    ];
  });
  const header = exportColumns.map((c) => words.columns[c]);
  // A cell a spreadsheet would run as a formula is written behind a `'` (OWASP, CSV injection).
  return `\ufeff${stringify([header, ...records], { escape_formulas: true })}`;
}

/** `2026-11-26T06:00:00.000Z` -> `2026-11-26 14:00` (China time). */
function chinaTime(at: string): string {
  return new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Whom an order goes to, as a list shows them: the name, the phone masked, the place in one line. */
function customerOf(o: OrderRow) {
  const a = o.address ? (JSON.parse(o.address) as Record<string, string | undefined>) : {};
  return {
    name: a.name ?? '',
    phone: maskPhone(a.phone),
    place: [a.province, a.city, a.district, a.line].filter(Boolean).join(' '),
  };
}

/** `13800001234` -> `138****1234`: a list shows whose order it is without giving the number away. */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  return digits.length < 7 ? '****' : `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export async function findOrder(db: Executor, p: MemberPrincipal, id: string): Promise<OrderRow> {
  return TenantScope.of(db, p)
    .selectFrom('orders_order')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('order', id));
}

export async function getOrder(db: Executor, p: MemberPrincipal, id: string) {
  const o = await findOrder(db, p, id);
  return orderDetail(db, o, { withRouting: p.orgKind === 'brand' || p.orgKind === 'platform' });
}

/**
 * Home figures: today's paid orders and GMV (China day) for the brand or the operator; the open
 * fulfilment tasks for a store or its retailer.
 */
export async function orderFigures(db: Executor, p: MemberPrincipal, now: Date) {
  if (p.orgKind === 'store' || p.orgKind === 'retailer') {
    const open = await TenantScope.of(db, p)
      .selectFrom('fulfilment_shipment_view')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn
          .sum<number>(eb.case().when('status', 'in', ['routed', 'picking']).then(1).else(0).end())
          .as('pick'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('status', '=', 'ready'), eb('mode', '=', 'pickup')]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('waiting'),
      ])
      .where('status', 'in', ['routed', 'picking', 'ready'])
      .executeTakeFirstOrThrow();
    return [
      { key: 'fulfilment.openTasks', value: Number(open.n), group: 'orders' },
      // The store's to-do: orders to pick, shoppers' pick-ups waiting at the counter.
      { key: 'fulfilment.toPick', value: Number(open.pick ?? 0), group: 'todo' },
      { key: 'fulfilment.pickupsWaiting', value: Number(open.waiting ?? 0), group: 'todo' },
    ];
  }
  const { from, to } = chinaDayRange(chinaDay(now));
  const today = await TenantScope.of(db, p)
    .selectFrom('orders_order')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('total').as('gmv')])
    .where('paid_at', '>=', from)
    .where('paid_at', '<', to)
    .executeTakeFirstOrThrow();
  return [
    { key: 'orders.paidToday', value: Number(today.n), group: 'orders' },
    { key: 'orders.gmvToday', value: Number(today.gmv ?? 0), format: 'fen' as const, group: 'orders' },
  ];
}
