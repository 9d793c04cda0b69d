import { expect } from 'vitest';
import { packAndDispatch, paidInStockOrder } from '@vitrine/e2e/support/fulfilment-steps';
import type { Identity } from '@vitrine/e2e/support/identities';
import { createProduct, graph, type TestStack } from '@vitrine/e2e/support/stack';
import { graphql } from '../__generated__/test/index.js';
import type { ClaimResolution } from '../__generated__/test/graphql.js';
import { delivered, submittedClaim } from './back-office-setup.js';

// What the back office's records pages are checked against afterwards: the API's own answer, as staff.

const orderMoneyQuery = graphql(`
  query WebAdminOrderMoney($id: ID!) {
    order(id: $id) {
      status
      amountPaid {
        amount
      }
      amountRefunded {
        amount
      }
      refunds {
        amount {
          amount
        }
        reason
      }
      outcome {
        by
        feesWaived
        reason
      }
    }
  }
`);
const stockQuery = graphql(`
  query WebAdminStock($id: ID!) {
    product(id: $id) {
      stockLevels {
        warehouse {
          id
          code
        }
        onHand
        reserved
        available
      }
      stockMovements(first: 50) {
        kind
        quantity
      }
    }
  }
`);
const policyVersionsQuery = graphql(`
  query WebAdminPolicyVersions {
    storePolicyVersions {
      version
      preset
      note
    }
  }
`);
const clockQuery = graphql(`
  query WebAdminClock {
    sandboxClock {
      aheadHours
    }
  }
`);
const createPartnerMutation = graphql(`
  mutation WebAdminCreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      partner {
        id
      }
    }
  }
`);
const startFulfilmentMutation = graphql(`
  mutation WebAdminStartFulfilment($id: ID!) {
    startFulfilment(orderId: $id) {
      status
    }
  }
`);
const claimQuery = graphql(`
  query WebAdminClaim($id: ID!) {
    claim(id: $id) {
      status
      evidenceRequest
      refusal {
        id
      }
      gradedParts {
        grade
        amount {
          amount
        }
      }
      resolution
      returnCondition
      refund {
        amount
      }
    }
  }
`);
const chooseMutation = graphql(`
  mutation WebAdminChooseResolution($claimId: ID!, $resolution: ClaimResolution!) {
    chooseClaimResolution(claimId: $claimId, resolution: $resolution) {
      status
    }
  }
`);
const deliveriesQuery = graphql(`
  query WebAdminPartnerDeliveries($partnerId: ID!) {
    partnerDeliveries(partnerId: $partnerId, first: 100) {
      eventType
      status
      attemptCount
      replayOf
    }
  }
`);

export async function orderMoney(stack: TestStack, id: string) {
  const res = await graph(stack, orderMoneyQuery, { id }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.order;
}

/** The warehouse starts on a paid order: from now the store's policy charges its restocking fee to cancel it. */
export async function fulfilmentStarted(stack: TestStack, id: string) {
  const res = await graph(stack, startFulfilmentMutation, { id }, stack.admin);
  expect(res.data?.startFulfilment.status, JSON.stringify(res.errors)).toBe('IN_FULFILMENT');
}

export async function stockOfProduct(stack: TestStack, id: string) {
  const res = await graph(stack, stockQuery, { id }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.product!;
}

export async function policyVersions(stack: TestStack) {
  return (await graph(stack, policyVersionsQuery, {}, stack.admin)).data!.storePolicyVersions;
}

export async function clockAhead(stack: TestStack) {
  return (await graph(stack, clockQuery, {}, stack.admin)).data!.sandboxClock.aheadHours;
}

/** A partner endpoint that never answers (nothing listens on port 9): its deliveries fail and are tried again. */
export async function unreachablePartner(stack: TestStack, name: string, eventTypes: string[]): Promise<string> {
  const res = await graph(stack, createPartnerMutation, { input: { name, webhookUrl: 'http://127.0.0.1:9/hooks', eventTypes } }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.createPartner.partner.id;
}

export async function deliveriesOf(stack: TestStack, partnerId: string) {
  return (await graph(stack, deliveriesQuery, { partnerId }, stack.admin)).data!.partnerDeliveries;
}

/** A figure bought in stock, delivered, and claimed for its snapped head sculpt (with a photo): the claim waits for staff. */
export async function claimOnDeliveredOrder(stack: TestStack, customer: Identity, cost: { price: number; shipping: number }) {
  const product = await createProduct(stack, 5, cost.price);
  const { id: orderId, shipmentId } = await paidInStockOrder(stack, customer, product.id, cost);
  await packAndDispatch(stack, shipmentId, `6A${shipmentId.slice(0, 8)}`, cost);
  await delivered(stack, shipmentId, orderId);
  return { orderId, claimId: await submittedClaim(stack, customer, orderId, product.id) };
}

export async function claimState(stack: TestStack, id: string) {
  const res = await graph(stack, claimQuery, { id }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.claim;
}

/** The customer takes one of the resolutions staff offered. */
export async function chosen(stack: TestStack, customer: Identity, claimId: string, resolution: ClaimResolution) {
  const res = await graph(stack, chooseMutation, { claimId, resolution }, customer);
  expect(res.data?.chooseClaimResolution.status, JSON.stringify(res.errors)).toBe('RESOLVING');
}
