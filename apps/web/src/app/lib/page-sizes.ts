/**
 * How many items each paged operation of the web asks for (its `first` variable), in one list: the gateway refuses
 * an operation whose cost is over its limit (MAX_QUERY_COST), and the cost grows with the page size, so
 * page-sizes.unit.spec.ts prices every trusted document at these sizes. A new paged operation must be listed here
 * (the spec fails otherwise), and a bigger page or a new field fails that spec rather than a customer's page.
 */
export const pageSizes = {
  StorefrontListing: 12,
  StorefrontMyOrders: 20,
  StorefrontOrdersDue: 50,
  StorefrontMyNotificationsPage: 25,
  BackOfficeProducts: 25,
  BackOfficeProductHistory: 100,
  BackOfficeOrders: 25,
  BackOfficeCustomers: 25,
  BackOfficePaymentIntents: 25,
  BackOfficeShipments: 20,
  // With where each returned item goes, 25 claims cost 5806 (found by a browser spec before this list existed).
  BackOfficeClaims: 20,
  BackOfficeReturns: 25,
  BackOfficeNotificationMessages: 25,
  BackOfficePartnerDeliveries: 30,
} as const satisfies Record<string, number>;
