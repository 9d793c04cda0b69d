import { expect } from 'vitest';
import { graph, type TestStack } from '@vitrine/e2e/support/stack';
import { graphql } from '../__generated__/test/index.js';

// What the back office's partner edit and removal are checked against: notifications' own answer, as staff
// (removed partners included), and partners registered through the API before staff change them in the browser.

const partnerQuery = graphql(`
  query WebPartnerSettings {
    partners {
      id
      name
      webhookUrl
      eventTypes
      enabled
      removedAt
      removedBy
    }
  }
`);
const createPartnerMutation = graphql(`
  mutation WebRegisterPartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      partner {
        id
      }
    }
  }
`);
const issueCredentialMutation = graphql(`
  mutation WebIssuePartnerCredential($partnerId: ID!, $name: String!) {
    createPartnerCredential(partnerId: $partnerId, name: $name) {
      credential {
        clientId
      }
      clientSecret
    }
  }
`);

/** The partner as notifications has it now (removed or not). */
export async function partnerSettings(stack: TestStack, id: string) {
  const res = await graph(stack, partnerQuery, {}, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.partners.find((p) => p.id === id);
}

/** A partner registered through the API, with API credentials in use; returns its id and the credential's. */
export async function registeredPartner(stack: TestStack, input: { name: string; webhookUrl: string; eventTypes: string[] }) {
  const created = await graph(stack, createPartnerMutation, { input }, stack.admin);
  expect(created.errors).toBeUndefined();
  const partnerId = created.data!.createPartner.partner.id;
  const issued = await graph(stack, issueCredentialMutation, { partnerId, name: 'Order sync' }, stack.admin);
  expect(issued.errors).toBeUndefined();
  const { credential, clientSecret } = issued.data!.createPartnerCredential;
  return { partnerId, clientId: credential.clientId, clientSecret };
}
