import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './__generated__/index.js';
import type { Identity } from './support/identities.js';
import { count, rows } from './support/sql.js';
import { packAndDispatch, paidInStockOrder } from './support/fulfilment-steps.js';
import { createProduct, graph, type TestStack } from './support/stack.js';
import { advanceClock, ledgerSettles, reconciliation, startStoreStack, until } from './support/store-scenario.js';

// After-sales through the gateway, every service real, deposit-store (000 +
// 001): an order delivered by logistics' staff steps, a claim with a photo
// uploaded to after-sales' evidence store, staff's grading and offers, the
// customer's choice refunded by payments; a return for preference within its
// window refunded less the restocking fee, and one asked too late. A 10,000
// figure in stock, shipping 1,500.
let stack: TestStack;

beforeAll(async () => {
  stack = await startStoreStack('claims', 'deposit-store');
});
afterAll(async () => {
  await stack?.stop();
});

const price = 10_000;
const shipping = 1_500;

const orderQuery = graphql(`
  query ClaimsOrder($id: ID!) {
    order(id: $id) {
      status
      shippedAt
      amountRefunded {
        amount
      }
      shipments {
        id
      }
    }
  }
`);
const trackingMutation = graphql(`
  mutation ClaimsTracking($shipmentId: ID!, $step: TrackingStepInput!) {
    recordTracking(shipmentId: $shipmentId, step: $step) {
      status
    }
  }
`);
const startClaimMutation = graphql(`
  mutation ClaimsStart($input: StartClaimInput!) {
    startClaim(input: $input) {
      id
      status
    }
  }
`);
const uploadMutation = graphql(`
  mutation ClaimsUpload($claimId: ID!, $input: EvidenceUploadInput!) {
    requestEvidenceUpload(claimId: $claimId, input: $input) {
      url
      headers {
        name
        value
      }
    }
  }
`);
const submitMutation = graphql(`
  mutation ClaimsSubmit($claimId: ID!) {
    submitClaim(claimId: $claimId) {
      status
      evidence {
        kind
        status
      }
    }
  }
`);
const decideMutation = graphql(`
  mutation ClaimsDecide($claimId: ID!, $input: DecideClaimInput!) {
    decideClaim(claimId: $claimId, input: $input) {
      status
      gradedParts {
        grade
        amount {
          amount
        }
        rule {
          id
        }
      }
      offers {
        resolution
        refund {
          amount
        }
        returnPostage
        leadTime {
          outcome
          earliest
          latest
        }
      }
    }
  }
`);
const chooseMutation = graphql(`
  mutation ClaimsChoose($claimId: ID!, $resolution: ClaimResolution!) {
    chooseClaimResolution(claimId: $claimId, resolution: $resolution) {
      status
      resolution
      refund {
        amount
      }
    }
  }
`);
const requestReturnMutation = graphql(`
  mutation ClaimsRequestReturn($input: RequestReturnInput!) {
    requestReturn(input: $input) {
      id
      status
      quotedRefund {
        amount
      }
      restockingFee {
        amount
      }
      returnPostage
    }
  }
`);
const receiveReturnMutation = graphql(`
  mutation ClaimsReceiveReturn($returnId: ID!, $input: ReceiveReturnInput!) {
    receiveReturn(returnId: $returnId, input: $input) {
      status
      refund {
        amount
      }
    }
  }
`);

type Order = NonNullable<Awaited<ReturnType<typeof orderOf>>>;
const orderOf = async (who: Identity, id: string) => (await graph(stack, orderQuery, { id }, who)).data?.order;
const orderUntil = (who: Identity, id: string, holds: (o: Order) => boolean) => until(() => orderOf(who, id), holds);

/**
 * A figure checked out, paid, packed (the carrier charges the estimate),
 * dispatched and, a day later by the carrier's date, delivered: all through
 * the gateway as in the fulfilment spec; after-sales knows the delivery.
 */
async function deliveredOrder(customer: Identity): Promise<{ orderId: string; productId: string }> {
  const product = await createProduct(stack, 5, price);
  const { id: orderId, shipmentId } = await paidInStockOrder(stack, customer, product.id, { price, shipping });
  await packAndDispatch(stack, shipmentId, `6A${Date.now()}`, { price, shipping });
  const shipped = await orderUntil(customer, orderId, (o) => o.status === 'SHIPPED');
  await ledgerSettles(stack, orderId, { PROVIDER_CLEARING: price + shipping, REVENUE: price, SHIPPING_REVENUE: shipping });
  await advanceClock(stack, 24);
  const at = new Date(Date.parse(shipped.shippedAt!) + 12 * 3_600_000).toISOString();
  const delivered = await graph(stack, trackingMutation, { shipmentId, step: { status: 'DELIVERED', at } }, stack.admin);
  expect(delivered.data?.recordTracking.status, JSON.stringify(delivered.errors)).toBe('DELIVERED');
  await until(
    () => rows<{ delivered_at: Date | null }>(stack, 'select delivered_at from aftersales.claimable_order where id = ?', [orderId]),
    (r) => r[0]?.delivered_at != null,
  );
  return { orderId, productId: product.id };
}

