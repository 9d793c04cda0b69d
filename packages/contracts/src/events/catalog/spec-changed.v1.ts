import { z } from 'zod';
import { topics } from '../../topics.js';
import { catalogReasonMaxLength } from './product-status.js';

/**
 * A product's spec changed before release (scale, material, parts, assembly,
 * package... or anything staff describe): customers with preorders are
 * emailed and, depending on the store policy, may cancel for that reason.
 * Values are texts as customers read them; null means "not set".
 */
export const specChangedV1 = {
  type: 'catalog.product.spec-changed',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    productId: z.uuid(),
    /** The spec change's id (Product.specChanges), so a consumer can link to it. */
    specChangeId: z.uuid(),
    changes: z.array(z.object({ field: z.string().min(1), from: z.string().nullable(), to: z.string().nullable() })),
    /** Free-text description when the change is not (only) a list of fields. */
    description: z.string().nullable(),
    reason: z.string().min(1).max(catalogReasonMaxLength),
    changedAt: z.iso.datetime({ offset: true }),
    /** The staff member who recorded it. */
    actorId: z.uuid(),
  }),
} as const;
