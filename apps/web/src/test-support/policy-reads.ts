import { expect } from 'vitest';
import type { Identity } from '@vitrine/e2e/support/identities';
import { graph, type TestStack } from '@vitrine/e2e/support/stack';
import { graphql } from '../__generated__/test/index.js';

// The rules of an order's store policy as orders words them for its customer, in a language the API speaks.

const orderPolicyQuery = graphql(`
  query WebOrderPolicyRules($id: ID!, $language: RuleLanguage!) {
    order(id: $id) {
      policy {
        sections(language: $language) {
          rules {
            id
            text
          }
        }
      }
    }
  }
`);

/** The sentence of the order's policy rule `ruleId` in `language`, as the API answers the order's customer. */
export async function policyRuleAsCustomer(stack: TestStack, customer: Identity, orderId: string, ruleId: string, language: 'EN' | 'FR'): Promise<string> {
  const answer = await graph(stack, orderPolicyQuery, { id: orderId, language }, customer);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  const rule = answer.data!.order.policy.sections.flatMap((s) => s.rules).find((r) => r.id === ruleId);
  expect(rule, `the policy has ${ruleId}`).toBeDefined();
  return rule!.text;
}
