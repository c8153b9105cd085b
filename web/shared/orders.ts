/** An order as the API answers it (`GET /api/orders/:id`, `GET /api/shop/orders/:id`). */
export type OrderView = {
  id: string;
  status: string;
  delivery: 'hour' | 'standard' | 'pickup' | 'counter';
  total: number;
  subtotal: number;
  /** The price adjusters' lines (live price, coupon, fan benefit): signed fen. */
  adjustments: Array<{ source: string; reason: string; skuId: string | null; amount: number }>;
  deliveryFee: number;
  payBy: string;
  placedAt: string;
  paidAt: string | null;
  cancelReason: string | null;
  address: Record<string, string> | null;
  /** In lists: the channel sold through and the recipient, the phone masked. */
  channelName?: string;
  customer?: { name: string; phone: string };
  lines: Array<{
    id: string;
    skuId: string;
    code: string;
    name: string;
    nameEn?: string | null;
    options: Record<string, string>;
    quantity: number;
    unitPrice: number;
    lineTotal: number;
  }>;
  shipments: Array<{
    id: string;
    locationName: string;
    locationNameEn?: string | null;
    mode: string;
    status: string;
    promiseAt: string | null;
    pickupCode: string | null;
    courier: { name?: string; phone?: string } | null;
    deliveredAt: string | null;
  }>;
  payment: {
    status: string;
    amount: number;
    refunded: number;
    payUrl: string;
    providerRef: string | null;
    paidAt: string | null;
  };
  history: Array<{ from: string | null; to: string; actorType: string; note: string | null; at: string }>;
  /** The server's time (shopper's view), for countdowns on a device whose clock is off. */
  serverTime?: string;
};
