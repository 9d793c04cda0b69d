import { expect } from 'vitest';
import { graph, type TestStack } from '@vitrine/e2e/support/stack';
import { until } from '@vitrine/e2e/support/store-scenario';
import { graphql } from '../__generated__/test/index.js';
import type { PaymentIntentFilter, RateTableInput } from '../__generated__/test/graphql.js';

// What the back office's money, partner, message and rate-table pages are checked against afterwards: the API's
// own answer, as staff; and the first rate table, published through the API before staff change it in the browser.

const intentsQuery = graphql(`
  query WebMoneyIntents($filter: PaymentIntentFilter) {
    paymentIntents(first: 50, filter: $filter) {
      edges {
        node {
          id
          status
          purpose
          amount {
            amount
          }
          allocations {
            orderId
          }
        }
      }
    }
  }
`);
const reconciliationQuery = graphql(`
  query WebMoneyReconciliation {
    ledgerReconciliation {
      balanced
      processingIntents
      totals {
        currency
        paid {
          amount
        }
      }
      discrepancies {
        kind
        details
      }
    }
  }
`);
const partnersQuery = graphql(`
  query WebMoneyPartners {
    partners {
      id
      name
      webhookUrl
      eventTypes
      previousSecretUntil
    }
  }
`);
const credentialsQuery = graphql(`
  query WebMoneyCredentials($partnerId: ID!) {
    partnerCredentials(partnerId: $partnerId) {
      clientId
      name
      scopes
      revokedAt
    }
  }
`);
const partnerTokenMutation = graphql(`
  mutation WebMoneyPartnerToken($clientId: String!, $clientSecret: String!) {
    issuePartnerToken(clientId: $clientId, clientSecret: $clientSecret) {
      expiresIn
    }
  }
`);
const messagesQuery = graphql(`
  query WebMoneyMessages($filter: NotificationMessageFilter) {
    notificationMessages(first: 100, filter: $filter) {
      id
      kind
      status
      attempts
      deliveryLog {
        outcome
      }
    }
  }
`);
const publishMutation = graphql(`
  mutation WebMoneyPublishRateTable($input: RateTableInput!) {
    publishRateTable(input: $input) {
      version
    }
  }
`);
const rateTablesQuery = graphql(`
  query WebMoneyRateTables {
    rateTables {
      version
      note
      zones {
        code
        name
        countries
      }
      methods {
        code
        origin
        rates {
          zone
          brackets {
            upToGrams
            amount
          }
          perExtraKg
        }
      }
    }
  }
`);

/** Payments' own list, as staff, with the same filter the page sends; the API's error message when it refuses. */
export async function paymentIntentsOf(stack: TestStack, filter: PaymentIntentFilter) {
  const res = await graph(stack, intentsQuery, { filter }, stack.admin);
  return { intents: res.data?.paymentIntents.edges.map((e) => e.node) ?? null, error: res.errors?.[0]?.message ?? null };
}

/** Payments' reconciliation once no payment waits on the provider (as the e2e payments spec reads it). */
export async function reconciliation(stack: TestStack) {
  return until(
    async () => (await graph(stack, reconciliationQuery, {}, stack.admin)).data?.ledgerReconciliation,
    (r) => r.processingIntents === 0,
  );
}

export async function partnersNamed(stack: TestStack, name: string) {
  const res = await graph(stack, partnersQuery, {}, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.partners.filter((p) => p.name === name);
}

export async function credentialsOf(stack: TestStack, partnerId: string) {
  const res = await graph(stack, credentialsQuery, { partnerId }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.partnerCredentials;
}

/** Whether accounts gives the credential a token (the partner application's client-credentials exchange): accounts' refusal otherwise. */
export async function partnerTokenFor(stack: TestStack, clientId: string, clientSecret: string) {
  const res = await graph(stack, partnerTokenMutation, { clientId, clientSecret }, { headers: {} });
  return res.data ? { issued: true as const } : { issued: false as const, code: res.errors?.[0]?.extensions?.code };
}

export async function messagesOf(stack: TestStack, customerId: string) {
  const res = await graph(stack, messagesQuery, { filter: { customerId } }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.notificationMessages;
}

export async function rateTables(stack: TestStack) {
  const res = await graph(stack, rateTablesQuery, {}, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.rateTables;
}

/**
 * The first rate table, from the stack's French warehouse (E2E-FR): Europe and the rest of the world. Logistics
 * checks origins against the warehouses it has heard of, so it is tried until catalog's warehouse has reached it.
 */
export async function firstRateTable(stack: TestStack): Promise<RateTableInput> {
  const input: RateTableInput = {
    currency: 'USD',
    referenceItem: { weightGrams: 1200, dimensions: { lengthMm: 320, widthMm: 220, heightMm: 150 } },
    zones: [
      { code: 'EU', name: 'European Union', countries: ['FR', 'DE'] },
      { code: 'WORLD', name: 'Rest of the world', countries: [] },
    ],
    methods: [
      {
        code: 'STANDARD',
        label: 'Standard (tracked)',
        origin: 'E2E-FR',
        volumetricDivisor: 5000,
        rates: [
          {
            zone: 'EU',
            brackets: [
              { upToGrams: 1000, amount: 900 },
              { upToGrams: 2000, amount: 1300 },
              { upToGrams: 5000, amount: 2100 },
            ],
            perExtraKg: 250,
          },
          // Logistics derives per-item rates from two reference items, so every zone prices up to 5 kg.
          { zone: 'WORLD', brackets: [{ upToGrams: 5000, amount: 5200 }], perExtraKg: null },
        ],
        surcharges: [],
      },
    ],
    note: 'First rates',
  };
  await until(
    async () => {
      const res = await graph(stack, publishMutation, { input }, stack.admin);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data?.publishRateTable;
    },
    (t) => t.version === 1,
  );
  return input;
}
