import { describe, expect, it } from 'vitest';
import { checkNewWarehouse } from './new-warehouse.js';
import { checkWarehouseInUse, decideRetirement, decideWarehouseChange, type WarehouseState } from './warehouse-change.js';

const empty: WarehouseState = {
  code: 'FR-LYS',
  name: 'Lyon',
  country: 'FR',
  heldByFactory: false,
  allocationPriority: 10,
  returnAddress: null,
  retiredAt: null,
  onHand: 0,
  reserved: 0,
};
const stocked: WarehouseState = { ...empty, onHand: 5, reserved: 2 };

describe('decideWarehouseChange', () => {
  it('changes the fields given, cleaned, and says each one before and after', () => {
    expect(decideWarehouseChange(empty, { name: '  Lyon Nord ', allocationPriority: 3, heldByFactory: null })).toEqual({
      next: { name: 'Lyon Nord', heldByFactory: false, allocationPriority: 3, returnAddress: null },
      changes: { name: { from: 'Lyon', to: 'Lyon Nord' }, allocationPriority: { from: 10, to: 3 } },
    });
  });

  it('giving the values it has is no change', () => {
    expect(decideWarehouseChange(stocked, { name: 'Lyon', heldByFactory: false })).toEqual({
      next: { name: 'Lyon', heldByFactory: false, allocationPriority: 10, returnAddress: null },
      changes: {},
    });
  });

  it('refuses an empty change and every bad field at once, as createWarehouse would', () => {
    expect(decideWarehouseChange(empty, { name: null })).toEqual({ problems: [expect.objectContaining({ field: 'input', reason: 'EMPTY_CHANGE' })] });
    const refused = decideWarehouseChange(empty, { name: ' ', allocationPriority: 1001 });
    expect('problems' in refused && refused.problems.map((p) => [p.field, p.reason])).toEqual([
      ['name', 'INVALID_LENGTH'],
      ['allocationPriority', 'OUT_OF_RANGE'],
    ]);
    expect(decideWarehouseChange(empty, { allocationPriority: 1.5 })).toEqual({ problems: [expect.objectContaining({ field: 'allocationPriority' })] });
  });

  it('lets the factory flag change only while the warehouse holds no unit', () => {
    expect(decideWarehouseChange(empty, { heldByFactory: true })).toMatchObject({ changes: { heldByFactory: { from: false, to: true } } });
    expect(() => decideWarehouseChange(stocked, { heldByFactory: true })).toThrow(
      expect.objectContaining({ code: 'POLICY_VIOLATION', details: expect.objectContaining({ rule: 'WAREHOUSE_HOLDS_STOCK' }) }),
    );
    expect(() => decideWarehouseChange({ ...empty, reserved: 1, onHand: 1 }, { heldByFactory: true })).toThrow(/holds 1 units/);
    // Other fields of a stocked warehouse change freely.
    expect(decideWarehouseChange(stocked, { allocationPriority: 0 })).toMatchObject({ changes: { allocationPriority: { from: 10, to: 0 } } });
  });
});

describe('a return address', () => {
  const lyon = { name: 'Vitrine Returns', line1: ' 12 rue de la Soie ', line2: ' ', postalCode: '69100', city: 'Villeurbanne', region: null };

  it('is set cleaned, in the warehouse country, and said before and after; the same again is no change', () => {
    const decided = decideWarehouseChange(stocked, { returnAddress: lyon });
    const address = { ...lyon, line1: '12 rue de la Soie', line2: null, country: 'FR' };
    expect(decided).toEqual({
      next: { name: 'Lyon', heldByFactory: false, allocationPriority: 10, returnAddress: address },
      changes: { returnAddress: { from: null, to: address } },
    });
    expect(decideWarehouseChange({ ...stocked, returnAddress: address }, { returnAddress: { ...lyon, city: ' Villeurbanne' } })).toMatchObject({ changes: {} });
    expect(decideWarehouseChange({ ...stocked, returnAddress: address }, { returnAddress: { ...lyon, postalCode: '69001' } })).toMatchObject({
      changes: { returnAddress: { from: address, to: { ...address, postalCode: '69001' } } },
    });
  });

  it("is refused by orders' shipping-address rules, every field at once, and nothing else is judged", () => {
    const refused = decideWarehouseChange(empty, { returnAddress: { ...lyon, name: ' ', postalCode: '1'.repeat(21), city: '' } });
    expect('problems' in refused && refused.problems.map((p) => [p.field, p.reason, p.message])).toEqual([
      ['returnAddress.name', 'INVALID', 'Please fill this in correctly.'],
      ['returnAddress.city', 'INVALID', 'Please fill this in correctly.'],
      ['returnAddress.postalCode', 'INVALID', 'This is too long.'],
    ]);
  });
});

describe('checkNewWarehouse with a return address', () => {
  it('takes the country of the warehouse and reports the address problems with the others', () => {
    const input = { code: 'fr-lys', name: 'Lyon', country: 'fr', heldByFactory: false, allocationPriority: 10 };
    const address = { name: 'Returns', line1: '1 quai', postalCode: '69001', city: 'Lyon', region: 'Rhône' };
    expect(checkNewWarehouse({ ...input, returnAddress: address }).warehouse.returnAddress).toEqual({ ...address, line2: null, country: 'FR' });
    const { problems } = checkNewWarehouse({ ...input, name: '', returnAddress: { ...address, line1: 'x'.repeat(201) } });
    expect(problems.map((p) => [p.field, p.reason])).toEqual([
      ['name', 'INVALID_LENGTH'],
      ['returnAddress.line1', 'INVALID'],
    ]);
    // A bad country is the country's problem alone, not the address's too.
    expect(checkNewWarehouse({ ...input, country: 'EU1', returnAddress: address }).problems.map((p) => p.field)).toEqual(['country']);
  });
});

describe('decideRetirement', () => {
  it('retires an empty warehouse; a retired one stays as it is', () => {
    expect(decideRetirement(empty)).toBe('RETIRE');
    expect(decideRetirement({ ...empty, retiredAt: new Date('2026-12-01T00:00:00Z') })).toBe('ALREADY_RETIRED');
  });

  it.each([
    [{ onHand: 3, reserved: 0 }, /3 units, 0 of them reserved/],
    [{ onHand: 2, reserved: 2 }, /2 units, 2 of them reserved/],
  ])('refuses while it holds units (%o)', (units, message) => {
    let thrown: unknown;
    try {
      decideRetirement({ ...empty, ...units });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ code: 'POLICY_VIOLATION', details: { rule: 'WAREHOUSE_HOLDS_STOCK', ...units } });
    expect((thrown as Error).message).toMatch(message);
  });
});

describe('checkWarehouseInUse', () => {
  it('takes a warehouse in use; names an unknown or a retired one', () => {
    expect(checkWarehouseInUse({ code: 'FR-LYS', retiredAt: null })).toEqual([]);
    expect(checkWarehouseInUse(null)).toEqual([expect.objectContaining({ field: 'warehouseId', reason: 'UNKNOWN_WAREHOUSE' })]);
    expect(checkWarehouseInUse({ code: 'FR-LYS', retiredAt: new Date() })).toEqual([
      expect.objectContaining({ field: 'warehouseId', reason: 'WAREHOUSE_RETIRED', message: expect.stringMatching(/FR-LYS is retired/) }),
    ]);
  });
});
