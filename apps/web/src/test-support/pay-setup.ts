import type { Identity } from '@vitrine/e2e/support/identities';
import { graph, type TestStack } from '@vitrine/e2e/support/stack';
import { graphql } from '../__generated__/test/index.js';

// What the pay specs read back through the API after the browser paid: the order's dues and money as its
// customer sees them, and payments' ledger postings for it as staff (`payments:write`) see them.

const orderMoneyQuery = graphql(`
  query WebPayOrderMoney($id: ID!) {
    order(id: $id) {
      status
      dues {
        id
        purpose
        status
        amount {
          amount
        }
        paidAt
      }
      amountPaid {
        amount
      }
      amountDue {
        amount
      }
      payments {
        id
        status
        purpose
        amount {
          amount
        }
        failure {
          kind
          message
        }
      }
    }
  }
`);
const moneyTrailQuery = graphql(`
  query WebPayMoneyTrail($id: ID!) {
    order(id: $id) {
      moneyTrail {
        transactionId
        movement
        reason
        account
        amount {
          amount
        }
      }
    }
  }
`);

/** The order's dues, what it paid and owes, and its payment attempts, as its customer reads them. */
export async function orderMoney(stack: TestStack, customer: Identity, id: string) {
  const read = await graph(stack, orderMoneyQuery, { id }, customer);
  if (read.errors) throw new Error(JSON.stringify(read.errors));
  return read.data!.order!;
}

/** The captures in payments' ledger for the order (staff): each transaction's postings by account. */
export async function capturesOf(stack: TestStack, id: string): Promise<{ reason: string | null; postings: Record<string, number> }[]> {
  const read = await graph(stack, moneyTrailQuery, { id }, stack.admin);
  if (read.errors) throw new Error(JSON.stringify(read.errors));
  const captures = new Map<string, { reason: string | null; postings: Record<string, number> }>();
  for (const p of read.data!.order!.moneyTrail.filter((posting) => posting.movement === 'CHARGE_CAPTURED')) {
    const capture = captures.get(p.transactionId) ?? { reason: p.reason ?? null, postings: {} };
    capture.postings[p.account] = (capture.postings[p.account] ?? 0) + p.amount.amount;
    captures.set(p.transactionId, capture);
  }
  return [...captures.values()];
}
