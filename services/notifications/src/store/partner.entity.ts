import { defineEntity, p } from '@mikro-orm/core';

/**
 * A partner application receiving webhooks: where, which event types, the
 * secret deliveries are signed with (and the previous one during a rotation's
 * overlap), and whether its endpoint is enabled (disabled after persistent
 * failure, until it is enabled again). A removed partner is kept (its
 * delivery log stays readable) with when and by whom; nothing is sent to it.
 */
export const PartnerSchema = defineEntity({
  name: 'Partner',
  tableName: 'partner',
  properties: {
    id: p.uuid().primary(),
    name: p.string().length(100),
    webhookUrl: p.string().length(500),
    eventTypes: p.array(),
    /** Standard Webhooks secret (`whsec_` + base64). */
    secret: p.string().length(100),
    previousSecret: p.string().length(100).nullable(),
    previousSecretUntil: p.datetime(3).nullable(),
    enabled: p.boolean(),
    disabledReason: p.text().nullable(),
    createdAt: p.datetime(3),
    removedAt: p.datetime(3).nullable(),
    /** The staff member who removed it. */
    removedBy: p.uuid().nullable(),
  },
});

export class Partner extends PartnerSchema.class {}
PartnerSchema.setClass(Partner);
