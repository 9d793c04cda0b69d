/** The channel a commit to a listing's tables notifies (migration 20261206140000). */
export const listingChannel = 'catalog_listing_changed';

/**
 * Every table a product listing page reads: the products, their stock (pools, warehouse rows and the warehouses'
 * names), studios and preorder windows. A table a listing starts reading belongs here, with a migration giving it the
 * trigger.
 */
export const listingTables = ['product', 'preorder_allocation', 'warehouse_stock', 'warehouse', 'studio', 'preorder_campaign'] as const;
