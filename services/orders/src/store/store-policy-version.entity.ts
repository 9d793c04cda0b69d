import { defineEntity, p } from '@mikro-orm/core';

/**
 * A published store policy, never changed once written: orders record the
 * version they were placed under and are judged by it for their whole life.
 * The highest version is the one new orders take.
 */
export const StorePolicyVersionSchema = defineEntity({
  name: 'StorePolicyVersion',
  tableName: 'store_policy_version',
  properties: {
    version: p.integer().primary().autoincrement(false),
    policyId: p.string().length(80),
    /** The document as @vitrine/policy validated it. */
    document: p.json<Record<string, unknown>>(),
    /** The preset it came from, when it did. */
    preset: p.string().length(40).nullable(),
    note: p.string().length(500).nullable(),
    publishedBy: p.uuid().nullable(),
    publishedAt: p.datetime(3),
  },
});

export class StorePolicyVersion extends StorePolicyVersionSchema.class {}
StorePolicyVersionSchema.setClass(StorePolicyVersion);
