import { staffReasonMaxLength } from '../shared/staff-reason.js';
import { z } from 'zod';

/**
 * Flags staff put on a customer: refused deliveries or unilateral
 * cancellations (seed 003), preorder abuse (seed 004), or a block of service.
 * A flag may later ask for payment up front on preorders, or stop orders.
 * Accounts only produces these kinds; consumers store any flag name they
 * receive and act on the ones they know, so a new kind is an additive change.
 */
export const customerFlagKinds = ['PREORDER_ABUSE', 'REFUSED_DELIVERY', 'BLOCKED'] as const;
export type CustomerFlagKind = (typeof customerFlagKinds)[number];

/** Staff must say why; the reason is shown to other staff and kept in the audit log. */
export const flagReasonMaxLength = staffReasonMaxLength;

/** What CustomerFlagged and CustomerUnflagged carry: ids and the staff member's stated reason. */
export const customerFlagChangeSchema = z.object({
  customerId: z.uuid(),
  flag: z
    .string()
    .regex(/^[A-Z][A-Z_]{0,31}$/)
    .describe(`One of ${customerFlagKinds.join(', ')} today; more kinds may be added within this version.`),
  reason: z.string().min(1).max(flagReasonMaxLength),
  /** The staff member who changed the flag. */
  actorId: z.uuid(),
});
