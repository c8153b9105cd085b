/**
 * How a shopper came to the order (the traffic source): a search, the shop's own page, a shared
 * link, or straight to it. Live rooms and creators' links join with their issues.
 */
export const orderSources = ['search', 'shop', 'link', 'direct'] as const;
export type OrderSource = (typeof orderSources)[number];
