import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './__generated__/index.js';
import type { Identity } from './support/identities.js';
import { graph, startTestStack, type TestStack } from './support/stack.js';

// A partner application through the gateway: staff register it (webhooks at
// notifications, API credentials at accounts), it trades its client id and
// secret for an access token the gateway verifies like any other, and with it
// manages its own integration and nothing else: not another partner's, not a
// customer's, not the back office.
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ label: 'partners', env: { notifications: { WEBHOOK_ALLOW_PLAIN_HTTP: 'true' } } });
});
afterAll(async () => {
  await stack?.stop();
});

const createPartnerMutation = graphql(`
  mutation PartnersCreate($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      partner {
        id
      }
    }
  }
`);
const createCredentialMutation = graphql(`
  mutation PartnersCreateCredential($partnerId: ID!, $name: String!, $scopes: [String!]) {
    createPartnerCredential(partnerId: $partnerId, name: $name, scopes: $scopes) {
      clientSecret
      credential {
        clientId
        partnerId
        name
        scopes
        revokedAt
      }
    }
  }
`);
const revokeCredentialMutation = graphql(`
  mutation PartnersRevokeCredential($clientId: ID!) {
    revokePartnerCredential(clientId: $clientId) {
      revokedAt
    }
  }
`);
const tokenMutation = graphql(`
  mutation PartnersToken($clientId: String!, $clientSecret: String!) {
    issuePartnerToken(clientId: $clientId, clientSecret: $clientSecret) {
      accessToken
      expiresIn
    }
  }
`);
const myPartnerQuery = graphql(`
  query PartnersMine {
    myPartner {
      id
      name
      eventTypes
      enabled
    }
    myPartnerDeliveries(first: 10) {
      eventId
    }
  }
`);
const rotateMineMutation = graphql(`
  mutation PartnersRotateMine {
    rotateMyPartnerSecret {
      secret
    }
  }
`);
const myNotificationsQuery = graphql(`
  query PartnersAsCustomer {
    myNotifications(first: 5) {
      id
    }
  }
`);
const shipmentQueueQuery = graphql(`
  query PartnersShipmentQueue {
    shipments(first: 5) {
      id
    }
  }
`);
const createStudioMutation = graphql(`
  mutation PartnersCreateStudio($input: CreateStudioInput!) {
    createStudio(input: $input) {
      id
    }
  }
`);
const staffPartnersQuery = graphql(`
  query PartnersAsStaff {
    partners {
      id
    }
  }
`);

/** Staff register a partner (webhooks) and give it API credentials. */
async function registeredPartner(name: string, eventTypes: string[], scopes: string[] = []) {
  const created = await graph(stack, createPartnerMutation, { input: { name, webhookUrl: 'http://127.0.0.1:9/hooks', eventTypes } }, stack.admin);
  expect(created.errors).toBeUndefined();
  const partnerId = created.data!.createPartner.partner.id;
  const credential = await graph(stack, createCredentialMutation, { partnerId, name: `${name} backend`, scopes }, stack.admin);
  expect(credential.errors).toBeUndefined();
  const { clientId } = credential.data!.createPartnerCredential.credential;
  return { partnerId, clientId, clientSecret: credential.data!.createPartnerCredential.clientSecret };
}

async function signedInAs(clientId: string, clientSecret: string): Promise<Identity> {
  const res = await graph(stack, tokenMutation, { clientId, clientSecret });
  expect(res.errors).toBeUndefined();
  const { accessToken } = res.data!.issuePartnerToken;
  return { id: clientId, email: '', token: accessToken, headers: { authorization: `Bearer ${accessToken}` } };
}

