import { Form } from 'react-router';
import type { OrderStep } from '../../__generated__/app/graphql.js';
import { useWords } from '../lib/i18n.js';
import { orderFulfilmentWords } from '../lib/messages/admin/order-fulfilment.js';
import { ApiErrorMessage } from './api-error.js';

// Orders' own fulfilment steps on the back office's order page, each offered only where orders lists it in the
// order's staffSteps (orders decides from the rule its mutations enforce; a refusal, e.g. the order moved meanwhile,
// is still shown): fix a released preorder's shipping date, start on a paid order, the parcel left with its tracking
// number, the courier delivered it.

export const fulfilmentIntents = ['confirmShippingDate', 'startFulfilment', 'markShipped', 'markDelivered'] as const;
export type FulfilmentIntent = (typeof fulfilmentIntents)[number];

/** The step of orders' staffSteps each form takes. */
const stepOf: Record<FulfilmentIntent, OrderStep> = {
  confirmShippingDate: 'CONFIRM_SHIPPING_DATE',
  startFulfilment: 'START_FULFILMENT',
  markShipped: 'MARK_SHIPPED',
  markDelivered: 'MARK_DELIVERED',
};

interface Props {
  /** The order's staffSteps, as orders lists them. */
  steps: readonly OrderStep[];
  submitting: boolean;
  /** The last step's refusal, with the step it refused. */
  refused: { intent: string; error: string } | null | undefined;
}

export function OrderFulfilment({ steps, submitting, refused }: Props) {
  const w = useWords(orderFulfilmentWords);
  const error = (intent: FulfilmentIntent) => (refused?.intent === intent ? <ApiErrorMessage message={refused.error} /> : null);
  const offered = Object.fromEntries(fulfilmentIntents.map((intent) => [intent, steps.includes(stepOf[intent])])) as Record<FulfilmentIntent, boolean>;
  if (!Object.values(offered).some(Boolean)) return null;
  return (
    <section aria-labelledby="fulfilment">
      <h2 id="fulfilment">{w.title}</h2>
      {offered.confirmShippingDate && (
        <Form method="post" className="inline-form" aria-label={w.confirmShippingDate}>
          <input type="hidden" name="intent" value="confirmShippingDate" />
          <p>{w.confirmShippingDateHelp}</p>
          {error('confirmShippingDate')}
          <button type="submit" disabled={submitting}>
            {w.confirmShippingDate}
          </button>
        </Form>
      )}
      {offered.startFulfilment && (
        <Form method="post" className="inline-form" aria-label={w.startFulfilment}>
          <input type="hidden" name="intent" value="startFulfilment" />
          {error('startFulfilment')}
          <button type="submit" disabled={submitting}>
            {w.startFulfilment}
          </button>
        </Form>
      )}
      {offered.markShipped && (
        <Form method="post" className="inline-form" aria-label={w.markShipped}>
          <input type="hidden" name="intent" value="markShipped" />
          <div className="field">
            <label htmlFor="shipped-tracking">{w.trackingNumber}</label>
            <input id="shipped-tracking" name="trackingNumber" />
          </div>
          {error('markShipped')}
          <button type="submit" disabled={submitting}>
            {w.markShipped}
          </button>
        </Form>
      )}
      {offered.markDelivered && (
        <Form method="post" className="inline-form" aria-label={w.markDelivered}>
          <input type="hidden" name="intent" value="markDelivered" />
          <div className="field">
            <label htmlFor="delivered-at">{w.deliveredAt}</label>
            <input id="delivered-at" name="deliveredAt" type="datetime-local" />
          </div>
          {error('markDelivered')}
          <button type="submit" disabled={submitting}>
            {w.markDelivered}
          </button>
        </Form>
      )}
    </section>
  );
}
