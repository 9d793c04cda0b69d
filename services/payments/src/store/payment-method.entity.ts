import { defineEntity, p } from '@mikro-orm/core';

/**
 * A customer's stored card: the provider's token and what the customer
 * recognises it by. Never a card number (the CHECK allows four digits only).
 */
export const PaymentMethodSchema = defineEntity({
  name: 'PaymentMethod',
  tableName: 'payment_method',
  checks: [
    { name: 'payment_method_last4_digits', expression: `last4 ~ '^[0-9]{4}$'` },
    { name: 'payment_method_expiry', expression: 'exp_month between 1 and 12 and exp_year between 2000 and 2200' },
  ],
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid().index(),
    provider: p.string().length(16),
    providerMethodId: p.string().length(255),
    providerCustomerId: p.string().length(255).nullable(),
    brand: p.string().length(40),
    last4: p.string().length(4),
    expMonth: p.smallint(),
    expYear: p.smallint(),
    createdAt: p.datetime(),
    removedAt: p.datetime().nullable(),
  },
});

export class PaymentMethod extends PaymentMethodSchema.class {}
PaymentMethodSchema.setClass(PaymentMethod);

/** Our customer at the provider (Stripe's Customer object), created once. */
export const ProviderCustomerSchema = defineEntity({
  name: 'ProviderCustomer',
  tableName: 'provider_customer',
  properties: {
    customerId: p.uuid().primary(),
    provider: p.string().length(16).primary(),
    providerCustomerId: p.string().length(255),
    createdAt: p.datetime(),
  },
});

export class ProviderCustomer extends ProviderCustomerSchema.class {}
ProviderCustomerSchema.setClass(ProviderCustomer);
