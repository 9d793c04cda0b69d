import { describe, expect, it } from 'vitest';
import { DomainError } from '@vitrine/platform/domain';
import { allowedStatusMoves, assertStatusChange, productStatuses, productStatusTransitions } from './product-status.js';

const allowed = new Set([
  'ANNOUNCED>PREORDER',
  'ANNOUNCED>RELEASED',
  'ANNOUNCED>DISCONTINUED',
  'PREORDER>PREORDER_CLOSED',
  'PREORDER>DISCONTINUED',
  'PREORDER_CLOSED>RELEASED',
  'PREORDER_CLOSED>PREORDER',
  'PREORDER_CLOSED>DISCONTINUED',
  'RELEASED>IN_STOCK',
  'RELEASED>CHINA_STOCK',
  'RELEASED>SOLD_OUT',
  'IN_STOCK>CHINA_STOCK',
  'IN_STOCK>SOLD_OUT',
  'IN_STOCK>DISCONTINUED',
  'CHINA_STOCK>IN_STOCK',
  'CHINA_STOCK>SOLD_OUT',
  'CHINA_STOCK>DISCONTINUED',
  'SOLD_OUT>IN_STOCK',
  'SOLD_OUT>CHINA_STOCK',
  'SOLD_OUT>DISCONTINUED',
]);
const pairs = productStatuses.flatMap((from) => productStatuses.map((to) => [from, to] as const));

describe('product status transitions', () => {
  it('the table is exactly the documented moves', () => {
    const table = Object.entries(productStatusTransitions).flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`));
    expect(new Set(table)).toEqual(allowed);
    expect(pairs).toHaveLength(64);
  });

  it.each(pairs.filter(([from, to]) => allowed.has(`${from}>${to}`)))('allows %s -> %s', (from, to) => {
    expect(() => assertStatusChange(from, to)).not.toThrow();
  });

  it.each(pairs.filter(([from, to]) => !allowed.has(`${from}>${to}`)))('refuses %s -> %s with POLICY_VIOLATION', (from, to) => {
    let error: unknown;
    try {
      assertStatusChange(from, to);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'POLICY_VIOLATION', details: { rule: 'PRODUCT_STATUS_TRANSITION', from, to } });
  });

  // The list staff are offered and the move the mutation makes cannot drift: both read the table.
  it.each(productStatuses)('from %s, every listed move is allowed and every other one refused', (from) => {
    const listed = allowedStatusMoves(from);
    expect(listed).toEqual(productStatuses.filter((to) => allowed.has(`${from}>${to}`)));
    for (const to of productStatuses) {
      if (listed.includes(to)) expect(() => assertStatusChange(from, to)).not.toThrow();
      else expect(() => assertStatusChange(from, to)).toThrow(DomainError);
    }
  });

  it('offers nothing from DISCONTINUED and never the status it is in', () => {
    expect(allowedStatusMoves('DISCONTINUED')).toEqual([]);
    for (const from of productStatuses) expect(allowedStatusMoves(from)).not.toContain(from);
  });

  it('DISCONTINUED is terminal', () => {
    expect(productStatusTransitions.DISCONTINUED).toEqual([]);
  });
});
