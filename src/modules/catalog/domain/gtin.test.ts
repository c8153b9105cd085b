import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, gtinProblem } from './gtin.js';

describe('GTIN check digits', () => {
  it('accepts real EAN-13, UPC-A, EAN-8 and GTIN-14 codes', () => {
    for (const code of ['4006381333931', '6901443283644', '036000291452', '73513537', '10012345678902']) {
      expect(gtinProblem(code), code).toBeNull();
    }
  });

  it('computes the check digit', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('03600029145')).toBe(2);
  });

  it('names what is wrong', () => {
    expect(gtinProblem('4006381333932')).toBe('wrong_check_digit');
    expect(gtinProblem('40063813339')).toBe('wrong_length');
    expect(gtinProblem('40063813339A1')).toBe('not_digits');
    expect(gtinProblem('')).toBe('not_digits');
  });

  it('catches every single-digit typo of a valid code', () => {
    const valid = '6901443283644';
    for (let i = 0; i < valid.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(gtinProblem(typo), typo).toBe('wrong_check_digit');
      }
    }
  });
});
