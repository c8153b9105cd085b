import { describe, expect, it } from 'vitest';
import {
  type AgreementTerms,
  chinaDay,
  coverageGap,
  displayStatus,
  inForce,
  moveRefusal,
  settlementInForce,
} from './agreement.js';

const nka: AgreementTerms = {
  id: 'agr_nka',
  brandId: 'org_oppo',
  retailerId: 'org_jd',
  status: 'active',
  startsOn: '2026-03-01',
  endsOn: '2029-02-28',
  productLines: ['Find X', 'Reno'],
  provinces: ['北京', '广东'],
  signedOn: '2026-02-20',
  settlement: { model: 'commission', rateBp: 800 },
};
const store = { retailerId: 'org_jd', province: '北京' };

describe('agreements', () => {
  it('are in force on every China day of their term and not outside it', () => {
    expect(inForce(nka, new Date('2026-02-28T15:59:59Z'))).toBe(false); // 23:59:59 on 28 Feb in Beijing
    expect(inForce(nka, new Date('2026-02-28T16:00:00Z'))).toBe(true); // midnight, 1 March in Beijing
    expect(inForce(nka, new Date('2029-02-28T15:59:59Z'))).toBe(true);
    expect(inForce(nka, new Date('2029-02-28T16:00:00Z'))).toBe(false);
    expect(inForce({ ...nka, status: 'suspended' }, new Date('2027-01-01T00:00:00Z'))).toBe(false);
    expect(displayStatus(nka, new Date('2030-01-01T00:00:00Z'))).toBe('expired');
    expect(chinaDay(new Date('2026-07-28T16:30:00Z'))).toBe('2026-07-29');
  });

  it('cover a store only in their provinces and product lines', () => {
    const at = new Date('2026-11-25T00:00:00Z');
    expect(coverageGap([nka], store, 'Find X', at)).toBeNull();
    expect(coverageGap([nka], { ...store, province: '浙江' }, 'Find X', at)).toBe('province');
    expect(coverageGap([nka], store, 'Watch', at)).toBe('product_line');
    expect(coverageGap([nka], { ...store, retailerId: 'org_other' }, 'Find X', at)).toBe('no_agreement');
    expect(coverageGap([nka], store, 'Find X', new Date('2030-01-01T00:00:00Z'))).toBe('not_in_force');
    // A regional agreement for Zhejiang covering watches adds to the NKA one.
    const regional = { ...nka, productLines: ['Watch'], provinces: ['浙江'] };
    expect(coverageGap([nka, regional], { ...store, province: '浙江' }, 'Watch', at)).toBeNull();
    expect(coverageGap([nka, regional], { ...store, province: '浙江' }, 'Reno', at)).toBe('product_line');
    expect(
      coverageGap(
        [{ ...nka, productLines: null, provinces: null }],
        { ...store, province: '西藏' },
        'Pad',
        at,
      ),
    ).toBeNull();
  });

  it('move only by the party allowed and from the statuses allowed', () => {
    expect(moveRefusal('propose', 'draft', 'brand')).toBeNull();
    expect(moveRefusal('accept', 'proposed', 'brand')).toBe('partnership.wrong_party');
    expect(moveRefusal('accept', 'proposed', 'retailer')).toBeNull();
    expect(moveRefusal('accept', 'draft', 'retailer')).toBe('partnership.illegal_transition');
    expect(moveRefusal('terminate', 'suspended', 'retailer')).toBeNull();
    expect(moveRefusal('resume', 'terminated', 'brand')).toBe('partnership.illegal_transition');
  });

  it('settle by the agreement in force with the retailer, the latest signed when several are', () => {
    const at = new Date('2026-11-25T00:00:00Z');
    const regional: AgreementTerms = {
      ...nka,
      id: 'agr_regional',
      signedOn: '2026-06-01',
      settlement: { model: 'wholesale', rateBp: 9_000 },
    };
    expect(settlementInForce([nka, regional], 'org_jd', at)).toEqual({
      agreementId: 'agr_regional',
      settlement: { model: 'wholesale', rateBp: 9_000 },
    });
    expect(settlementInForce([nka, { ...regional, status: 'suspended' }], 'org_jd', at)?.agreementId).toBe(
      'agr_nka',
    );
    expect(settlementInForce([nka], 'org_other', at)).toBeNull();
    expect(settlementInForce([nka], 'org_jd', new Date('2030-01-01T00:00:00Z'))).toBeNull();
  });
});
