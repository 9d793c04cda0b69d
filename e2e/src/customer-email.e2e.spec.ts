import { eventually, startTestMailServer, type TestMailServer } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './__generated__/index.js';
import { createProduct, graph, placeOrder, startTestStack, type TestStack } from './support/stack.js';

let mail: TestMailServer;
let stack: TestStack;
beforeAll(async () => {
  mail = await startTestMailServer();
  stack = await startTestStack({ label: 'customer_email', env: { notifications: { SMTP_URL: `smtp://${mail.host}:${mail.smtpPort}`, TIMER_POLL_MS: '100' } } });
});
afterAll(async () => {
  await stack?.stop();
  await mail?.stop();
});

const myNotifications = graphql(`
  query E2EMyNotifications {
    myNotifications {
      kind
      status
      subject
      recipient
      language
    }
  }
`);

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('customer email across services', () => {
  it('a new customer is welcomed at the address they registered with and asked to confirm it, then told their order is confirmed and what to pay by when, in their language', async () => {
    const ann = await stack.newCustomer('FR');
    await eventually(async () => (await mail.messagesTo(ann.email)).length === 2);
    expect((await mail.messagesTo(ann.email)).map((m) => m.subject).sort()).toEqual(['Bienvenue, Test Customer', 'Confirmez votre adresse e-mail']);
    const confirm = (await mail.messagesTo(ann.email)).find((m) => m.subject === 'Confirmez votre adresse e-mail')!;
    expect(confirm.text).toMatch(/\/account\?verifyEmail=[\w%-]+/);

    const product = await createProduct(stack, 5, 2500);
    const placed = await placeOrder(stack, ann, [{ productId: product.id, quantity: 2 }]);
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.placeOrder.id;
    const confirmation = await eventually(async () => (await mail.messagesTo(ann.email)).find((m) => m.subject.startsWith('Commande')));
    expect(confirmation.subject).toBe(`Commande ${orderId.slice(0, 8).toUpperCase()} confirmée`);
    expect(plain(confirmation.text)).toContain(`- 2 × Figure ${product.sku}: 50,00 $US`);

    const res = await graph(stack, myNotifications, {}, ann);
    expect(res.errors).toBeUndefined();
    // The order owes its first payment within the policy's deadline: a pay-now notice too.
    expect(res.data!.myNotifications.map((m) => [m.kind, m.status, m.recipient, m.language]).sort()).toEqual([
      ['EMAIL_VERIFICATION_REQUESTED', 'SENT', ann.email, 'fr'],
      ['ORDER_CONFIRMED', 'SENT', ann.email, 'fr'],
      ['PAYMENT_DUE', 'SENT', ann.email, 'fr'],
      ['WELCOME', 'SENT', ann.email, 'fr'],
    ]);
    const due = (await mail.messagesTo(ann.email)).find((m) => m.subject.startsWith('Paiement attendu'))!;
    expect(plain(due.subject)).toMatch(new RegExp(`^Paiement attendu pour la commande ${orderId.slice(0, 8).toUpperCase()} : 50,00 \\$US avant le `));
    expect(due.text).toContain(`/orders/${orderId}/pay?due=`);
  });
});
