import { defineEntity, p } from '@mikro-orm/core';

/** Projection of orders' StorePolicyPublished: every version, never changed once written; a claim is judged by its order's. */
export const PolicyVersionSchema = defineEntity({
  name: 'PolicyVersion',
  tableName: 'policy_version',
  properties: {
    version: p.integer().primary().autoincrement(false),
    /** The document as @vitrine/policy validated it when orders published it. */
    document: p.json<Record<string, unknown>>(),
    publishedAt: p.datetime(3),
  },
});

export class PolicyVersion extends PolicyVersionSchema.class {}
PolicyVersionSchema.setClass(PolicyVersion);
