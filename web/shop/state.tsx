import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
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
  /** The open cart of the current shop, made on first use. */
  cartId: () => Promise<string>;
  forgetCart: () => void;
};

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
  const setAddress = (a: Address) => {
    localStorage.setItem('flywheel.address', JSON.stringify(a));
    setAddressState(a);
  };
  const cartKey = `flywheel.cart.${shopId}`;
  const cartId = useCallback(async () => {
    const known = localStorage.getItem(cartKey);
    if (known) {
      try {
        const cart = await api<{ status: string }>('GET', `/api/shop/carts/${known}`);
        if (cart.status === 'open') return known;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    const made = await api<{ id: string }>('POST', '/api/shop/carts', { channelId: shopId });
    localStorage.setItem(cartKey, made.id);
    return made.id;
  }, [cartKey, shopId]);
  const forgetCart = useCallback(() => localStorage.removeItem(cartKey), [cartKey]);
  return (
    <Ctx.Provider
      value={{ me, refreshMe, shops, shopId, setShopId, address, setAddress, cartId, forgetCart }}
    >
      {children}
    </Ctx.Provider>
  );
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
