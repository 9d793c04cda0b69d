import { describe, expect, it } from 'vitest';
import { checkConsolidationRequest, decideConsolidation, sameAddress, type ConsolidationCandidate } from './consolidation.js';

const home = { name: 'Ada Lovelace', line1: '1 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' };
const day = (d: number) => new Date(Date.UTC(2026, 0, d));

const shipment = (id: string, overrides: Partial<ConsolidationCandidate> = {}): ConsolidationCandidate => ({
  id,
  customerId: 'customer-1',
  status: 'OPEN',
  kind: 'ORDER',
  consolidatedInto: null,
  warehouseId: 'warehouse-fr',
  address: home,
  method: 'STANDARD',
  currency: 'USD',
  openedAt: day(Number(id.replace(/\D/g, '')) || 1),
  handoverBy: null,
  lateSince: null,
  ...overrides,
});

const refusal = (shipments: ConsolidationCandidate[]) => {
  const decision = decideConsolidation(shipments);
  return decision.kind === 'REFUSED' ? `${decision.rule}:${decision.shipmentId}` : decision.kind;
};

describe('decideConsolidation', () => {
  it("never combines a claim's replacement (shipped at the store's cost) with paid orders' parcels, whatever else matches", () => {
    expect(refusal([shipment('s1'), shipment('s2', { kind: 'REPLACEMENT' })])).toBe('REPLACEMENT_SHIPMENT:s2');
    expect(refusal([shipment('s1', { kind: 'REPLACEMENT' }), shipment('s2', { kind: 'REPLACEMENT' })])).toBe('REPLACEMENT_SHIPMENT:s1');
  });

  it('given unpacked shipments of one customer, warehouse, address and method, the oldest takes the others', () => {
    const decision = decideConsolidation([shipment('s3'), shipment('s1'), shipment('s2')]);
    expect(decision).toMatchObject({ kind: 'COMBINE', into: { id: 's1' }, absorbed: [{ id: 's2' }, { id: 's3' }] });
  });

  it('keeps the earliest handover deadline promised, and lateness if one was late already', () => {
    const decision = decideConsolidation([
      shipment('s1', { handoverBy: day(9) }),
      shipment('s2', { handoverBy: day(5), lateSince: day(6) }),
      shipment('s3', { handoverBy: null }),
    ]);
    expect(decision).toMatchObject({ kind: 'COMBINE', handoverBy: day(5), lateSince: day(6) });
  });

  it('refuses, naming the shipment, what cannot travel as one parcel', () => {
    expect(refusal([shipment('s1'), shipment('s2', { customerId: 'customer-2' })])).toBe('NOT_SAME_CUSTOMER:s2');
    expect(refusal([shipment('s1'), shipment('s2', { warehouseId: 'warehouse-cn' })])).toBe('NOT_SAME_WAREHOUSE:s2');
    expect(refusal([shipment('s1'), shipment('s2', { address: { ...home, line1: '2 rue de la Paix' } })])).toBe('NOT_SAME_ADDRESS:s2');
    expect(refusal([shipment('s1'), shipment('s2', { method: 'EXPRESS' })])).toBe('NOT_SAME_METHOD:s2');
    expect(refusal([shipment('s1'), shipment('s2', { currency: 'EUR' })])).toBe('NOT_SAME_CURRENCY:s2');
    expect(refusal([shipment('s1'), shipment('s2', { warehouseId: null })])).toBe('WAREHOUSE_UNKNOWN:s2');
    expect(refusal([shipment('s1', { address: null }), shipment('s2')])).toBe('DESTINATION_UNKNOWN:s1');
  });

  it('refuses a shipment packed, quoted or gone', () => {
    expect(refusal([shipment('s1'), shipment('s2', { status: 'READY' })])).toBe('ALREADY_PACKED:s2');
    expect(refusal([shipment('s1', { status: 'AWAITING_PAYMENT' }), shipment('s2')])).toBe('ALREADY_PACKED:s1');
    expect(refusal([shipment('s1'), shipment('s2', { status: 'DISPATCHED' })])).toBe('ALREADY_DISPATCHED:s2');
    expect(refusal([shipment('s1', { status: 'DELIVERED' }), shipment('s2')])).toBe('ALREADY_DISPATCHED:s1');
  });

  it('a retry is answered with the parcel already combined; one more shipment joins it', () => {
    const combined = [shipment('s1'), shipment('s2', { status: 'CONSOLIDATED', consolidatedInto: 's1' })];
    expect(decideConsolidation(combined)).toMatchObject({ kind: 'ALREADY_COMBINED', into: { id: 's1' } });
    // Even once packed: the request's effect holds, nothing is asked of the parcel.
    expect(decideConsolidation([{ ...combined[0]!, status: 'READY' }, combined[1]!])).toMatchObject({ kind: 'ALREADY_COMBINED' });
    expect(decideConsolidation([...combined, shipment('s3')])).toMatchObject({ kind: 'COMBINE', into: { id: 's1' }, absorbed: [{ id: 's3' }] });
  });

  it('refuses a shipment combined into a parcel not asked for', () => {
    expect(refusal([shipment('s1'), shipment('s2', { status: 'CONSOLIDATED', consolidatedInto: 's9' })])).toBe('ALREADY_CONSOLIDATED:s2');
  });
});

describe('checkConsolidationRequest', () => {
  const a = '8f0a7f55-7a52-4b0e-9d4c-8a3c3f6e1a01';
  const b = '8f0a7f55-7a52-4b0e-9d4c-8a3c3f6e1a02';
  it('wants 2 to 20 distinct shipment ids', () => {
    expect(checkConsolidationRequest([a, b])).toEqual([]);
    expect(checkConsolidationRequest([a]).map((p) => `${p.field}:${p.reason}`)).toEqual(['shipmentIds:OUT_OF_RANGE']);
    expect(checkConsolidationRequest([a, a.toUpperCase(), 'nope']).map((p) => `${p.field}:${p.reason}`)).toEqual([
      'shipmentIds.1:DUPLICATE',
      'shipmentIds.2:MALFORMED_ID',
    ]);
    expect(checkConsolidationRequest(Array.from({ length: 21 }, (_, i) => `${a.slice(0, -2)}${String(i).padStart(2, '0')}`))[0]?.reason).toBe('OUT_OF_RANGE');
  });
});

describe('sameAddress', () => {
  it('ignores case, spacing, Unicode forms, the postal code spaces and the phone', () => {
    expect(sameAddress(home, { ...home, name: ' ada  LOVELACE ', postalCode: '75 002', phone: '+33 1 23 45 67 89' })).toBe(true);
    expect(sameAddress({ ...home, city: 'Ｐａｒｉｓ' }, home)).toBe(true);
    expect(sameAddress(home, { ...home, line2: 'Bâtiment B' })).toBe(false);
    expect(sameAddress(home, { ...home, name: 'Someone Else' })).toBe(false);
  });
});
