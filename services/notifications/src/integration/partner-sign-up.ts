// Test-only: partners registered as staff would, each with its example consumer as webhook endpoint.
import { expect } from 'vitest';
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { ExamplePartner } from './example-partner.js';
import type { NotificationsHarness } from './harness.js';

const createPartner = graphql(`
  mutation SignUpPartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      secret
      partner {
        id
      }
    }
  }
`);

/** Registers each partner (name, its consumer, the event types granted); the consumer learns its secret. Returns the partners' ids by name. */
export async function signUpPartners(
  n: NotificationsHarness,
  staff: TestIdentity,
  partners: readonly (readonly [name: string, consumer: ExamplePartner, eventTypes: readonly string[]])[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [name, consumer, eventTypes] of partners) {
    const res = await gql(n.url, createPartner, { input: { name, webhookUrl: consumer.url, eventTypes: [...eventTypes] } }, staff.headers);
    expect(res.errors).toBeUndefined();
    consumer.secret = res.data!.createPartner.secret;
    ids[name] = res.data!.createPartner.partner.id;
  }
  return ids;
}
