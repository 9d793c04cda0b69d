import { describe, expect, it } from 'vitest';
import { assertCanPack, assertShipmentMove, canMoveShipment, shipmentStatuses } from './shipment-status.js';

describe('shipment status table', () => {
  it('allows exactly these moves', () => {
    const allowed = shipmentStatuses.flatMap((from) => shipmentStatuses.filter((to) => canMoveShipment(from, to)).map((to) => `${from}>${to}`));
    expect(allowed).toEqual([
      'OPEN>AWAITING_PAYMENT',
      'OPEN>READY',
      'OPEN>CONSOLIDATED',
      'AWAITING_PART>READY',
      'AWAITING_PAYMENT>READY',
      'READY>DISPATCHED',
      'DISPATCHED>DELIVERED',
      'DISPATCHED>RETURNED_TO_SENDER',
    ]);
  });

  it('refuses dispatch while the extra invoice is unpaid, and a second dispatch, with their rules', () => {
    expect(() => assertShipmentMove('AWAITING_PAYMENT', 'DISPATCHED')).toThrow(
      expect.objectContaining({ code: 'POLICY_VIOLATION', details: expect.objectContaining({ rule: 'EXTRA_SHIPPING_UNPAID' }) }),
    );
    expect(() => assertShipmentMove('DISPATCHED', 'DISPATCHED')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ rule: 'SHIPMENT_STATUS_TRANSITION' }) }),
    );
  });

  it('packs a parcel once, while OPEN: never a second quote, nor one for a shipment combined into another', () => {
    expect(() => assertCanPack('OPEN')).not.toThrow();
    // A replacement part is packed when it reaches the warehouse.
    expect(() => assertCanPack('AWAITING_PART')).not.toThrow();
    expect(() => assertShipmentMove('AWAITING_PART', 'DISPATCHED')).toThrow(/replacement part has not been packed yet/);
    for (const status of ['READY', 'AWAITING_PAYMENT', 'DISPATCHED', 'CONSOLIDATED'] as const) {
      expect(() => assertCanPack(status)).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ rule: 'SHIPMENT_STATUS_TRANSITION', status }) }),
      );
    }
    expect(() => assertCanPack('AWAITING_PAYMENT')).toThrow(/packed and quoted already/);
    expect(() => assertCanPack('CONSOLIDATED')).toThrow(/combined into another shipment/);
  });
});
