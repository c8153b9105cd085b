import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type ClaimMove,
  type ClaimStatus,
  claimMoveRefusal,
  claimMoves,
  claimStatuses,
  deadlineOf,
  defaultDeadlines,
  terminalStatuses,
} from './claims.js';

const actors: Actor[] = ['shopper', 'merchant', 'store', 'operator', 'system'];
const full = { reason: 'not genuine', tracking: 'SF1234567890', condition: 'sellable' as const };

describe('the claim state table', () => {
  it('allows exactly the moves the table names, from each status, by each actor', () => {
    for (const status of claimStatuses)
      for (const move of Object.keys(claimMoves) as ClaimMove[])
        for (const by of actors) {
          const m = claimMoves[move];
          const allowed =
            (m.from as readonly ClaimStatus[]).includes(status) && (m.by as readonly Actor[]).includes(by);
          expect(claimMoveRefusal(status, move, by, full) === null, `${by} ${move} from ${status}`).toBe(
            allowed,
          );
        }
  });
  it('lets nothing leave a finished claim', () => {
    for (const status of terminalStatuses)
      for (const move of Object.keys(claimMoves) as ClaimMove[])
        for (const by of actors) expect(claimMoveRefusal(status, move, by, full)).not.toBeNull();
  });
  it('reaches every status from a request, and every open status has a way to finish', () => {
    const reached = new Set<ClaimStatus>(['requested']);
    for (let i = 0; i < claimStatuses.length; i++)
      for (const m of Object.values(claimMoves)) if (m.from.some((f) => reached.has(f))) reached.add(m.to);
    expect([...reached].sort()).toEqual([...claimStatuses].sort());
    const finishes = (s: ClaimStatus, seen = new Set<ClaimStatus>()): boolean =>
      terminalStatuses.includes(s) ||
      Object.values(claimMoves).some(
        (m) =>
          (m.from as readonly ClaimStatus[]).includes(s) &&
          !seen.has(m.to) &&
          finishes(m.to, new Set([...seen, s])),
      );
    for (const s of claimStatuses) expect(finishes(s), s).toBe(true);
  });
  it('asks a rejection and a verdict their reason, a return its tracking number, a receipt its condition', () => {
    expect(claimMoveRefusal('awaiting_merchant', 'reject', 'merchant')).toEqual({
      message: 'say why',
      field: 'reason',
    });
    expect(claimMoveRefusal('awaiting_merchant', 'reject', 'merchant', { reason: '  ' })?.field).toBe(
      'reason',
    );
    expect(claimMoveRefusal('escalated', 'rule_for_shopper', 'operator')?.field).toBe('reason');
    expect(claimMoveRefusal('awaiting_return', 'ship_return', 'shopper')?.field).toBe('tracking');
    expect(claimMoveRefusal('returning', 'receive', 'merchant')?.field).toBe('condition');
    expect(claimMoveRefusal('awaiting_return', 'receive', 'store', { condition: 'damaged' })).toBeNull();
  });
});

describe('deadlines', () => {
  const now = new Date('2026-12-03T02:00:00Z');
  const h = (n: number) => new Date(now.getTime() + n * 3_600_000).toISOString();
  it('give a merchant 24 h before shipment, 36 h after and for returns; the shopper 7 days to return', () => {
    expect(
      deadlineOf('awaiting_merchant', { kind: 'refund_only', shipped: false }, defaultDeadlines, now),
    ).toEqual({
      dueAt: h(24),
      lapse: 'review_lapsed',
    });
    expect(
      deadlineOf('awaiting_merchant', { kind: 'refund_only', shipped: true }, defaultDeadlines, now)?.dueAt,
    ).toBe(h(36));
    expect(
      deadlineOf('awaiting_merchant', { kind: 'return_refund', shipped: true }, defaultDeadlines, now)?.dueAt,
    ).toBe(h(36));
    expect(
      deadlineOf('awaiting_return', { kind: 'return_refund', shipped: true }, defaultDeadlines, now),
    ).toEqual({
      dueAt: h(168),
      lapse: 'return_lapsed',
    });
    expect(deadlineOf('received', { kind: 'return_refund', shipped: true }, defaultDeadlines, now)).toEqual({
      dueAt: h(48),
      lapse: 'refund_lapsed',
    });
    for (const s of ['approved', 'escalated', 'refunded', 'closed'] as const)
      expect(deadlineOf(s, { kind: 'counterfeit', shipped: true }, defaultDeadlines, now)).toBeNull();
  });
  it('lets each lapse be a move the system may make from that status', () => {
    for (const s of claimStatuses) {
      const d = deadlineOf(s, { kind: 'return_refund', shipped: true }, defaultDeadlines, now);
      if (d) expect(claimMoveRefusal(s, d.lapse, 'system', full), `${d.lapse} from ${s}`).toBeNull();
    }
  });
});
