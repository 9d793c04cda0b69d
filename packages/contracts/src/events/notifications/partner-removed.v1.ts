import { z } from 'zod';
import { topics } from '../../topics.js';

/**
 * Staff removed a partner application at notifications (it keeps the row and
 * its delivery log): nothing is sent to it any more. Services holding
 * anything that lets the partner act (accounts: its API credentials) revoke
 * it. Published once per partner; never sent to partners.
 */
export const partnerRemovedV1 = {
  type: 'notifications.partner.removed',
  version: 1,
  topic: topics.notificationsPartner,
  schema: z.object({
    partnerId: z.uuid(),
    removedAt: z.iso.datetime({ offset: true }),
    /** The staff member who removed it. */
    removedBy: z.uuid(),
  }),
} as const;
