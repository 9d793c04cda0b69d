import type { AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiError, callApi } from './api.server.js';
import type { Locale } from './format.js';
import { ruleLanguage } from './locale.server.js';
import { refusalIn } from './refusals.js';

const myReturnsQuery = graphql(`
  query StorefrontMyReturns($language: RuleLanguage!) {
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
        text(language: $language)
      }
      refund {
        amount
        currency
      }
      sendTo {
        ...ReturnAddressFields
      }
      sendToUnknown
      parcelReference
    }
  }
`);

/** The order's returns for preference (after-sales lists the customer's): a failure there leaves the order page readable. */
export async function returnsOfOrder(context: AppLoadContext, orderId: string, accessToken: string, locale: Locale = 'en') {
  return callApi(context, myReturnsQuery, { language: ruleLanguage(locale) }, accessToken)
    .then(({ myReturns }) => ({ list: myReturns.filter((r) => r.orderId === orderId), error: null }))
    .catch((err: unknown) => {
      if (err instanceof ApiError) return { list: [], error: refusalIn(locale, err) };
      throw err;
    });
}

const returnOffersQuery = graphql(`
  query StorefrontReturnOffers($orderId: ID!, $language: RuleLanguage!) {
    returnOffers(orderId: $orderId) {
      productId
      open
      returnableUntil
      returnableLastDay
      refund {
        amount
        currency
      }
      restockingFee {
        amount
        currency
      }
      shippingRefund {
        amount
        currency
      }
      returnPostage
      rule {
        id
        text(language: $language)
      }
      returnId
    }
  }
`);

/**
 * Whether each line of a delivered order can go back for preference now, until when and for what refund, as
 * after-sales decides (the very terms requestReturn accepts): a failure there leaves the order page readable and
 * offers nothing.
 */
export async function returnOffersOf(context: AppLoadContext, orderId: string, accessToken: string, locale: Locale = 'en') {
  return callApi(context, returnOffersQuery, { orderId, language: ruleLanguage(locale) }, accessToken)
    .then(({ returnOffers }) => ({ list: returnOffers, error: null }))
    .catch((err: unknown) => {
      if (err instanceof ApiError) return { list: [], error: refusalIn(locale, err) };
      throw err;
    });
}
