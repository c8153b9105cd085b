/**
 * A valid body for every route that takes one, keyed by `METHOD /url`: the example the API docs
 * show for it, and the body the bad-input and role-walk suites start from (they fail on a route
 * with a body that has no example here, so every new route gets one).
 */
export const validBodies: Record<string, () => Record<string, unknown> | string> = {
  'POST /api/auth/login': () => ({ email: 'nobody@test.dev', password: 'x-password' }),
  'POST /api/auth/password': () => ({ currentPassword: 'not-the-password', newPassword: 'another-pass-1' }),
  'POST /api/auth/switch-org': () => ({ orgId: 'org_00000000000000000000000000' }),
  'POST /api/shop/auth/register': () => ({
    email: `new-${Math.random().toString(36).slice(2)}@test.dev`,
    password: 'long-enough-1',
    name: 'New Shopper',
  }),
  'POST /api/shop/auth/login': () => ({ email: 'nobody@test.dev', password: 'x-password' }),
  'POST /api/orgs': () => ({ kind: 'brand', name: 'A New Brand' }),
  'PATCH /api/orgs/:id': () => ({ name: 'Renamed' }),
  'POST /api/members': () => ({
    email: `m-${Math.random().toString(36).slice(2)}@test.dev`,
    name: 'New Member',
    password: 'long-enough-1',
    role: 'viewer',
  }),
  'PATCH /api/members/:id': () => ({ role: 'viewer' }),
  'POST /api/api-keys': () => ({ name: 'Integration', role: 'viewer' }),
  'POST /api/catalog/products': () => ({
    name: 'Find X3 Pro',
    category: 'phone',
    productLine: 'Find X',
    optionNames: ['colour'],
    skus: [{ code: `FX3-${Math.random().toString(36).slice(2, 8)}`, options: { colour: 'Blue' } }],
  }),
  'POST /api/catalog/import': () =>
    'product_name,category,product_line,sku_code\nImported phone,phone,A,IMP-' +
    Math.random().toString(36).slice(2, 8) +
    '\n',
  'PATCH /api/catalog/products/:id': () => ({ description: 'changed' }),
  'POST /api/catalog/products/:id/status': () => ({ status: 'discontinued' }),
  'POST /api/catalog/products/:id/skus': () => ({
    code: `X-${Math.random().toString(36).slice(2, 8)}`,
    options: { colour: 'Green' },
  }),
  'PATCH /api/catalog/skus/:id': () => ({ images: ['https://img.example.com/x.jpg'] }),
  'POST /api/agreements': () => ({
    retailerId: 'org_00000000000000000000000000',
    level: 'nka',
    title: 'NKA agreement',
    startsOn: '2026-03-01',
    endsOn: '2029-02-28',
    provinces: ['北京', '广东'],
    productLines: ['Find X'],
    commitments: { minCoverDays: 14 },
  }),
  'PATCH /api/agreements/:id': () => ({ title: 'Renamed agreement' }),
  'POST /api/agreements/:id/addenda': () => ({ addendumTitle: 'Omnichannel supply', signedOn: '2026-07-29' }),
  'POST /api/agreements/:id/moves': () => ({ move: 'propose' }),
  'POST /api/channels': () => ({ kind: 'live', name: 'Live room' }),
  'PATCH /api/channels/:id': () => ({ name: 'Renamed channel' }),
  'POST /api/channels/:id/listings': () => ({
    items: [{ skuId: 'sku_00000000000000000000000000', listPrice: 599_900, sellingPrice: 549_900 }],
  }),
  'POST /api/channels/:id/listings/remove': () => ({ skuIds: ['sku_00000000000000000000000000'] }),
  'POST /api/catalog/skus/:id/exclusive': () => ({ channelId: null }),
  'POST /api/catalog/products/:id/launch': () => ({
    startsAt: '2030-01-01T02:00:00Z',
    channelIds: ['chn_00000000000000000000000000'],
  }),
  'POST /api/inventory/locations': () => ({
    kind: 'warehouse',
    name: 'North China DC',
    province: '河北',
    city: '廊坊',
    lat: 39.52,
    lng: 116.7,
  }),
  'PATCH /api/inventory/locations/:id': () => ({ prepMinutes: 20 }),
  'POST /api/inventory/locations/:id/replenish': () => ({ only: 'full_line' }),
  'POST /api/inventory/receipts': () => ({
    locationId: 'loc_00000000000000000000000000',
    lines: [{ skuId: 'sku_00000000000000000000000000', quantity: 5 }],
  }),
  'POST /api/inventory/adjustments': () => ({
    locationId: 'loc_00000000000000000000000000',
    skuId: 'sku_00000000000000000000000000',
    kind: 'adjust',
    quantity: -1,
    reason: 'counted',
  }),
  'POST /api/inventory/reservations': () => ({
    locationId: 'loc_00000000000000000000000000',
    lines: [{ skuId: 'sku_00000000000000000000000000', quantity: 1 }],
    ttlSeconds: 600,
  }),
  'POST /api/inventory/transfers': () => ({
    fromLocationId: 'loc_00000000000000000000000000',
    toLocationId: 'loc_00000000000000000000000000',
    lines: [{ skuId: 'sku_00000000000000000000000000', quantity: 1 }],
  }),
  'POST /api/inventory/transfers/:id/receive': () => ({}),
  'POST /api/inventory/zones': () => ({
    locationId: 'loc_00000000000000000000000000',
    areaM2: 20,
    fixtureStandard: 'Experience zone',
  }),
  'PATCH /api/inventory/zones/:id': () => ({ areaM2: 24 }),
  'POST /api/inventory/zones/:id/audits': () => ({
    auditedOn: '2026-11-20',
    auditor: 'Li Na',
    checklist: [{ item: 'Fixtures to standard', passed: true }],
  }),
  'POST /api/shop/addresses': () => ({
    name: '李雷',
    phone: '13800000001',
    province: '北京',
    city: '北京',
    district: '朝阳区',
    line: '工体北路 8 号',
  }),
  'PATCH /api/shop/addresses/:id': () => ({ line: '三里屯路 19 号' }),
  'POST /api/shop/carts': () => ({ channelId: 'chn_00000000000000000000000000' }),
  'POST /api/shop/carts/:id/lines': () => ({ skuId: 'sku_00000000000000000000000000', quantity: 1 }),
  'POST /api/shop/carts/:id/items': () => ({ skuId: 'sku_00000000000000000000000000', quantity: 1 }),
  'POST /api/shop/carts/:id/delivery': () => ({
    mode: 'hour',
    address: { province: '北京', city: '北京', district: '朝阳区', line: '工体北路 8 号' },
  }),
  'POST /api/shop/orders': () => ({ cartId: 'crt_00000000000000000000000000' }),
  'POST /api/shop/orders/:id/cancel': () => ({ reason: 'changed my mind' }),
  'POST /api/orders/:id/cancel': () => ({ reason: 'out of stock' }),
  'POST /api/reconciliations': () => ({ day: '2026-11-25' }),
  'POST /api/pos/sales': () => ({
    brandId: 'org_00000000000000000000000000',
    lines: [{ skuId: 'sku_00000000000000000000000000', quantity: 1 }],
    authCode: '134567890123456789',
  }),
  'POST /api/fulfilment/shipments/:id/moves': () => ({ to: 'picking' }),
  'POST /api/fulfilment/pickups': () => ({ code: '123456' }),
  'POST /api/fulfilment/rules': () => ({ kind: 'avoid_split' }),
  'PATCH /api/fulfilment/rules/:id': () => ({ rank: 1 }),
  'POST /api/trust/tiers': () => ({
    code: `tier_${Math.random().toString(36).slice(2, 8)}`,
    name: '铂金信任卡',
    nameEn: 'Platinum Trust Card',
    rank: 100 + Math.floor(Math.random() * 900),
    rights: {
      noReasonReturn: { days: 15, excludedCategories: ['skincare'] },
      returnShipping: { capFen: 2_500 },
      refundWithoutReturn: { maxOrderFen: 20_000 },
      fakeOnePayTen: { multiple: 10 },
      fastRefund: { maxFen: 100_000 },
      lateDelivery: { fixedFen: 1_000 },
    },
    qualification: { minDepositFen: 10_000_000, minScore: 4.8, maxDisputeRateBp: 30 },
  }),
  'PATCH /api/trust/tiers/:id': () => ({ nameEn: 'Platinum card', active: true }),
  'POST /api/trust/deposits': () => ({
    amount: 1_000_000,
    source: 'transfer',
    reference: 'ICBC 2026-1201-001',
  }),
  'POST /api/shop/claims': () => ({
    orderId: 'ord_00000000000000000000000000',
    kind: 'return_refund',
    reason: 'no_reason',
    description: '尺码不合适 The size does not fit',
    lines: [{ orderLineId: 'oln_00000000000000000000000000', quantity: 1 }],
  }),
  'POST /api/shop/claims/:id/moves': () => ({
    move: 'ship_return',
    tracking: 'SF1234567890',
    freightFen: 1_200,
  }),
  'POST /api/shop/claims/:id/messages': () => ({ body: '已寄回,请查收 Sent back, please check' }),
  'POST /api/aftersales/claims/:id/moves': () => ({
    move: 'reject',
    reason: '商品完好,不影响二次销售 The goods are as sold',
  }),
  'POST /api/aftersales/claims/:id/messages': () => ({ body: '请补充开箱视频 Please add an unboxing video' }),
  'POST /api/webhooks': () => ({ url: 'http://127.0.0.1:9/hook', eventTypes: ['*'] }),
  'PATCH /api/webhooks/:id': () => ({ description: 'changed' }),
};

