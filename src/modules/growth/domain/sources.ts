/**
 * How a shopper came to the order (the traffic source): a search, the shop's own page, a shared
 * link, straight to it, or at a store's counter. Live rooms and creators' links join with their
 * issues.
 */
export const orderSources = ['search', 'shop', 'link', 'direct', 'counter'] as const;
/** What the storefront may say; `counter` is what the store's till says. */
export const shopperSources = ['search', 'shop', 'link', 'direct'] as const;
export type OrderSource = (typeof orderSources)[number];
