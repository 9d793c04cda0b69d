import { defineEntity, p } from '@mikro-orm/core';
import { claimStatuses } from '../domain/claim-status.js';
import type { ClaimResolutionKind, ReturnPostagePayer } from '@vitrine/contracts';
import type { ClaimIssue, PartCategory } from '@vitrine/policy';

export interface ClaimPartRecord {
  /** The catalog's part name (claims made before catalog's parts list reached after-sales have none). */
  name?: string | null;
  category: PartCategory;
  issue: ClaimIssue;
  note: string | null;
}

export interface GradedPartRecord {
  category: string;
  grade: string;
  amount: number | null;
  rule: { id: string; text: string };
}

/** A resolution staff offered, as the customer sees it (amounts in minor units of `currency`). */
export interface ClaimOfferRecord {
  resolution: ClaimResolutionKind;
  refund: number | null;
  returnPostage: ReturnPostagePayer | null;
  /** REPLACEMENT_PART: when it should arrive (local days) or why there is no date. */
  leadTime?: {
    outcome: 'WINDOW' | 'MADE_ON_DEMAND' | 'NO_ESTIMATE';
    earliest: string | null;
    latest: string | null;
    rule: { id: string; text: string };
  } | null;
  rule: { id: string; text: string };
}

/** A customer's claim on one delivered order line, from draft (collecting evidence) through staff's decision to the resolution the customer chose. */
export const ClaimSchema = defineEntity({
  name: 'Claim',
  tableName: 'claim',
  // Declared here as the migrations created them, so a generated migration keeps them.
  checks: [
    { name: 'claim_exchange_unit_known', expression: `"exchange_unit" is null or "exchange_unit" in ('HELD', 'UNAVAILABLE')` },
    { name: 'claim_status_known', expression: `"status" in (${claimStatuses.map((s) => `'${s}'`).join(', ')})` },
    { name: 'claim_refund_not_negative', expression: '"refund_amount" is null or "refund_amount" >= 0' },
  ],
  // Staff's queue: statuses, oldest submission first.
  indexes: [{ name: 'claim_status_submitted_at_index', properties: ['status', 'submittedAt'] }],
  properties: {
    id: p.uuid().primary(),
    orderId: p.uuid().index(),
    productId: p.uuid(),
    customerId: p.uuid().index(),
    kind: p.string().length(40),
    /** STANDARD or SIGNIFICANT: picks the policy's window. */
    severity: p.string().length(16),
    description: p.string().length(2000),
    parts: p.json<ClaimPartRecord[]>(),
    status: p.string().length(24).index(),
    policyVersion: p.integer(),
    createdAt: p.datetime(3),
    submittedAt: p.datetime(3).nullable(),
    /** UNDER_REVIEW: the staff member who took the claim into review, and when (kept once it moves on). */
    reviewedBy: p.uuid().nullable(),
    reviewStartedAt: p.datetime(3).nullable(),
    /** What staff asked for when they sent the claim back for more evidence. */
    evidenceRequest: p.string().length(1000).nullable(),
    /** Staff's decision (offers and graded parts) or refusal (the policy rule), who, when, their note. */
    offers: p.json<ClaimOfferRecord[]>().nullable(),
    gradedParts: p.json<GradedPartRecord[]>().nullable(),
    refusalRule: p.json<{ id: string; text: string }>().nullable(),
    decidedBy: p.uuid().nullable(),
    decidedAt: p.datetime(3).nullable(),
    staffNote: p.string().length(1000).nullable(),
    /** The customer's choice among the offers and what it refunds (what the line still allowed then). */
    resolution: p.string().length(24).$type<ClaimResolutionKind>().nullable(),
    refundAmount: p.integer().nullable(),
    currency: p.string().length(3),
    chosenAt: p.datetime(3).nullable(),
    /** EXCHANGE: whether catalog holds the new unit (HELD, in `exchangeWarehouseId`) or has none (UNAVAILABLE: staff offer something else). */
    exchangeUnit: p.string().length(16).$type<'HELD' | 'UNAVAILABLE'>().nullable(),
    exchangeWarehouseId: p.uuid().nullable(),
    /** RETURN: the condition staff found the item in when it came back (its receipt closes the claim). */
    returnCondition: p.string().length(24).nullable(),
    /** CLOSED: by the staff member who carried the resolution out, or null when the choice itself settled it. */
    closedBy: p.uuid().nullable(),
    closedAt: p.datetime(3).nullable(),
    version: p.integer().version(),
  },
});

export class Claim extends ClaimSchema.class {}
ClaimSchema.setClass(Claim);
