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

/** An organisation's name in the UI language: Chinese names carry their English one in `attributes.nameEn`. */
export function orgName(
  org: { name: string; attributes?: Record<string, unknown> } | undefined,
  lang: string,
): string {
  if (!org) return '';
  const en = org.attributes?.nameEn;
  return lang === 'en' && typeof en === 'string' ? en : org.name;
}
