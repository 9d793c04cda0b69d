import { defineEntity, p } from '@mikro-orm/core';

/** The delivery log: every try at sending a message, what the SMTP server said and how long it took. */
export const DeliveryAttemptSchema = defineEntity({
  name: 'DeliveryAttempt',
  tableName: 'delivery_attempt',
  properties: {
    id: p.uuid().primary(),
    messageId: p.uuid().index(),
    attemptedAt: p.datetime(3),
    outcome: p.string().length(16),
    /** The server's answer (accepted) or the error. */
    detail: p.text(),
    durationMs: p.integer(),
  },
  checks: [{ name: 'delivery_attempt_outcome_known', expression: `outcome in ('SENT', 'FAILED')` }],
});

export class DeliveryAttempt extends DeliveryAttemptSchema.class {}
DeliveryAttemptSchema.setClass(DeliveryAttempt);
