import { describe, expect, it } from 'vitest';
import { decideExtraShippingWaiver, type InvoicedOrder } from './extra-shipping-waiver.js';

const at = new Date('2026-12-05T10:00:00Z');
const invoiced = (orderId: string, extraDue: number, state: 'UNPAID' | 'PAID' | 'WAIVED' = 'UNPAID'): InvoicedOrder => ({
  orderId,
  invoiceId: `inv-${orderId}`,
  extraDue,
  invoicePaidAt: state === 'PAID' ? at : null,
  invoiceWaivedAt: state === 'WAIVED' ? at : null,
});
const refunded = (orderId: string): InvoicedOrder => ({ orderId, invoiceId: null, extraDue: 0, invoicePaidAt: null, invoiceWaivedAt: null });
const ruleOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code: string; details: { rule?: string; status?: string; problems?: { field: string; reason: string }[] } }) ?? null;
  }
  return null;
};

describe('waiving the extra postage', () => {
  it('given a parcel awaiting its extra payment, when staff waive it: every unpaid invoice, their sum, the reason trimmed', () => {
    expect(decideExtraShippingWaiver('AWAITING_PAYMENT', [invoiced('a', 600)], '  small overrun, the store absorbs it ')).toEqual({
      invoices: [{ orderId: 'a', invoiceId: 'inv-a', amount: 600 }],
      amount: 600,
      reason: 'small overrun, the store absorbs it',
    });
  });

  it('given a combined parcel with one invoice paid already, it waives only the unpaid ones', () => {
    const waiver = decideExtraShippingWaiver(
      'AWAITING_PAYMENT',
      [invoiced('a', 300, 'PAID'), invoiced('b', 250), refunded('c'), invoiced('d', 50)],
      'goodwill',
    );
    expect(waiver.invoices.map((i) => i.orderId)).toEqual(['b', 'd']);
    expect(waiver.amount).toBe(300);
  });

  it('refuses a blank or too long reason (BAD_USER_INPUT on reason)', () => {
    expect(ruleOf(() => decideExtraShippingWaiver('AWAITING_PAYMENT', [invoiced('a', 600)], '   '))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: [{ field: 'reason', reason: 'REQUIRED' }] },
    });
    expect(ruleOf(() => decideExtraShippingWaiver('AWAITING_PAYMENT', [invoiced('a', 600)], 'x'.repeat(501)))).toMatchObject({
      details: { problems: [{ field: 'reason', reason: 'OUT_OF_RANGE' }] },
    });
  });

  it('refuses once the customer paid (READY): SHIPMENT_STATUS_TRANSITION saying so', () => {
    const paid = () => decideExtraShippingWaiver('READY', [invoiced('a', 600, 'PAID')], 'too late');
    expect(ruleOf(paid)).toMatchObject({ code: 'POLICY_VIOLATION', details: { rule: 'SHIPMENT_STATUS_TRANSITION', status: 'READY' } });
    expect(paid).toThrow('The extra postage cannot be waived: the customer has paid it already.');
    expect(() => decideExtraShippingWaiver('READY', [invoiced('a', 600, 'WAIVED')], 'again')).toThrow(/waived already/);
  });

  it('refuses a parcel with nothing invoiced, not quoted, or gone, with its status', () => {
    expect(() => decideExtraShippingWaiver('READY', [refunded('a')], 'why')).toThrow(/no extra shipping invoice waiting for payment/);
    expect(() => decideExtraShippingWaiver('OPEN', [refunded('a')], 'why')).toThrow(/no extra shipping invoice waiting for payment/);
    for (const status of ['DISPATCHED', 'DELIVERED', 'RETURNED_TO_SENDER', 'CONSOLIDATED'] as const) {
      expect(ruleOf(() => decideExtraShippingWaiver(status, [invoiced('a', 600, 'PAID')], 'why'))).toMatchObject({
        details: { rule: 'SHIPMENT_STATUS_TRANSITION', status },
      });
    }
    expect(() => decideExtraShippingWaiver('DISPATCHED', [invoiced('a', 600, 'PAID')], 'why')).toThrow(/dispatched already/);
  });

  it('refuses a parcel awaiting payment whose invoices are all settled (NO_UNPAID_EXTRA_INVOICE)', () => {
    expect(ruleOf(() => decideExtraShippingWaiver('AWAITING_PAYMENT', [invoiced('a', 600, 'PAID')], 'why'))).toMatchObject({
      details: { rule: 'NO_UNPAID_EXTRA_INVOICE' },
    });
  });
});
