import { defineEntity, p } from '@mikro-orm/core';

/** Customers' stored payment methods as payments announced them (never a card number): charge at ship needs one. */
export const KnownPaymentMethodSchema = defineEntity({
  name: 'KnownPaymentMethod',
  tableName: 'known_payment_method',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid().index(),
    label: p.string().length(80),
    removed: p.boolean().default(false),
  },
});

export class KnownPaymentMethod extends KnownPaymentMethodSchema.class {}
KnownPaymentMethodSchema.setClass(KnownPaymentMethod);
