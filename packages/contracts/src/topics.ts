/** Topics per service and aggregate, versioned with the events they carry. */
export const topics = {
  catalogProduct: 'catalog.product.v1',
  catalogStock: 'catalog.stock.v1',
  catalogWarehouse: 'catalog.warehouse.v1',
  ordersOrder: 'orders.order.v1',
  ordersPolicy: 'orders.policy.v1',
  paymentsPayment: 'payments.payment.v1',
  paymentsMethod: 'payments.method.v1',
  logisticsRates: 'logistics.rates.v1',
  logisticsShipment: 'logistics.shipment.v1',
  accountsCustomer: 'accounts.customer.v1',
  /** What accounts asks to be emailed (links with single-use tokens): for the notifications service only. */
  accountsMail: 'accounts.mail.v1',
  aftersalesClaim: 'aftersales.claim.v1',
  /** Partner applications' lifecycle, for the services that hold what lets a partner act (accounts' credentials); never public. */
  notificationsPartner: 'notifications.partner.v1',
  platformClock: 'platform.clock.v1',
} as const;

export type Topic = (typeof topics)[keyof typeof topics];