describe('partner applications', () => {
  it('trade client credentials for a token and manage their own integration with it, through the gateway', async () => {
    const tracker = await registeredPartner('Order tracker', ['orders.order.status-changed']);
    const desk = await registeredPartner('Refund desk', ['payments.refund.issued']);
    const token = await graph(stack, tokenMutation, { clientId: tracker.clientId, clientSecret: tracker.clientSecret });
    expect(token.data!.issuePartnerToken.expiresIn).toBeGreaterThan(0);

    const asTracker = await signedInAs(tracker.clientId, tracker.clientSecret);
    const mine = await graph(stack, myPartnerQuery, {}, asTracker);
    expect(mine.errors).toBeUndefined();
    expect(mine.data).toEqual({
      myPartner: { id: tracker.partnerId, name: 'Order tracker', eventTypes: ['orders.order.status-changed'], enabled: true },
      myPartnerDeliveries: [],
    });
    // Each token reaches its own partner only.
    const asDesk = await signedInAs(desk.clientId, desk.clientSecret);
    expect((await graph(stack, myPartnerQuery, {}, asDesk)).data!.myPartner).toMatchObject({ id: desk.partnerId, name: 'Refund desk' });
    const rotated = await graph(stack, rotateMineMutation, {}, asTracker);
    expect(rotated.data!.rotateMyPartnerSecret.secret).toMatch(/^whsec_/);
  });

  it('refuse a wrong secret, an unknown or malformed client id and a revoked credential with one message', async () => {
    const partner = await registeredPartner('Warehouse sync', ['orders.order.placed']);
    const refusal = { message: 'The client id or secret is incorrect.', extensions: { code: 'UNAUTHENTICATED' } };
    for (const [clientId, clientSecret] of [
      [partner.clientId, `${partner.clientSecret}x`],
      ['2f1e4c9a-3b7d-4e8f-9a6b-1c2d3e4f5a6b', partner.clientSecret],
      ['not-a-client', partner.clientSecret],
    ]) {
      const res = await graph(stack, tokenMutation, { clientId: clientId!, clientSecret: clientSecret! });
      expect(res.errors?.[0]).toMatchObject(refusal);
    }
    expect((await graph(stack, revokeCredentialMutation, { clientId: partner.clientId }, stack.admin)).data!.revokePartnerCredential.revokedAt).not.toBeNull();
    expect((await graph(stack, tokenMutation, { clientId: partner.clientId, clientSecret: partner.clientSecret })).errors?.[0]).toMatchObject(refusal);
  });

  it("a partner's token is not a person's: customer and back-office fields refuse it; a person's token cannot act as a partner", async () => {
    const partner = await registeredPartner('Analytics', ['orders.order.confirmed']);
    const asPartner = await signedInAs(partner.clientId, partner.clientSecret);
    expect((await graph(stack, myNotificationsQuery, {}, asPartner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graph(stack, staffPartnersQuery, {}, asPartner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graph(stack, myPartnerQuery, {}, stack.customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graph(stack, myPartnerQuery, {}, stack.admin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graph(stack, myPartnerQuery, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The gateway verifies a partner's token like any other: a forged one never reaches a subgraph.
    const forged = `${asPartner.token.slice(0, -4)}AAAA`;
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ query: '{ myPartner { id } }' }),
    });
    expect(res.status).toBe(401);
  });

  it('a credential carries the back-office scopes staff granted it, only those partners may hold: a logistics partner works the shipment queue', async () => {
    const carrier = await registeredPartner('Parcel partner', ['logistics.shipment.dispatched'], ['logistics:fulfil']);
    const plain = await registeredPartner('Order feed', ['orders.order.placed']);
    const asCarrier = await signedInAs(carrier.clientId, carrier.clientSecret);
    const queue = await graph(stack, shipmentQueueQuery, {}, asCarrier);
    expect(queue.errors).toBeUndefined();
    expect(Array.isArray(queue.data!.shipments)).toBe(true);
    expect((await graph(stack, shipmentQueueQuery, {}, await signedInAs(plain.clientId, plain.clientSecret))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Its scope opens logistics' queue and nothing else of the back office.
    const studio = await graph(
      stack,
      createStudioMutation,
      { input: { name: 'Partner Studio', country: 'JP', contactEmail: 'studio@example.com' } },
      asCarrier,
    );
    expect(studio.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const partnerId = (
      await graph(
        stack,
        createPartnerMutation,
        { input: { name: 'Greedy', webhookUrl: 'http://127.0.0.1:9/hooks', eventTypes: ['orders.order.placed'] } },
        stack.admin,
      )
    ).data!.createPartner.partner.id;
    const refused = await graph(
      stack,
      createCredentialMutation,
      { partnerId, name: 'Greedy backend', scopes: ['logistics:fulfil', 'payments:write'] },
      stack.admin,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'scopes', reason: 'NOT_GRANTABLE' }],
    });
  });
});
