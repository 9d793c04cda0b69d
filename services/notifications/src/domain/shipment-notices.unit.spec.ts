import { describe, expect, it } from 'vitest';
import { extraShippingWaivedNotice, shipmentDispatchedNotice, shippingQuotedNotice, type ShippingQuote } from './shipment-notices.js';

const event = <T>(data: T) => ({ id: 'e1', time: '2027-05-20T00:00:00.000Z', data });
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const parcel = { weightGrams: 2_350, dimensions: { lengthMm: 420, widthMm: 300, heightMm: 250 } };
const share = (orderId: string, estimatePaid: number, excessRefund: number, extraDue: number) => ({
  orderId,
  estimatePaid: eur(estimatePaid),
  excessRefund: eur(excessRefund),
  extraDue: eur(extraDue),
});

describe('notices from logistics', () => {
  it('a final quote below the estimate is one message to the parcel’s customer, with the excess to refund', () => {
    const quote: ShippingQuote = {
      shipmentId: 's1',
      customerId: 'c1',
      finalCost: eur(1_620),
      ...parcel,
      outcome: 'REFUND_EXCESS',
      orders: [share('o1', 1_850, 230, 0)],
    };
    const n = shippingQuotedNotice(event(quote));
    expect(n).toMatchObject({ kind: 'SHIPPING_QUOTED', customerId: 'c1', orderId: 'o1', sendKey: 'e1:c1' });
    expect(n.facts).toEqual({
      shipmentId: 's1',
      orderIds: ['o1'],
      outcome: 'REFUND_EXCESS',
      finalCost: eur(1_620),
      ...parcel,
      estimatePaid: eur(1_850),
      excessRefund: eur(230),
      extraDue: eur(0),
    });
  });

  it('a consolidated parcel above its estimates is one message naming every order, with the extra summed', () => {
    const n = shippingQuotedNotice(
      event({
        shipmentId: 's1',
        customerId: 'c1',
        finalCost: eur(4_000),
        ...parcel,
        outcome: 'EXTRA_INVOICE' as const,
        orders: [share('o2', 2_000, 0, 400), share('o1', 1_500, 0, 100)],
      }),
    );
    expect(n.orderId).toBeNull();
    expect(n.facts).toMatchObject({ orderIds: ['o1', 'o2'], estimatePaid: eur(3_500), excessRefund: eur(0), extraDue: eur(500) });
  });

  it('a dispatch tells the carrier, tracking number, measures and fee, once per event and customer', () => {
    const n = shipmentDispatchedNotice(
      event({
        shipmentId: 's1',
        customerId: 'c1',
        orderIds: ['o1'],
        carrier: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        ...parcel,
        finalCost: eur(1_620),
        dispatchedAt: '2027-05-24T08:30:00.000Z',
      }),
    );
    expect(n).toMatchObject({ kind: 'SHIPMENT_DISPATCHED', customerId: 'c1', orderId: 'o1', sendKey: 'e1:c1' });
    expect(n.facts).toMatchObject({ carrier: 'UPS', trackingNumber: '1Z999AA10123456784', finalCost: eur(1_620), dispatchedAt: '2027-05-24T08:30:00.000Z' });
  });

  it('staff waiving the extra postage is one message to the parcel’s customer, the invoices summed, staff’s reason left out', () => {
    const waived = {
      shipmentId: 's1',
      customerId: 'c1',
      invoices: [
        { invoiceId: 'i2', orderId: 'o2', amount: eur(400) },
        { invoiceId: 'i1', orderId: 'o1', amount: eur(100) },
      ],
      reason: 'Our packer chose a box too big.',
      actorId: 'staff-1',
      waivedAt: '2027-05-21T10:00:00.000Z',
    };
    const n = extraShippingWaivedNotice(event(waived));
    expect(n).toMatchObject({ kind: 'EXTRA_SHIPPING_WAIVED', customerId: 'c1', orderId: null, sendKey: 'e1:c1' });
    expect(n.facts).toEqual({ shipmentId: 's1', orderIds: ['o1', 'o2'], extraWaived: eur(500) });
    const one = extraShippingWaivedNotice(event({ ...waived, invoices: [{ invoiceId: 'i1', orderId: 'o1', amount: eur(290) }] }));
    expect(one).toMatchObject({ orderId: 'o1', facts: { orderIds: ['o1'], extraWaived: eur(290) } });
  });
});
