import { claimCoverage, claimWindow, isBefore, type ClaimProduct, type DamageSeverity, type Deadline, type Rule, type StorePolicy } from '@vitrine/policy';

/** What a claim rests on: the delivered line, when the courier delivered it, the evidence that arrived. */
export interface ClaimFacts {
  product: ClaimProduct;
  deliveredAt: Date;
  severity: DamageSeverity;
  /** Evidence objects confirmed in storage, by kind. */
  photos: number;
  videos: number;
  /** The store clock. */
  now: Date;
  /** When the claim was first submitted: a claim sent back for more evidence was reported then, so the window judges that instant. */
  reportedAt?: Date | null;
}

export type Eligibility =
  | { ok: true; deadline: Deadline; rules: Rule[] }
  | {
      ok: false;
      reason: 'NOT_COVERED' | 'WINDOW_CLOSED' | 'EVIDENCE_MISSING';
      rule: Rule;
      message: string;
      /** Facts for a client's own wording: the window's last day (WINDOW_CLOSED), the evidence missing (EVIDENCE_MISSING). */
      facts?: { lastDay: string } | { missing: 'PHOTOS' | 'UNBOXING_VIDEO' };
    };

const evidenceRuleId = 'claims.evidence';

/**
 * Whether a claim may be submitted under the order's policy version: the
 * product is covered (preorders always, where the policy says so; not
 * CHINA_STOCK; not in stock long after release), it is still within the
 * window for its severity counted from the courier's delivery date, and the
 * evidence the policy requires has arrived (photos; 002: an unboxing video).
 * Each refusal names its rule.
 */
export function claimEligibility(policy: StorePolicy, facts: ClaimFacts): Eligibility {
  const coverage = claimCoverage(policy, facts.product);
  if (!coverage.covered) return { ok: false, reason: 'NOT_COVERED', rule: coverage.rule, message: coverage.rule.text };
  const window = claimWindow(policy, facts.deliveredAt, facts.severity);
  if (!isBefore(facts.reportedAt ?? facts.now, window)) {
    return {
      ok: false,
      reason: 'WINDOW_CLOSED',
      rule: window.rule,
      message: `The window for this claim closed on ${window.lastDay}. ${window.rule.text}`,
      facts: { lastDay: window.lastDay },
    };
  }
  const { photos, unboxingVideo } = policy.claims.evidence;
  if (photos && facts.photos === 0) {
    return {
      ok: false,
      reason: 'EVIDENCE_MISSING',
      rule: { id: evidenceRuleId, text: 'A claim needs photos of the damage.' },
      message: 'Add photos of the damage.',
      facts: { missing: 'PHOTOS' },
    };
  }
  if (unboxingVideo && facts.videos === 0) {
    const text = 'A claim needs an unboxing video from the sealed parcel until all contents are out.';
    return {
      ok: false,
      reason: 'EVIDENCE_MISSING',
      rule: { id: evidenceRuleId, text },
      message: 'Add the unboxing video from the sealed parcel.',
      facts: { missing: 'UNBOXING_VIDEO' },
    };
  }
  return { ok: true, deadline: window, rules: [coverage.rule, window.rule] };
}
