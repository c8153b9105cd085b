import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, allPages, api, type Me } from '../shared/api';

export type Address = {
  province: string;
  city: string;
  district: string;
  line?: string;
  name?: string;
  phone?: string;
  lat?: number;
  lng?: number;
};

/** An address of the shopper's address book (kept on the server, the same on every device). */
export type SavedAddress = Required<Omit<Address, 'lat' | 'lng'>> & {
  id: string;
  lat: number | null;
  lng: number | null;
  isDefault: boolean;
};

export type ShopInfo = {
  id: string;
  name: string;
  brandId: string;
  brandName: string;
  brandNameEn: string | null;
};

type ShopState = {
  me: Me | null | undefined;
  refreshMe: () => Promise<void>;
  shops: ShopInfo[];
  shopId: string | null;
  setShopId: (id: string) => void;
  address: Address;
  setAddress: (a: Address) => void;
  /** The signed-in shopper's address book, the default first. */
  addresses: SavedAddress[];
  reloadAddresses: () => Promise<SavedAddress[]>;
  /** The shopper's open cart in the current shop (the same on every device), made on first use. */
  cartId: () => Promise<string>;
  forgetCart: () => void;
  /**
   * Puts an item in the cart: the account's, or, for a guest, one kept on this device until
   * sign-in, after which the guest is taken back to `returnTo` with the item in the account's cart.
   */
  addToCart: (line: GuestLine, returnTo: string) => Promise<'added' | 'sign-in'>;
  /** Items a guest put in the cart on this device. */
  guestLines: GuestLine[];
};

export type GuestLine = { skuId: string; quantity: number };

/** The stages of the shopper's orders (my orders), as the server groups them. */
export const stages = ['toPay', 'toShip', 'toReceive', 'done', 'refunds'] as const;
export type Stage = (typeof stages)[number];

const Ctx = createContext<ShopState | null>(null);
export const useShop = () => useContext(Ctx)!;

const defaultAddress: Address = { province: '北京', city: '北京', district: '朝阳区' };
const read = <T,>(key: string, fallback: T): T => {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
};

/** The storefront's memory: who shops, in which brand's shop, to which address, with which cart. */
export function ShopProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [shops, setShops] = useState<ShopInfo[]>([]);
  const [shopId, setShopIdState] = useState<string | null>(() => localStorage.getItem('flywheel.shop'));
  const [address, setAddressState] = useState<Address>(() => read('flywheel.address', defaultAddress));

  const refreshMe = useCallback(
    () =>
      api<Me>('GET', '/api/auth/me')
        .then((m) => setMe(m.type === 'shopper' ? m : null))
        .catch(() => setMe(null)),
    [],
  );
  useEffect(() => {
    void refreshMe();
    void allPages<ShopInfo>('/api/shop/shops').then((items) => {
      setShops(items);
      setShopIdState((current) =>
        current && items.some((s) => s.id === current)
          ? current
          : ((items.find((s) => s.brandName === 'OPPO') ?? items[0])?.id ?? null),
      );
    });
  }, [refreshMe]);

  const setShopId = (id: string) => {
    localStorage.setItem('flywheel.shop', id);
    setShopIdState(id);
  };
  const setAddress = useCallback((a: Address) => {
    localStorage.setItem('flywheel.address', JSON.stringify(a));
    setAddressState(a);
  }, []);
  const [addresses, setAddresses] = useState<SavedAddress[]>([]);
  const reloadAddresses = useCallback(async () => {
    const items = (await allPages<SavedAddress>('/api/shop/addresses')).sort(
      (a, b) => Number(b.isDefault) - Number(a.isDefault),
    );
    setAddresses(items);
    return items;
  }, []);
  // Signed in: the address book loads, and a device that knows no street delivers to the default.
  useEffect(() => {
    if (!me) return setAddresses([]);
    void reloadAddresses().then((items) => {
      const chosen = items.find((a) => a.isDefault);
      if (chosen && !read<Address>('flywheel.address', defaultAddress).line) setAddress(toAddress(chosen));
    });
  }, [me, reloadAddresses, setAddress]);
  // One lookup at a time: the cart page and a sign-in's merge asking at once share it, so they
  // never open two carts.
  const asking = useRef<{ shopId: string | null; id: Promise<string> } | null>(null);
  const cartId = useCallback(() => {
    if (asking.current?.shopId === shopId) return asking.current.id;
    const id = (async () => {
      const open = await api<{ items: Array<{ id: string }> }>(
        'GET',
        `/api/shop/carts?channelId=${shopId}&limit=1`,
      );
      if (open.items[0]) return open.items[0].id;
      return (await api<{ id: string }>('POST', '/api/shop/carts', { channelId: shopId })).id;
    })();
    asking.current = { shopId, id };
    // Forgotten once answered (or failed): an ordered cart makes way for a new one.
    id.finally(() => {
      if (asking.current?.id === id) asking.current = null;
    }).catch(() => {});
    return id;
  }, [shopId]);
  // The server's cart becomes an order when placed; the next `cartId()` opens a new one.
  const forgetCart = useCallback(() => {}, []);

  const guestKey = `flywheel.guestCart.${shopId}`;
  const [guestLines, setGuestLines] = useState<GuestLine[]>([]);
  useEffect(() => setGuestLines(read(guestKey, [])), [guestKey]);
  const addToCart = useCallback(
    async (line: GuestLine, returnTo: string) => {
      if (me) {
        // Added to what the cart holds in one request: two taps, or two devices, both count.
        await api('POST', `/api/shop/carts/${await cartId()}/items`, line);
        return 'added' as const;
      }
      const lines = read<GuestLine[]>(guestKey, []);
      const same = lines.find((l) => l.skuId === line.skuId);
      if (same) same.quantity = Math.min(10, same.quantity + line.quantity);
      else lines.push(line);
      localStorage.setItem(guestKey, JSON.stringify(lines));
      sessionStorage.setItem('flywheel.returnTo', returnTo);
      setGuestLines(lines);
      return 'sign-in' as const;
    },
    [me, cartId, guestKey],
  );
  // Signed in: the guest's items join the account's cart, and the guest goes back where they were.
  const navigate = useNavigate();
  useEffect(() => {
    if (!me || !shopId || guestLines.length === 0) return;
    void (async () => {
      // Each item leaves the device's list once it is in the account's cart; one that cannot be
      // added (no longer sold) is dropped, the others still go.
      const left = [...guestLines];
      setGuestLines([]);
      while (left.length) {
        const line = left[0];
        try {
          await addToCart(line, '');
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
        }
        left.shift();
        localStorage.setItem(guestKey, JSON.stringify(left));
      }
      localStorage.removeItem(guestKey);
      const back = sessionStorage.getItem('flywheel.returnTo');
      sessionStorage.removeItem('flywheel.returnTo');
      if (back) navigate(back);
    })();
  }, [me, shopId, guestLines, guestKey, addToCart, navigate]);
  return (
    <Ctx.Provider
      value={{
        me,
        refreshMe,
        shops,
        shopId,
        setShopId,
        address,
        setAddress,
        addresses,
        reloadAddresses,
        cartId,
        forgetCart,
        addToCart,
        guestLines,
      }}
    >
      {children}
    </Ctx.Provider>
  );
}

/** A saved address as the cart quotes to it. */
export function toAddress(a: SavedAddress): Address {
  const { province, city, district, line, name, phone, lat, lng } = a;
  return { province, city, district, line, name, phone, ...(lat != null && lng != null ? { lat, lng } : {}) };
}

/** `mm:ss` (or `h:mm:ss`) of a span in milliseconds. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Now, re-rendered every second: for countdowns. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}
