import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestMailServer, type TestMailServer } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import type { Identity } from './support/identities.js';
import { count, rows } from './support/sql.js';
import { deliverParcel, handOver, packAndDispatch, paidInStockOrder } from './support/fulfilment-steps.js';
import { createProduct, graph, type TestStack } from './support/stack.js';
import { advanceClock, ledgerSettles, reconciliation, startStoreStack, until } from './support/store-scenario.js';

// After-sales through the gateway, every service real, deposit-store (000 +
// 001): an order delivered by logistics' staff steps, a claim with a photo
// uploaded to after-sales' evidence store, staff's grading and offers, the
// customer's choice refunded by payments; a return for preference within its
// window refunded less the restocking fee (its email read back from the mail
// server), and one asked too late; a replacement part shipped by logistics,
// whose dispatch closes the claim. A 10,000 figure in stock, shipping 1,500.
let stack: TestStack;
let mail: TestMailServer;

beforeAll(async () => {
  mail = await startTestMailServer();
  stack = await startStoreStack('claims', 'deposit-store', { SMTP_URL: `smtp://${mail.host}:${mail.smtpPort}`, TIMER_POLL_MS: '100' });
});
afterAll(async () => {
  await stack?.stop();
  await mail?.stop();
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

const shipmentsOfOrderQuery = graphql(`
  query ClaimsOrderShipments($id: ID!) {
    order(id: $id) {
      status
      shipments {
        id
        kind
        status
        replacement {
          claimId
          resolution
          readyFrom
        }
      }
    }
  }
`);
const packReplacementMutation = graphql(`
  mutation ClaimsPackReplacement($shipmentId: ID!, $parcel: PackedParcelInput!) {
    recordParcel(shipmentId: $shipmentId, parcel: $parcel) {
      status
    }
  }
`);
const claimQuery = graphql(`
  query ClaimsClaim($id: ID!) {
    claim(id: $id) {
      status
      resolution
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
  await deliverParcel(stack, shipmentId, orderId, at);
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
    // Notifications tells the customer (French: a customer in France) the quote, the fee, that shipping is not refunded, who pays the postage back, and the rule.
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    const accepted = await eventually(async () => (await mail.messagesTo(customer.email)).find((m) => m.subject.startsWith('Votre retour pour la commande')));
    expect(plain(accepted.subject)).toBe(`Votre retour pour la commande ${orderId.slice(0, 8).toUpperCase()} est accepté : 70,00 $US remboursés à réception`);
    expect(plain(accepted.text)).toContain(
      'Des frais de remise en stock de 30,00 $US sont retenus. Les frais de port payés ne sont pas remboursés. Le port du retour est à votre charge.',
    );
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

describe('a replacement part shipped by logistics', () => {
  it('the customer picks the part; staff at logistics pack it when it arrives and dispatch it; the dispatch closes the claim; the order stays DELIVERED; no money moves', async () => {
    const customer = await stack.newCustomer();
    const { orderId, productId } = await deliveredOrder(customer);
    const input = {
      orderId,
      productId,
      kind: 'ACCESSORY_DAMAGED' as const,
      description: 'The sword arrived snapped at the hilt.',
      parts: [{ category: 'WEAPON_LARGE' as const, issue: 'STRUCTURAL_BREAKAGE' as const }],
    };
    const started = await graph(stack, startClaimMutation, { input }, customer);
    const claimId = started.data!.startClaim.id;
    const photo = new Uint8Array(2_048).fill(7);
    const ticket = (await graph(stack, uploadMutation, { claimId, input: { contentType: 'image/jpeg', sizeBytes: photo.length } }, customer)).data!
      .requestEvidenceUpload;
    const headers = Object.fromEntries(ticket.headers.filter((h) => h.name !== 'content-length').map((h) => [h.name, h.value]));
    expect((await fetch(ticket.url, { method: 'PUT', headers, body: photo })).status).toBe(200);
    expect((await graph(stack, submitMutation, { claimId }, customer)).data?.submitClaim.status).toBe('SUBMITTED');
    const decided = await graph(
      stack,
      decideMutation,
      { claimId, input: { grades: [{}], resolutions: ['REPLACEMENT_PART'], studioHasParts: true } },
      stack.admin,
    );
    expect(decided.data?.decideClaim.status, JSON.stringify(decided.errors)).toBe('DECIDED');
    const chosen = await graph(stack, chooseMutation, { claimId, resolution: 'REPLACEMENT_PART' }, customer);
    expect(chosen.data?.chooseClaimResolution, JSON.stringify(chosen.errors)).toEqual({ status: 'RESOLVING', resolution: 'REPLACEMENT_PART', refund: null });

    // Logistics opens a replacement shipment for the order, waiting for the studio's part; the customer sees it on the order.
    const withReplacement = await until(
      async () => (await graph(stack, shipmentsOfOrderQuery, { id: orderId }, customer)).data?.order,
      (o) => o.shipments.some((s) => s.kind === 'REPLACEMENT'),
    );
    const replacement = withReplacement.shipments.find((s) => s.kind === 'REPLACEMENT')!;
    expect(replacement).toMatchObject({ status: 'AWAITING_PART', replacement: { claimId, resolution: 'REPLACEMENT_PART', readyFrom: expect.any(String) } });

    // The part arrived: staff pack it (the store pays the postage) and hand it to the carrier.
    const packed = await graph(
      stack,
      packReplacementMutation,
      { shipmentId: replacement.id, parcel: { weightGrams: 300, dimensions: { lengthMm: 250, widthMm: 120, heightMm: 60 }, finalCost: 900 } },
      stack.admin,
    );
    expect(packed.data?.recordParcel, JSON.stringify(packed.errors)).toEqual({ status: 'READY' });
    await handOver(stack, replacement.id, 'COLISSIMO', `RP${Date.now()}`);

    // The dispatch closes the claim (nobody closed it by hand); the order was delivered and stays so.
    const closed = await until(
      async () => (await graph(stack, claimQuery, { id: claimId }, customer)).data?.claim,
      (c) => c.status === 'CLOSED',
    );
    expect(closed).toEqual({ status: 'CLOSED', resolution: 'REPLACEMENT_PART', refund: null });
    expect(
      await rows(
        stack,
        "select envelope->'data'->>'closedBy' as closed_by from aftersales.outbox_message where type = 'aftersales.claim.resolved' and key = ?",
        [orderId],
      ),
    ).toEqual([{ closed_by: null }]);
    await until(
      () => count(stack, "select count(*) as n from orders.audit_entry where subject = ? and action = 'order.replacement-parcel-ignored'", [orderId]),
      (n) => n === 1,
    );
    expect((await orderOf(customer, orderId))?.status).toBe('DELIVERED');

    // Nothing charged or refunded: no refund, no extra invoice, the books as at delivery.
    expect((await orderOf(customer, orderId))?.amountRefunded?.amount ?? 0).toBe(0);
    expect(await count(stack, 'select count(*) as n from payments.refund where order_id = ?', [orderId])).toBe(0);
    expect(
      await count(
        stack,
        "select count(*) as n from logistics.outbox_message where key = ? and type in ('logistics.shipment.quoted', 'logistics.shipment.extra-invoiced')",
        [replacement.id],
      ),
    ).toBe(0);
    await ledgerSettles(stack, orderId, { PROVIDER_CLEARING: price + shipping, REVENUE: price, SHIPPING_REVENUE: shipping });
    expect(await reconciliation(stack)).toMatchObject({ balanced: true, discrepancies: [] });
  });
});
