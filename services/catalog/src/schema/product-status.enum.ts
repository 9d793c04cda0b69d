import { graphqlEnum } from '@vitrine/platform';
import { productStatuses } from '@vitrine/contracts';

export const ProductStatusEnum = graphqlEnum(productStatuses, {
  name: 'ProductStatus',
  description: 'Where a product is in its life. Only some moves are allowed (see changeProductStatus).',
  valuesConfig: {
    ANNOUNCED: { description: 'Announced; not orderable yet.' },
    PREORDER: { description: 'Preorders are open.' },
    PREORDER_CLOSED: { description: 'The preorder window closed; orders went to the maker.' },
    RELEASED: { description: 'The maker released it; preorders are being fulfilled.' },
    IN_STOCK: { description: 'In stock in the French warehouse.' },
    CHINA_STOCK: { description: 'Stock held by the factory in China (no after-sales).' },
    SOLD_OUT: { description: 'No unit left (a restock may come).' },
    DISCONTINUED: { description: 'Withdrawn for good.' },
  },
});
