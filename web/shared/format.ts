/** The one place amounts become text: integer fen -> `¥1,234.56`. */
export function formatFen(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

export function formatFigure(value: number, format?: string): string {
  if (format === 'fen') return formatFen(value);
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
  return value.toLocaleString('en-US');
}

/** A time as China's stores and shoppers read it (Beijing time), whatever the device's zone. */
export function formatTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });
}

/** A day as China reads it (Beijing time): `2026/10/4`, `04/10/2026`. */
export function formatDay(iso: string, lang: string): string {
  return new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' });
}

/** A name in the UI language: the English one where the data has it, else the name as written. */
export function localName(
  x: { name: string | null; nameEn?: string | null } | undefined,
  lang: string,
): string {
  if (!x) return '';
  return lang === 'en' && x.nameEn ? x.nameEn : (x.name ?? '');
}

/** Names given side by side in Chinese and English (a shipment's `from` and `fromEn`), in the UI language. */
export function localNames(
  names: string[],
  english: Array<string | null> | undefined,
  lang: string,
): string[] {
  return names.map((name, i) => localName({ name, nameEn: english?.[i] }, lang));
}

/** An organisation's name in the UI language: Chinese names carry their English one in `attributes.nameEn`. */
export function orgName(
  org: { name: string; attributes?: Record<string, unknown> } | undefined,
  lang: string,
): string {
  if (!org) return '';
  const en = org.attributes?.nameEn;
  return lang === 'en' && typeof en === 'string' ? en : org.name;
}

const chinaDayOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** A moment soon, as a shopper reads it in Beijing time: "today 14:15", "tomorrow 10:15". */
export function soonText(
  iso: string,
  lang: string,
  t: (key: string, opts: Record<string, string>) => string,
): string {
  const at = new Date(iso).getTime();
  const time = new Date(at).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });
  const day = chinaDayOf(at);
  if (day === chinaDayOf(Date.now())) return t('store.today', { time });
  if (day === chinaDayOf(Date.now() + 86_400_000)) return t('store.tomorrow', { time });
  return formatTime(iso, lang);
}

export type HourGap = {
  reason: 'no_store' | 'radius' | 'closed' | 'stock' | 'capacity' | 'promise';
  availableAt: string | null;
};

/** Why one-hour delivery is not on offer, and from when it is again, in the shopper's words. */
export function hourGapText(
  gap: HourGap,
  lang: string,
  t: (key: string, opts: Record<string, string>) => string,
): string {
  return t(`store.hourGap.${gap.reason}`, {
    when: gap.availableAt ? soonText(gap.availableAt, lang, t) : '',
  });
}
