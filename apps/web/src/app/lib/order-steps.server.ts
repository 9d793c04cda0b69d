import type { AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { fulfilmentIntents, type FulfilmentIntent } from '../components/order-fulfilment.js';
import { callApi } from './api.server.js';
import { wordsIn, type Locale } from './i18n.js';
import { orderFulfilmentWords } from './messages/admin/order-fulfilment.js';
import { field } from './sign-in.server.js';

// Orders' own fulfilment steps, sent from the back office's order page. Orders checks each one (the status it is
// taken from, the tracking number's length, a delivery date not in the future); an ApiError carries its refusal.

const confirmShippingDateMutation = graphql(`
  mutation BackOfficeConfirmShippingDate($id: ID!) {
    confirmShippingDate(orderId: $id) {
      status
    }
  }
`);
const startFulfilmentMutation = graphql(`
  mutation BackOfficeStartFulfilment($id: ID!) {
    startFulfilment(orderId: $id) {
      status
    }
  }
`);
const markShippedMutation = graphql(`
  mutation BackOfficeMarkShipped($id: ID!, $trackingNumber: String!) {
    markOrderShipped(orderId: $id, trackingNumber: $trackingNumber) {
      status
    }
  }
`);
const markDeliveredMutation = graphql(`
  mutation BackOfficeMarkDelivered($id: ID!, $deliveredAt: DateTimeISO) {
    markOrderDelivered(orderId: $id, deliveredAt: $deliveredAt) {
      status
    }
  }
`);

export const isFulfilmentIntent = (intent: string): intent is FulfilmentIntent => (fulfilmentIntents as readonly string[]).includes(intent);

/** Runs the step; a refusal of the form itself (before the API) is returned as a sentence in `locale`, null once done. */
export async function fulfilmentStep(
  context: AppLoadContext,
  token: string,
  id: string,
  intent: FulfilmentIntent,
  form: FormData,
  locale: Locale = 'en',
): Promise<string | null> {
  if (intent === 'confirmShippingDate') await callApi(context, confirmShippingDateMutation, { id }, token);
  else if (intent === 'startFulfilment') await callApi(context, startFulfilmentMutation, { id }, token);
  else if (intent === 'markShipped') await callApi(context, markShippedMutation, { id, trackingNumber: field(form, 'trackingNumber') }, token);
  else {
    const at = field(form, 'deliveredAt');
    if (at && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at)) return wordsIn(orderFulfilmentWords, locale).badDeliveredAt;
    // The form's time is UTC, as the back office shows times.
    await callApi(context, markDeliveredMutation, { id, deliveredAt: at ? `${at}:00.000Z` : null }, token);
  }
  return null;
}