export function exampleBody(method: string, url: string): Record<string, unknown> | string {
  const make = validBodies[`${method} ${url}`];
  if (!make) throw new Error(`no example body for ${method} ${url}: add one to src/api-examples.ts`);
  return make();
}

/** What each tag of the API docs groups, in the order the docs list them. */
export const apiTags = [
  {
    name: 'home',
    description: "A member's home page: its to-do list and figures, for its organisation's kind.",
  },
  { name: 'identity', description: 'Organisations, members, sessions, API keys and the audit log.' },
  {
    name: 'catalog',
    description: 'Products and SKUs, and the catalogue as a spreadsheet (export and import).',
  },
  {
    name: 'channels',
    description: 'Sales channels, their listings and prices, exclusives and scheduled launches.',
  },
  {
    name: 'partnership',
    description: 'Brand–retailer agreements: levels, terms, settlement, addenda and their life.',
  },
  {
    name: 'inventory',
    description: 'Locations, stock levels and movements, transfers, replenishment and brand zones.',
  },
  {
    name: 'orders',
    description: 'Carts, placement, the merchant order list and its export, counter sales, reconciliation.',
  },
  {
    name: 'fulfilment',
    description: 'Shipments and the store task queue, pick-up codes, routing rules, promise kept.',
  },
  { name: 'payments', description: 'Payments, refunds and the provider notifications.' },
  { name: 'ledger', description: 'The double-entry ledger: balances and statements, to the fen.' },
  { name: 'growth', description: 'Where orders come from: placement sources and traffic.' },
  {
    name: 'aftersales',
    description:
      'After-sales claims: the merchant workbench, the operator’s arbitration, refunds and compensations.',
  },
  {
    name: 'trust',
    description: "Trust Card tiers and their rights, merchants' deposits, the rights each order keeps.",
  },
  {
    name: 'webhooks',
    description: 'Endpoints that receive the event stream, signed, with deliveries and retries.',
  },
  { name: 'shop', description: "The shopper's side: sign-in, the address book, carts, orders and tracking." },
  {
    name: 'storefront',
    description: 'What a storefront reads without signing in: shops, products, estimates.',
  },
];
