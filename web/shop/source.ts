/**
 * How the shopper came to what they are buying (the order's traffic source, recorded at
 * placement): the shop's search, its product grid, or a shared link (`?sku=`, as live rooms and
 * creators share). Kept for the tab, the latest product page winning, as shops attribute to the
 * last touch.
 */
export type ShopSource = 'search' | 'shop' | 'link' | 'direct';

const key = 'flywheel.source';

/** Called by a product page with its URL's `from` (set by the shop's tiles), `q` and `sku`. */
export function rememberSource(params: URLSearchParams): void {
  const from = params.get('from');
  const source: ShopSource =
    from === 'search' || from === 'shop' ? from : params.get('sku') ? 'link' : 'direct';
  const ref = source === 'search' ? (params.get('q') ?? '').slice(0, 100) || null : null;
  sessionStorage.setItem(key, JSON.stringify({ source, ref }));
}

/** The placement request's fields for it. */
export function placementSource(): { source?: ShopSource; sourceRef?: string } {
  try {
    const s = JSON.parse(sessionStorage.getItem(key) ?? 'null') as {
      source: ShopSource;
      ref: string | null;
    } | null;
    return s ? { source: s.source, ...(s.ref ? { sourceRef: s.ref } : {}) } : {};
  } catch {
    return {};
  }
}
