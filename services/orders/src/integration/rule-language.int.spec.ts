import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancellationQuote, describePolicy, payAtOrderRule, presets } from '@vitrine/policy';
import { bootIsolatedService, gql, type IsolatedService, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { ordersService } from '../orders-service.js';
import { OrderDue } from '../store/order-due.entity.js';
import { OrderLine } from '../store/order-line.entity.js';
import { Order } from '../store/order.entity.js';

// Store-policy rules in the customer's language through orders' API: the cancellation quote's rule, the policy's
// sections and a due's rule in French (RuleLanguage FR) or in English (the default, unchanged), under deposit-store.

const quoteQuery = graphql(`
  query RuleLanguageQuote($id: ID!, $language: RuleLanguage!) {
    cancellationQuote(orderId: $id, language: $language) {
      outcome
      fee {
        amount
      }
      rule {
        id
        text
      }
      token
    }
  }
`);
const defaultQuoteQuery = graphql(`
  query RuleLanguageDefaultQuote($id: ID!) {
    cancellationQuote(orderId: $id) {
      rule {
        text
      }
      token
    }
  }
`);
const orderQuery = graphql(`
  query RuleLanguageOrder($id: ID!) {
    order(id: $id) {
      dues {
        rule(language: FR)
        english: rule
      }
      policy {
        sections(language: FR) {
          title
          rules {
            id
            text
          }
        }
      }
    }
  }
`);

let orders: IsolatedService;
let customer: TestIdentity;

beforeAll(async () => {
  orders = await bootIsolatedService(ordersService, { label: 'orders_rule_language', transport: 'embedded' });
  customer = await orders.tokens.customer();
});
afterAll(async () => {
  await orders?.stop();
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

/** An in-stock order of the customer's under deposit-store (version 1), $200.00 paid in full and processed an hour ago. */
async function processedOrder(): Promise<string> {
  const em = orders.service.orm.em.fork();
  const id = randomUUID();
  const order = em.create(Order, {
    id,
    customerId: customer.id,
    status: 'IN_FULFILMENT',
    totalAmount: 20000,
    currency: 'USD',
    kind: 'IN_STOCK',
    paymentPlan: 'IN_STOCK',
    policyVersion: 1,
    placedAt: hoursAgo(2),
    firstPaidAt: hoursAgo(2),
    processedAt: hoursAgo(1),
  });
  em.create(OrderLine, { id: randomUUID(), order, position: 0, productId: randomUUID(), quantity: 1, unitPriceAmount: 20000 });
  const ruleText = payAtOrderRule(presets['deposit-store']).text;
  em.create(OrderDue, {
    id: randomUUID(),
    order,
    purpose: 'FULL_PAYMENT',
    status: 'PAID',
    collect: 'CUSTOMER',
    goodsAmount: 20000,
    shippingAmount: 0,
    paidAt: hoursAgo(2),
    ruleText,
  });
  await em.flush();
  return id;
}

describe('store-policy rules in French', () => {
  it('the cancellation quote of a processed order: the restocking-fee rule in French, the same amounts and token as in English', async () => {
    const id = await processedOrder();
    const fr = await gql(orders.url, quoteQuery, { id, language: 'FR' }, customer.headers);
    expect(fr.errors).toBeUndefined();
    expect(fr.data!.cancellationQuote).toMatchObject({
      outcome: 'ALLOWED',
      fee: { amount: 6000 },
      rule: {
        id: 'in-stock-cancellation.fee-once-processed',
        text: 'Annulation après le traitement de la commande\u00a0: des frais de remise en stock de 30\u00a0% du prix total.',
      },
    });
    const en = await gql(orders.url, defaultQuoteQuery, { id }, customer.headers);
    expect(en.errors).toBeUndefined();
    expect(en.data!.cancellationQuote).toEqual({
      rule: { text: 'Cancelled once the order is processed: a restocking fee of 30% of the total price.' },
      token: fr.data!.cancellationQuote.token,
    });
  });

  it("the order's policy sections and its due's rule in French, worded from its policy version", async () => {
    const id = await processedOrder();
    const read = await gql(orders.url, orderQuery, { id }, customer.headers);
    expect(read.errors).toBeUndefined();
    const policy = presets['deposit-store'];
    expect(read.data!.order.policy.sections).toEqual(describePolicy(policy, 'fr'));
    expect(read.data!.order.policy.sections[0]!.title).toBe('Paiement');
    expect(read.data!.order.dues).toEqual([{ rule: payAtOrderRule(policy, 'fr').text, english: payAtOrderRule(policy).text }]);
    expect(read.data!.order.dues[0]!.rule).toBe(
      'Ce qui est dû à la commande doit être payé dans un délai de 1 heure, sinon la commande expire et ses articles sont remis en vente.',
    );
    // The French quote is the policy package's own wording of the decision.
    const quote = await gql(orders.url, quoteQuery, { id, language: 'FR' }, customer.headers);
    const order = { kind: 'IN_STOCK', plan: null, currency: 'USD', total: 20000, deposit: 0, placedAt: hoursAgo(2), processedAt: hoursAgo(1) } as const;
    const paid = { deposit: 0, balance: 0, full: 20000, downPayment: 0, shipping: 0 };
    expect(quote.data!.cancellationQuote.rule).toEqual(cancellationQuote(policy, { ...order, paid }, new Date(), 'fr').rule);
  });
});
