import { describe, expect, it } from 'vitest';
import { orderConfirmedNotice, paymentDueNotice, productNotices, statusChangeNotice } from './notices-from-events.js';

const event = <T>(data: T) => ({ id: 'e1', time: '2027-01-01T00:00:00.000Z', data });
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('notices from events', () => {
  it('an order confirmation is one message to its customer, keyed by event and customer', () => {
    const n = orderConfirmedNotice(
      event({
        orderId: 'o1',
        customerId: 'c1',
        kind: 'PREORDER',
        paymentPlan: 'DEPOSIT',
        lines: [{ productId: 'p1', quantity: 2, unitPrice: eur(100) }],
        goodsTotal: eur(200),
        shippingEstimate: eur(10),
        nextPayment: null,
      }),
    );
    expect(n).toMatchObject({ kind: 'ORDER_CONFIRMED', customerId: 'c1', orderId: 'o1', sendKey: 'e1:c1' });
    expect(n.facts).toMatchObject({ goodsTotal: eur(200) });
  });

  it('a due with a deadline is a pay-now notice; one due at checkout is not; a stored-method charge says so', () => {
    const due = { dueId: 'd1', orderId: 'o1', customerId: 'c1', purpose: 'BALANCE', amount: eur(500) };
    expect(paymentDueNotice(event({ ...due, dueAt: '2027-02-01T00:00:00.000Z', collect: 'CUSTOMER' as const }))?.kind).toBe('PAYMENT_DUE');
    expect(paymentDueNotice(event({ ...due, dueAt: null, collect: 'CUSTOMER' as const }))).toBeNull();
    expect(paymentDueNotice(event({ ...due, dueAt: null, collect: 'STORED_METHOD' as const }))?.kind).toBe('CARD_CHARGE_SCHEDULED');
  });

  it('only shipping and delivery are told from status changes, and only to a known customer', () => {
    const known = { customerId: 'c1', shipmentId: null };
    expect(statusChangeNotice(event({ orderId: 'o1', to: 'SHIPPED' }), known)?.kind).toBe('ORDER_SHIPPED');
    expect(statusChangeNotice(event({ orderId: 'o1', to: 'DELIVERED' }), known)?.kind).toBe('ORDER_DELIVERED');
    expect(statusChangeNotice(event({ orderId: 'o1', to: 'IN_FULFILMENT' }), known)).toBeNull();
    expect(statusChangeNotice(event({ orderId: 'o1', to: 'SHIPPED' }), null)).toBeNull();
    expect(statusChangeNotice(event({ orderId: 'o1', to: 'SHIPPED' }), { customerId: null, shipmentId: null })).toBeNull();
  });

  it('an order a logistics shipment carries is told shipped by the dispatch, not by its status; delivery still by its status', () => {
    const carried = { customerId: 'c1', shipmentId: 's1' };
    expect(statusChangeNotice(event({ orderId: 'o1', to: 'SHIPPED' }), carried)).toBeNull();
    expect(statusChangeNotice(event({ orderId: 'o1', to: 'DELIVERED' }), carried)?.kind).toBe('ORDER_DELIVERED');
  });

  it('a product event reaches each customer with an open order once, naming all their orders', () => {
    const notices = productNotices(event({ productId: 'p1' }), 'RELEASE_DATE_CHANGED', { newEstimate: '2027-05' }, [
      { orderId: 'o2', customerId: 'c1' },
      { orderId: 'o1', customerId: 'c1' },
      { orderId: 'o3', customerId: 'c2' },
    ]);
    expect(notices.map((n) => [n.customerId, n.orderId, n.sendKey, n.facts.orderIds])).toEqual([
      ['c1', null, 'e1:c1', ['o1', 'o2']],
      ['c2', 'o3', 'e1:c2', ['o3']],
    ]);
  });
});