describe('a claim from delivery to a partial refund in the ledger', () => {
  it('a photo uploaded to the evidence store, graded by staff, the partial refund the customer picks refunded by payments', async () => {
    const customer = await stack.newCustomer();
    const { orderId, productId } = await deliveredOrder(customer);

    const started = await graph(
      stack,
      startClaimMutation,
      {
        input: {
          orderId,
          productId,
          kind: 'ACCESSORY_DAMAGED',
          description: 'The head sculpt arrived with its neck joint snapped.',
          parts: [{ category: 'HEAD_SCULPT_SPECIAL', issue: 'STRUCTURAL_BREAKAGE' }],
        },
      },
      customer,
    );
    expect(started.data?.startClaim.status, JSON.stringify(started.errors)).toBe('DRAFT');
    const claimId = started.data!.startClaim.id;

    // The photo goes straight to after-sales' evidence store (its file store, behind its own port) through the signed URL.
    const photo = new Uint8Array(4_096).fill(42);
    const ticket = await graph(stack, uploadMutation, { claimId, input: { contentType: 'image/jpeg', sizeBytes: photo.length } }, customer);
    expect(ticket.errors).toBeUndefined();
    const { url, headers } = ticket.data!.requestEvidenceUpload;
    const put = await fetch(url, {
      method: 'PUT',
      headers: Object.fromEntries(headers.filter((h) => h.name !== 'content-length').map((h) => [h.name, h.value])),
      body: photo,
    });
    expect(put.status).toBe(200);
    const submitted = await graph(stack, submitMutation, { claimId }, customer);
    expect(submitted.data?.submitClaim, JSON.stringify(submitted.errors)).toEqual({ status: 'SUBMITTED', evidence: [{ kind: 'PHOTO', status: 'CONFIRMED' }] });

    // Staff grade it (001: structural breakage is High, 100% of a special head sculpt's 40.00) and offer what the policy allows.
    const decided = await graph(stack, decideMutation, { claimId, input: { grades: [{}], studioHasParts: true } }, stack.admin);
    expect(decided.data?.decideClaim, JSON.stringify(decided.errors)).toMatchObject({
      status: 'DECIDED',
      gradedParts: [{ grade: 'HIGH', amount: { amount: 4_000 }, rule: { id: 'claims.compensation-high' } }],
      offers: [
        { resolution: 'REPLACEMENT_PART', refund: null, leadTime: { outcome: 'WINDOW' } },
        { resolution: 'PARTIAL_REFUND', refund: { amount: 4_000 } },
        { resolution: 'RETURN', returnPostage: 'SHARED' },
      ],
    });
    const window = decided.data!.decideClaim.offers[0]!.leadTime!;
    expect(window.earliest! < window.latest!).toBe(true);

    // Someone else cannot choose for the customer.
    const stranger = await stack.newCustomer();
    expect((await graph(stack, chooseMutation, { claimId, resolution: 'PARTIAL_REFUND' }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const chosen = await graph(stack, chooseMutation, { claimId, resolution: 'PARTIAL_REFUND' }, customer);
    expect(chosen.data?.chooseClaimResolution, JSON.stringify(chosen.errors)).toEqual({
      status: 'CLOSED',
      resolution: 'PARTIAL_REFUND',
      refund: { amount: 4_000 },
    });

    // Payments refunds it out of the order's revenue (AFTER_SALES), paid out by the provider; the books match the provider's.
    await orderUntil(customer, orderId, (o) => o.amountRefunded?.amount === 4_000);
    await ledgerSettles(stack, orderId, { PROVIDER_CLEARING: price + shipping - 4_000, REVENUE: price - 4_000, SHIPPING_REVENUE: shipping });
    expect(await rows(stack, 'select reason, ledger_reason, amount from payments.refund where order_id = ?', [orderId])).toEqual([
      { reason: 'AFTER_SALES', ledger_reason: 'COMPENSATION', amount: '4000' },
    ]);
    expect(await reconciliation(stack)).toMatchObject({ balanced: true, discrepancies: [] });
  });
});

describe('returns for preference (000: 7 days, 30% restocking, shipping not refunded)', () => {
  it('within the window: inspected perfect and unused on arrival, refunded the price less 30% by payments (RETURN)', async () => {
    const customer = await stack.newCustomer();
    const { orderId, productId } = await deliveredOrder(customer);
    const asked = await graph(stack, requestReturnMutation, { input: { orderId, productId, reason: 'Changed my mind.' } }, customer);
    expect(asked.data?.requestReturn, JSON.stringify(asked.errors)).toMatchObject({
      status: 'REQUESTED',
      quotedRefund: { amount: 7_000 },
      restockingFee: { amount: 3_000 },
      returnPostage: 'CUSTOMER',
    });
    const received = await graph(stack, receiveReturnMutation, { returnId: asked.data!.requestReturn.id, input: { condition: 'PERFECT_UNUSED' } }, stack.admin);
    expect(received.data?.receiveReturn, JSON.stringify(received.errors)).toEqual({ status: 'REFUNDED', refund: { amount: 7_000 } });

    // The restocking fee and the shipping stay earned.
    await orderUntil(customer, orderId, (o) => o.amountRefunded?.amount === 7_000);
    await ledgerSettles(stack, orderId, { PROVIDER_CLEARING: price + shipping - 7_000, REVENUE: 3_000, SHIPPING_REVENUE: shipping });
    expect(await rows(stack, 'select reason, ledger_reason from payments.refund where order_id = ?', [orderId])).toEqual([
      { reason: 'RETURN', ledger_reason: 'RETURN' },
    ]);
    expect(await reconciliation(stack)).toMatchObject({ balanced: true, discrepancies: [] });
  });

  it('after the window: refused, naming the rule, nothing saved and nothing refunded', async () => {
    const customer = await stack.newCustomer();
    const { orderId, productId } = await deliveredOrder(customer);
    await advanceClock(stack, 8 * 24);
    const late = await graph(stack, requestReturnMutation, { input: { orderId, productId } }, customer);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'returns.window-closed' });
    expect(await count(stack, 'select count(*) as n from aftersales.preference_return where order_id = ?', [orderId])).toBe(0);
    expect((await orderOf(customer, orderId))?.amountRefunded?.amount ?? 0).toBe(0);
  });
});
