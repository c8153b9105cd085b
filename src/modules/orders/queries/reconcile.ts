import type { Executor } from '../../../platform/db/database.js';
import { stockFindings } from '../../inventory/index.js';
import { unbalancedTransactions } from '../../ledger/index.js';
import { retailerShare, type Settlement, saleTerms } from '../../partnership/index.js';
import { handedOverValue } from '../domain/pricing.js';

export type Reconciliation = {
  ok: boolean;
  findings: string[];
  figures: {
    orders: number;
    paidOrders: number;
    payments: number;
    paidAmount: number;
    refundedAmount: number;
    ledgerTransactions: number;
    /** Booked to the retailers for their stores' hand-overs of these orders. */
    retailerShare: number;
    /** The platform's fees on these orders. */
    platformFees: number;
    /** What the brands keep: paid, less refunds, the retailers' share and the platform's fees. */
    brandNet: number;
  };
};

const taken = ['paid', 'refunded', 'partially_refunded'];

/**
 * Checks the books against the orders and the payments (DESIGN §6 invariants 1, 2 and 4): every
 * ledger transaction balances; each taken payment is booked once, for its amount, and each
 * refund likewise; each order agrees with its payment; a cancelled order keeps no money; stock
 * is conserved. `range` limits the money checks to payments made in it (the daily run).
 */
export async function reconcile(db: Executor, range?: { from: string; to: string }): Promise<Reconciliation> {
  const findings: string[] = [];
  for (const id of await unbalancedTransactions(db, range?.from))
    findings.push(`ledger ${id}: entries do not sum to 0`);

  let payments = db
    .selectFrom('payments_payment_view')
    .innerJoin('orders_order', 'orders_order.id', 'payments_payment_view.order_id')
    .select([
      'payments_payment_view.id',
      'payments_payment_view.status',
      'payments_payment_view.amount',
      'payments_payment_view.refunded',
      'orders_order.id as order_id',
      'orders_order.status as order_status',
      'orders_order.total',
      'orders_order.paid_at as order_paid_at',
    ]);
  if (range)
    payments = payments
      .where('payments_payment_view.created_at', '>=', range.from)
      .where('payments_payment_view.created_at', '<', range.to);
  const rows = await payments.execute();
  const ids = rows.map((r) => r.id);

  const booked = new Map<string, { n: number; amount: number }>();
  const refundsBooked = new Map<string, number>();
  const refundsMade = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const tx = await db
      .selectFrom('ledger_transaction_view')
      .innerJoin('ledger_entry_view', 'ledger_entry_view.transaction_id', 'ledger_transaction_view.id')
      .select(['ledger_transaction_view.ref_id', 'ledger_transaction_view.id', 'ledger_entry_view.amount'])
      .where('ledger_transaction_view.kind', '=', 'payment')
      .where('ledger_entry_view.account', '=', 'provider_clearing')
      .where('ledger_transaction_view.ref_id', 'in', chunk)
      .execute();
    for (const t of tx) {
      const b = booked.get(t.ref_id) ?? { n: 0, amount: 0 };
      booked.set(t.ref_id, { n: b.n + 1, amount: b.amount + Number(t.amount) });
    }
    const refunds = await db
      .selectFrom('payments_refund_view')
      .leftJoin('ledger_transaction_view', (j) =>
        j
          .onRef('ledger_transaction_view.ref_id', '=', 'payments_refund_view.id')
          .on('ledger_transaction_view.kind', '=', 'refund'),
      )
      .leftJoin('ledger_entry_view', (j) =>
        j
          .onRef('ledger_entry_view.transaction_id', '=', 'ledger_transaction_view.id')
          .on('ledger_entry_view.account', '=', 'provider_clearing'),
      )
      .select([
        'payments_refund_view.payment_id',
        'payments_refund_view.amount',
        'ledger_entry_view.amount as booked',
      ])
      .where('payments_refund_view.payment_id', 'in', chunk)
      .execute();
    for (const r of refunds) {
      refundsMade.set(r.payment_id, (refundsMade.get(r.payment_id) ?? 0) + Number(r.amount));
      refundsBooked.set(r.payment_id, (refundsBooked.get(r.payment_id) ?? 0) - Number(r.booked ?? 0));
    }
  }

  let paidAmount = 0;
  let refundedAmount = 0;
  let paidOrders = 0;
  for (const p of rows) {
    const amount = Number(p.amount);
    const refunded = Number(p.refunded);
    const b = booked.get(p.id);
    const isTaken = taken.includes(p.status);
    if (isTaken) {
      paidAmount += amount;
      refundedAmount += refunded;
      if (b?.n !== 1 || b.amount !== amount)
        findings.push(`payment ${p.id}: taken ${amount}, booked ${b ? `${b.n}x ${b.amount}` : 'never'}`);
    } else if (b) findings.push(`payment ${p.id}: ${p.status} but booked`);
    if ((refundsMade.get(p.id) ?? 0) !== refunded)
      findings.push(`payment ${p.id}: refunded ${refunded}, refunds ${refundsMade.get(p.id) ?? 0}`);
    if ((refundsBooked.get(p.id) ?? 0) !== refunded)
      findings.push(`payment ${p.id}: refunded ${refunded}, booked ${refundsBooked.get(p.id) ?? 0}`);
    if (amount !== Number(p.total)) findings.push(`order ${p.order_id}: total ${p.total}, payment ${amount}`);
    const orderPaid = p.order_paid_at !== null;
    if (orderPaid) paidOrders++;
    if (p.order_status === 'pending_payment' && p.status !== 'created')
      findings.push(`order ${p.order_id}: awaiting payment, payment ${p.status}`);
    // Refunded in full and not cancelled: only after-sales, once the goods have gone out.
    const afterShipment = ['out_for_delivery', 'partially_delivered', 'delivered', 'completed'];
    if (
      p.order_status !== 'pending_payment' &&
      p.order_status !== 'cancelled' &&
      p.status !== 'paid' &&
      p.status !== 'partially_refunded' &&
      !(p.status === 'refunded' && afterShipment.includes(p.order_status))
    )
      findings.push(`order ${p.order_id}: ${p.order_status}, payment ${p.status}`);
    if (p.order_status === 'cancelled' && isTaken && refunded !== amount)
      findings.push(`order ${p.order_id}: cancelled but keeps ${amount - refunded} of its payment`);
  }
  // An order paid in several payments is one order.
  const shares = await retailerShares(db, [...new Set(rows.map((r) => r.order_id))], findings);
  findings.push(...(await stockFindings(db)));
  const orders = await db
    .selectFrom('orders_order')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .$if(range !== undefined, (q) =>
      q.where('placed_at', '>=', range!.from).where('placed_at', '<', range!.to),
    )
    .executeTakeFirstOrThrow();
  return {
    ok: findings.length === 0,
    findings,
    figures: {
      orders: Number(orders.n),
      paidOrders,
      payments: rows.length,
      paidAmount,
      refundedAmount,
      ledgerTransactions: [...booked.values()].reduce((s, b) => s + b.n, 0),
      retailerShare: shares.retailer,
      platformFees: shares.platform,
      brandNet: paidAmount - refundedAmount - shares.retailer - shares.platform,
    },
  };
}

