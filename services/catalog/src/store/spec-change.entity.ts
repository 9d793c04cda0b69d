import { defineEntity, p } from '@mikro-orm/core';
import type { SpecFieldChange } from '../domain/spec-change.js';

/**
 * One spec change of a product before release: what changed, why, who and
 * when. Customers are told and may cancel for it (SpecChanged), so rows are
 * never edited or removed.
 */
export const SpecChangeSchema = defineEntity({
  name: 'SpecChange',
  tableName: 'spec_change',
  properties: {
    id: p.uuid().primary(),
    productId: p.uuid(),
    /** Field, before and after as customers read them; may be empty when only described. */
    changes: p.json<SpecFieldChange[]>(),
    description: p.text().nullable(),
    reason: p.string().length(500),
    changedBy: p.uuid(),
    changedAt: p.datetime(),
  },
  indexes: [{ properties: ['productId', 'changedAt'] }],
});

export class SpecChange extends SpecChangeSchema.class {}
SpecChangeSchema.setClass(SpecChange);
