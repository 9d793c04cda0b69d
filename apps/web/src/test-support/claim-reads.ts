import { expect } from 'vitest';
import type { Identity } from '@vitrine/e2e/support/identities';
import { graph, type TestStack } from '@vitrine/e2e/support/stack';
import { graphql } from '../__generated__/test/index.js';

// What after-sales holds for a claim the browser made, read back through the gateway as its customer.

const claimQuery = graphql(`
  query WebClaimAsCustomer($id: ID!) {
    claim(id: $id) {
      id
      status
      parts {
        name
        category
        issue
        note
      }
    }
  }
`);

/** The claim as after-sales answers its customer: its status and its parts, in the order they were given. */
export async function claimAsCustomer(stack: TestStack, customer: Identity, claimId: string) {
  const answer = await graph(stack, claimQuery, { id: claimId }, customer);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!.claim;
}
