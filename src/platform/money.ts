/** Money is an integer number of fen (1/100 CNY) with its currency; never a float (DESIGN §4). */
export type Money = { amount: number; currency: 'CNY' };

export function fen(amount: number): Money {
  if (!Number.isSafeInteger(amount)) throw new Error(`money must be an integer number of fen, got ${amount}`);
  return { amount, currency: 'CNY' };
}

/** `12345` -> `¥123.45`, the one formatting rule used by the API's text and the UI. */
export function formatFen(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
