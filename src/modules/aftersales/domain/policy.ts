import { type AbusePolicy, defaultAbusePolicy } from './abuse.js';
import { type Deadlines, defaultDeadlines } from './claims.js';

/** The operator's after-sales rules: deadlines, abuse limits and how long after delivery a claim may come. */
export type Policy = {
  deadlines: Deadlines;
  abuse: AbusePolicy;
  /** Days after delivery a claim for a defect may be made, and a counterfeit claim. */
  windows: { claimDays: number; counterfeitDays: number };
};

export const defaultPolicy: Policy = {
  deadlines: defaultDeadlines,
  abuse: defaultAbusePolicy,
  windows: { claimDays: 30, counterfeitDays: 90 },
};

export const claimReasons = [
  'no_reason',
  'damaged',
  'not_as_described',
  'wrong_item',
  'counterfeit',
  'late',
  'other',
] as const;
export type ClaimReason = (typeof claimReasons)[number];
