import { CheckoutSchema } from './checkout.entity.js';
import { CustomerFlagSchema } from './customer-flag.entity.js';
import { DeletedCustomerSchema } from './deleted-customer.entity.js';
import { KnownPaymentMethodSchema } from './known-payment-method.entity.js';
import { KnownProductSchema } from './known-product.entity.js';
import { OrderDueSchema } from './order-due.entity.js';
import { OrderLineSchema } from './order-line.entity.js';
import { OrderSchema } from './order.entity.js';
import { ShippingRateCardSchema } from './shipping-rate-card.entity.js';
import { StorePolicyVersionSchema } from './store-policy-version.entity.js';

export const ordersEntities = [
  OrderSchema,
  OrderLineSchema,
  OrderDueSchema,
  CheckoutSchema,
  StorePolicyVersionSchema,
  KnownProductSchema,
  KnownPaymentMethodSchema,
  ShippingRateCardSchema,
  CustomerFlagSchema,
  DeletedCustomerSchema,
];
