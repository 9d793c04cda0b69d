import type { AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { StorefrontCartProductQuery } from '../../__generated__/app/graphql.js';
import { callApi } from './api.server.js';
import type { CartLine } from './cart.server.js';

const cartProductQuery = graphql(`
  query StorefrontCartProduct($id: ID!) {
    product(id: $id) {
      id
      name
      status
      price {
        amount
        currency
      }
      releaseEstimate
      orderableInMyRegion
      notOrderableReason
      preorderCampaign {
        state
        paymentPlan {
          kind
          depositPercent
          fullPaymentAllowed
        }
      }
    }
  }
`);

export type CartProduct = NonNullable<StorefrontCartProductQuery['product']>;
export interface PricedLine extends CartLine {
  product: CartProduct;
}

/** The cart's lines with their products as the API has them now (lines whose product is gone are dropped). */
export async function pricedCart(context: AppLoadContext, lines: CartLine[], token?: string | null): Promise<PricedLine[]> {
  const products = await Promise.all(lines.map((l) => callApi(context, cartProductQuery, { id: l.productId }, token)));
  return lines.flatMap((line, i) => {
    const product = products[i]?.product;
    return product ? [{ ...line, product }] : [];
  });
}
