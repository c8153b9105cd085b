/**
 * GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14: digits whose last one is the GS1 check
 * digit (weights 3 and 1 alternating from the right, excluding the check digit).
 */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export type GtinProblem = 'not_digits' | 'wrong_length' | 'wrong_check_digit';

/** Null when `gtin` is valid, else what is wrong with it. */
export function gtinProblem(gtin: string): GtinProblem | null {
  if (!/^\d+$/.test(gtin)) return 'not_digits';
  if (![8, 12, 13, 14].includes(gtin.length)) return 'wrong_length';
  const expected = gtinCheckDigit(gtin.slice(0, -1));
  return expected === Number(gtin.at(-1)) ? null : 'wrong_check_digit';
}

export const gtinProblemText: Record<GtinProblem, string> = {
  not_digits: 'must contain digits only',
  wrong_length: 'must have 8, 12, 13 or 14 digits',
  wrong_check_digit: 'has a wrong check digit',
};
