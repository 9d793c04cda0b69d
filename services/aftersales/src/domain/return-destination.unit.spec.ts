import { describe, expect, it } from 'vitest';
import { claimReturnPostage, parcelReference, returnDestination } from './return-destination.js';

const address = { name: 'Vitrine Returns', line1: '14 rue de la Soie', line2: null, postalCode: '69100', city: 'Villeurbanne', region: null, country: 'FR' };
const warehouseId = '6f1c2e3a-0b4d-4c5e-8f60-718293a4b5c6';

describe('returnDestination', () => {
  it("is the return address of the warehouse the order's parcel left from, naming the warehouse", () => {
    expect(returnDestination({ parcelKnown: true, warehouseId, warehouse: { code: 'FR-LYS', returnAddress: address } })).toEqual({
      sendTo: { ...address, warehouseId, warehouseCode: 'FR-LYS' },
      unknown: null,
    });
  });

  it('says why it is not known yet: no parcel (or one from no known warehouse), a warehouse catalog has not told, no address', () => {
    expect(returnDestination({ parcelKnown: false, warehouseId: null, warehouse: null })).toEqual({ sendTo: null, unknown: 'PARCEL_UNKNOWN' });
    expect(returnDestination({ parcelKnown: true, warehouseId: null, warehouse: null })).toEqual({ sendTo: null, unknown: 'PARCEL_UNKNOWN' });
    expect(returnDestination({ parcelKnown: true, warehouseId, warehouse: null })).toEqual({ sendTo: null, unknown: 'WAREHOUSE_UNKNOWN' });
    expect(returnDestination({ parcelKnown: true, warehouseId, warehouse: { code: 'FR-LYS', returnAddress: null } })).toEqual({
      sendTo: null,
      unknown: 'NO_RETURN_ADDRESS',
    });
  });
});

describe('parcelReference', () => {
  it('is the kind and the first twelve hex digits of the id, upper-cased, in groups of four', () => {
    expect(parcelReference('RETURN', '3f2a9c1b-77d0-4e1a-9b2c-0d1e2f3a4b5c')).toBe('RET-3F2A-9C1B-77D0');
    expect(parcelReference('CLAIM', '3f2a9c1b-77d0-4e1a-9b2c-0d1e2f3a4b5c')).toBe('CLM-3F2A-9C1B-77D0');
  });
});

describe('claimReturnPostage', () => {
  const offers = [
    { resolution: 'PARTIAL_REFUND' as const, returnPostage: null },
    { resolution: 'RETURN' as const, returnPostage: 'STORE' as const },
  ];
  it("is the RETURN offer's postage once the customer chose it; null for any other choice or none", () => {
    expect(claimReturnPostage({ resolution: 'RETURN', offers })).toBe('STORE');
    expect(claimReturnPostage({ resolution: 'PARTIAL_REFUND', offers })).toBeNull();
    expect(claimReturnPostage({ resolution: null, offers })).toBeNull();
  });
});
