import { defineEntity, p } from '@mikro-orm/core';

/** Orders' store policy versions (StorePolicyPublished): each shipment is judged by its order's version. */
export const KnownPolicySchema = defineEntity({
  name: 'KnownPolicy',
  tableName: 'known_policy',
  properties: {
    version: p.integer().primary().autoincrement(false),
    document: p.json<Record<string, unknown>>(),
  },
});

export class KnownPolicy extends KnownPolicySchema.class {}
KnownPolicySchema.setClass(KnownPolicy);
