import type { ErrorCode } from '../../../platform/errors.js';
/** A product's lifecycle (issue 3): drafted, sold, and withdrawn (and relaunched). */
export const productStatuses = ['draft', 'active', 'discontinued'] as const;
export type ProductStatus = (typeof productStatuses)[number];

/** The allowed moves, as data: anything not listed is refused with 409. */
export const productTransitions: Record<ProductStatus, readonly ProductStatus[]> = {
  draft: ['active', 'discontinued'],
  active: ['discontinued'],
  discontinued: ['active'],
};

/** Guards of a move: an error code, or null when the product may go there. */
export function productTransitionRefusal(
  from: ProductStatus,
  to: ProductStatus,
  product: { activeSkus: number },
): ErrorCode | null {
  if (!productTransitions[from].includes(to)) return 'catalog.illegal_transition';
  if (to === 'active' && product.activeSkus === 0) return 'catalog.no_active_sku';
  return null;
}
