import { redirect, type AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiError, callApi } from './api.server.js';
import type { Locale } from './format.js';
import { cardFailureIn, refusalIn } from './refusals.js';
import { field } from './sign-in.server.js';

const payMutation = graphql(`
  mutation StorefrontPay($input: PayInput!, $key: String!) {
    pay(input: $input, idempotencyKey: $key) {
      id
      status
      failure {
        kind
        message
      }
    }
  }
`);
const confirmMutation = graphql(`
  mutation StorefrontConfirmPayment($intentId: ID!, $key: String!) {
    confirmPayment(intentId: $intentId, idempotencyKey: $key) {
      id
      status
      failure {
        kind
        message
      }
    }
  }
`);

/** What a payment form shows after a submission that did not leave the page. */
export interface PaymentOutcome {
  error: string | null;
  /** The intent the bank wants confirmed (REQUIRES_ACTION). */
  confirm: string | null;
  processing: boolean;
}

/**
 * A payment form's submission, for one order or several in one payment: the
 * card chosen (or the bank's confirmation of an earlier attempt) under the
 * form's idempotency key. Paid (or held on the card): on to `paidUrl`. A refusal or a card's failure is said in
 * `locale` (lib/refusals.ts).
 */
export async function submitPayment(
  context: AppLoadContext,
  locale: Locale,
  accessToken: string,
  form: FormData,
  orderIds: readonly string[],
  paidUrl: string,
): Promise<PaymentOutcome | Response> {
  const key = field(form, 'idempotencyKey');
  try {
    const intentId = field(form, 'intentId');
    const intent = intentId
      ? (await callApi(context, confirmMutation, { intentId, key }, accessToken)).confirmPayment
      : (await callApi(context, payMutation, { input: { orderIds: [...orderIds], paymentMethod: { token: field(form, 'card') } }, key }, accessToken)).pay;
    if (intent.status === 'SUCCEEDED' || intent.status === 'REQUIRES_CAPTURE') return redirect(paidUrl);
    if (intent.status === 'REQUIRES_ACTION') return { error: null, confirm: intent.id, processing: false };
    if (intent.status === 'PROCESSING') return { error: null, confirm: null, processing: true };
    const failure = intent.failure ?? { kind: 'PAYMENT_FAILED', message: 'The payment did not go through.' };
    return { error: cardFailureIn(locale, failure), confirm: null, processing: false };
  } catch (err) {
    if (err instanceof ApiError) return { error: refusalIn(locale, err), confirm: null, processing: false };
    throw err;
  }
}