/**
 * The retailers' and the platform's side of some orders: each retailer share booked for a store's
 * hand-over is checked against the goods' value and the settlement placement copied, is booked
 * only for goods handed over, and every hand-over that owes a share has booked it.
 */
async function retailerShares(db: Executor, orderIds: string[], findings: string[]) {
  let retailer = 0;
  let platform = 0;
  for (let i = 0; i < orderIds.length; i += 500) {
    const chunk = orderIds.slice(i, i + 500);
    const shipments = await db
      .selectFrom('fulfilment_shipment_view')
      .select(['id', 'order_id', 'location_id', 'status'])
      .where('order_id', 'in', chunk)
      .where('store_org_id', 'is not', null)
      .execute();
    if (shipments.length === 0) continue;
    const lines = await db
      .selectFrom('orders_line')
      .select(['order_id', 'sku_id', 'location_id', 'line_total'])
      .where('order_id', 'in', chunk)
      .execute();
    const adjustments = new Map(
      (
        await db.selectFrom('orders_order').select(['id', 'adjustments']).where('id', 'in', chunk).execute()
      ).map((o) => [o.id, JSON.parse(o.adjustments) as Array<{ skuId: string | null; amount: number }>]),
    );
    const goodsOf = (orderId: string, locationId: string) =>
      handedOverValue(
        lines.filter((l) => l.order_id === orderId),
        adjustments.get(orderId) ?? [],
        locationId,
      );
    const status = new Map(shipments.map((s) => [s.id, s]));
    const terms = new Map((await saleTerms(db, chunk)).map((t) => [`${t.orderId} ${t.locationId}`, t]));
    const termsOf = (s: { order_id: string; location_id: string }) =>
      terms.get(`${s.order_id} ${s.location_id}`);
    const booked = await db
      .selectFrom('ledger_transaction_view')
      .innerJoin('ledger_entry_view', 'ledger_entry_view.transaction_id', 'ledger_transaction_view.id')
      .select(['ledger_transaction_view.ref_id', 'ledger_transaction_view.memo', 'ledger_entry_view.amount'])
      .where('ledger_transaction_view.kind', '=', 'retailer_share')
      .where('ledger_entry_view.account', '=', 'retailer_payable')
      .where(
        'ledger_transaction_view.ref_id',
        'in',
        shipments.map((s) => s.id),
      )
      .execute();
    for (const b of booked) {
      const amount = -Number(b.amount);
      retailer += amount;
      const s = status.get(b.ref_id)!;
      if (s.status !== 'delivered' && s.status !== 'picked_up')
        findings.push(`shipment ${s.id}: ${s.status} but its retailer share is booked`);
      const basis = JSON.parse(b.memo ?? '{}') as Settlement & { value: number };
      const value = goodsOf(s.order_id, s.location_id);
      if (basis.value !== value || retailerShare(basis, value) !== amount)
        findings.push(`shipment ${s.id}: retailer share ${amount} booked for goods of ${value}`);
      const placed = termsOf(s)?.settlement;
      if (placed && (placed.model !== basis.model || placed.rateBp !== basis.rateBp))
        findings.push(
          `shipment ${s.id}: booked at ${basis.model} ${basis.rateBp} bp, placed at ${placed.model} ${placed.rateBp} bp`,
        );
    }
    const bookedFor = new Set(booked.map((b) => b.ref_id));
    for (const s of shipments) {
      const placed = termsOf(s)?.settlement;
      if (
        placed &&
        (s.status === 'delivered' || s.status === 'picked_up') &&
        !bookedFor.has(s.id) &&
        retailerShare(placed, goodsOf(s.order_id, s.location_id)) > 0
      )
        findings.push(`shipment ${s.id}: handed over but its retailer share is not booked`);
    }
    const fees = await db
      .selectFrom('ledger_transaction_view')
      .innerJoin('ledger_entry_view', 'ledger_entry_view.transaction_id', 'ledger_transaction_view.id')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('ledger_entry_view.amount'), eb.lit(0)).as('n'))
      .where('ledger_entry_view.account', '=', 'platform_fees')
      .where('ledger_transaction_view.ref_id', 'in', chunk)
      .executeTakeFirstOrThrow();
    platform -= Number(fees.n);
  }
  return { retailer, platform };
}
