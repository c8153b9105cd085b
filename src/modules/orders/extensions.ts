import type { Static, TObject, TProperties } from 'typebox';
import type { Executor } from '../../platform/db/database.js';
import type { WriteCtx } from '../../platform/write.js';
import type { Adjustment, PricedLine } from './domain/pricing.js';

export type { Adjustment };

/** What an adjuster sees: the cart as priced so far, with the adjustments made before it. */
export type PricingContext = {
  db: Executor;
  now: Date;
  shopperId: string;
  channel: { id: string; orgId: string; kind: string };
  lines: readonly PricedLine[];
  subtotal: number;
  before: readonly Adjustment[];
};

/**
 * Changes an order's price. Adjusters run in ascending `order` (a live price before a coupon,
 * a coupon before a fan benefit), each on the result of the ones before.
 */
export type PriceAdjuster = {
  name: string;
  order: number;
  adjust(c: PricingContext): Promise<Adjustment[]>;
};

/** The order a contributor adds to, as placement made it. */
export type PlacedOrder = {
  id: string;
  orgId: string;
  shopperId: string;
  channelId: string;
  channelKind: string;
  delivery: string;
  subtotal: number;
  total: number;
  lines: ReadonlyArray<{ skuId: string; quantity: number; unitPrice: number; lineTotal: number }>;
  adjustments: readonly Adjustment[];
  /** The locations that send it, each with the retailer that runs it when it is a store. */
  sentFrom: ReadonlyArray<{ locationId: string; retailerId: string | null }>;
  /** Placed by the shopper in a shop, or rung up by store staff at the counter. */
  via: 'storefront' | 'counter';
};

/**
 * Adds to what placement records, in the placement transaction: a Trust Card snapshot, a
 * traffic source, a creator's commission basis, capped flash stock. It writes its own rows and
 * may refuse the order by throwing its own `DomainError` (nothing of the order is then kept).
 * `input` names the fields it reads from the placement request; they join the request's schema.
 */
export type PlacementContributor<P extends TProperties = TProperties> = {
  name: string;
  input?: P;
  contribute(ctx: WriteCtx, order: PlacedOrder, input: Static<TObject<P>>): Promise<void>;
};

/**
 * The extension points of orders, filled in the composition root: orders calls them and never
 * imports the modules behind them.
 */
export class OrderExtensions {
  private readonly priceAdjusters: PriceAdjuster[] = [];
  private readonly contributors: PlacementContributor<any>[] = [];

  addPriceAdjuster(a: PriceAdjuster): void {
    if (this.priceAdjusters.some((x) => x.name === a.name)) throw new Error(`adjuster ${a.name} added twice`);
    this.priceAdjusters.push(a);
    this.priceAdjusters.sort((x, y) => x.order - y.order);
  }

  addPlacementContributor<P extends TProperties>(c: PlacementContributor<P>): void {
    if (this.contributors.some((x) => x.name === c.name))
      throw new Error(`contributor ${c.name} added twice`);
    for (const field of Object.keys(c.input ?? {}))
      if (field === 'cartId' || this.contributors.some((x) => x.input && field in x.input))
        throw new Error(`placement field ${field} of ${c.name} is taken`);
    this.contributors.push(c);
  }

  get adjusters(): readonly PriceAdjuster[] {
    return this.priceAdjusters;
  }

  get placementContributors(): readonly PlacementContributor<any>[] {
    return this.contributors;
  }

  /** The request fields every contributor reads, for the placement route's schema. */
  placementFields(): TProperties {
    return Object.assign({}, ...this.contributors.map((c) => c.input ?? {}));
  }

  /** Each adjuster in its order, on the cart as the ones before left it. */
  async adjust(c: Omit<PricingContext, 'before'>): Promise<Adjustment[]> {
    const made: Adjustment[] = [];
    for (const a of this.priceAdjusters) {
      const lines = await a.adjust({ ...c, before: [...made] });
      // Money is integer fen, about lines of this cart: an adjuster that says otherwise is a bug in it.
      for (const l of lines)
        if (
          !Number.isSafeInteger(l.amount) ||
          (l.skuId !== null && !c.lines.some((x) => x.skuId === l.skuId))
        )
          throw new Error(
            `price adjuster ${a.name} made ${JSON.stringify(l)}: not integer fen on a line of this cart`,
          );
      made.push(...lines);
    }
    return made;
  }
}
