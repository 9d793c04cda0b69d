import type { AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiError, callApi } from './api.server.js';

const myReturnsQuery = graphql(`
  query StorefrontMyReturns {
    myReturns {
      id
      orderId
      productId
      status
      requestedAt
      quotedRefund {
        amount
        currency
      }
      restockingFee {
        amount
        currency
      }
      returnPostage
      rule {
        text
      }
      refund {
        amount
        currency
      }
    }
  }
`);

/** The order's returns for preference (after-sales lists the customer's): a failure there leaves the order page readable. */
export async function returnsOfOrder(context: AppLoadContext, orderId: string, accessToken: string) {
  return callApi(context, myReturnsQuery, {}, accessToken)
    .then(({ myReturns }) => ({ list: myReturns.filter((r) => r.orderId === orderId), error: null }))
    .catch((err: unknown) => {
      if (err instanceof ApiError) return { list: [], error: err.message };
      throw err;
    });
}
