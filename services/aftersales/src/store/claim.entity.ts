import { defineEntity, p } from '@mikro-orm/core';
import type { ClaimIssue, PartCategory } from '@vitrine/policy';

export interface ClaimPartRecord {
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

/** A customer's claim on one delivered order line, from draft (collecting evidence) to staff's decision. */
export const ClaimSchema = defineEntity({
  name: 'Claim',
  tableName: 'claim',
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
    status: p.string().length(16).index(),
    policyVersion: p.integer(),
    createdAt: p.datetime(3),
    submittedAt: p.datetime(3).nullable(),
    /** Staff's decision: resolution, graded parts, refund (what the line still allowed), who and when. */
    resolution: p.string().length(24).nullable(),
    gradedParts: p.json<GradedPartRecord[]>().nullable(),
    refundAmount: p.integer().nullable(),
    currency: p.string().length(3),
    decidedBy: p.uuid().nullable(),
    decidedAt: p.datetime(3).nullable(),
    staffNote: p.string().length(1000).nullable(),
    version: p.integer().version(),
  },
});

export class Claim extends ClaimSchema.class {}
ClaimSchema.setClass(Claim);
