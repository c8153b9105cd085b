/**
 * How the shopper came to what they are buying (the order's traffic source, recorded at
 * placement), last touch first: the shop's search or its product grid (their tiles say so with
 * `?from=`), or a product page reached from outside the shop (a shared link). Kept with the cart
 * in local storage and cleared once the order is placed.
 */
export type ShopSource = 'search' | 'shop' | 'link' | 'direct';

const key = 'flywheel.source';

/**
 * Called by a product page: reads `from` and `q` and takes them off the address, so that a
 * copied URL carries no one else's search into a friend's order.
 */
export function rememberSource(): void {
  const url = new URL(window.location.href);
  const from = url.searchParams.get('from');
  const source: ShopSource = from === 'search' || from === 'shop' ? from : 'link';
  // By code points: half a surrogate pair is not text, and the server refuses it.
  const ref =
    source === 'search' ? [...(url.searchParams.get('q') ?? '')].slice(0, 100).join('') || null : null;
  localStorage.setItem(key, JSON.stringify({ source, ref }));
  if (from || url.searchParams.has('q')) {
    url.searchParams.delete('from');
    url.searchParams.delete('q');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
}

/** The placement request's fields for it: `direct` when no product page was seen. */
export function placementSource(): { source: ShopSource; sourceRef?: string } {
  try {
    const s = JSON.parse(localStorage.getItem(key) ?? 'null') as {
      source: ShopSource;
      ref: string | null;
    } | null;
    return s ? { source: s.source, ...(s.ref ? { sourceRef: s.ref } : {}) } : { source: 'direct' };
  } catch {
    return { source: 'direct' };
  }
}

/** After the order: the next one starts from nothing. */
export function forgetSource(): void {
  localStorage.removeItem(key);
}
