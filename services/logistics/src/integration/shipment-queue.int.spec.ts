import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '@vitrine/platform';
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootLogistics, type LogisticsHarness } from './harness.js';

// The staff queue by pages. Its rows are written in SQL, each test in a warehouse of its own, so the filter and the
// page edges (equal opening times) are exactly what the test makes.

let h: LogisticsHarness;
let staff: TestIdentity;
beforeAll(async () => {
  h = await bootLogistics('shipment_queue');
  staff = await h.tokens.staff(['logistics:fulfil']);
});
afterAll(async () => {
  await h?.stop();
});

const queueQuery = graphql(`
  query ShipmentQueuePage($filter: ShipmentFilter, $first: Int, $after: String) {
    shipmentsConnection(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          status
          late
          openedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

async function shipment(warehouseId: string, status: string, openedAt: string, handoverBy: string | null = null): Promise<string> {
  const id = randomUUID();
  await h.sql(`insert into logistics.shipment (id, customer_id, status, warehouse_id, currency, opened_at, handover_by) values (?, ?, ?, ?, 'EUR', ?, ?)`, [
    id,
    randomUUID(),
    status,
    warehouseId,
    openedAt,
    handoverBy,
  ]);
  return id;
}

type Queue = { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };

async function readAll(filter: Record<string, unknown>, first: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const res = await gql(h.url, queueQuery, { filter, first, after }, staff.headers);
    expect(res.errors).toBeUndefined();
    const page: Queue = res.data!.shipmentsConnection;
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return { ids, pages };
    expect(page.edges).toHaveLength(first);
    after = page.pageInfo.endCursor!;
    expect(after).toBe(page.edges.at(-1)!.cursor);
  }
}

describe('the shipment queue by pages', () => {
  it('pages through what the filter keeps, oldest first, skipping and repeating nothing at equal times', async () => {
    const warehouse = randomUUID();
    const open: { id: string; at: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const at = `2026-10-0${i + 1}T09:00:00.000Z`;
      open.push({ id: await shipment(warehouse, 'OPEN', at), at });
    }
    for (let i = 0; i < 3; i++) open.push({ id: await shipment(warehouse, 'OPEN', '2026-10-02T09:00:00.000Z'), at: '2026-10-02T09:00:00.000Z' });
    await shipment(warehouse, 'READY', '2026-10-02T09:00:00.000Z');
    await shipment(randomUUID(), 'OPEN', '2026-10-02T09:00:00.000Z');
    const expected = [...open].sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1)).map((s) => s.id);

    const { ids, pages } = await readAll({ warehouseId: warehouse, statuses: ['OPEN'] }, 3);
    expect(pages).toBe(3);
    expect(ids).toEqual(expected);
    // Without the status filter the packed one is in the queue too.
    expect((await readAll({ warehouseId: warehouse }, 5)).ids).toHaveLength(8);
  });

  it('keeps the late filter across pages', async () => {
    const warehouse = randomUUID();
    const late: string[] = [];
    for (let i = 0; i < 3; i++) late.push(await shipment(warehouse, 'OPEN', `2026-09-0${i + 1}T09:00:00.000Z`, '2026-09-20T00:00:00.000Z'));
    await shipment(warehouse, 'OPEN', '2026-09-01T10:00:00.000Z', '2999-01-01T00:00:00.000Z');
    await shipment(warehouse, 'READY', '2026-09-01T11:00:00.000Z', '2026-09-20T00:00:00.000Z');
    const { ids, pages } = await readAll({ warehouseId: warehouse, late: true }, 2);
    expect(pages).toBe(2);
    expect(ids).toEqual(late);
  });

  it('refuses a cursor it did not make, a page size out of range, and anyone without the scope', async () => {
    for (const after of ['nope', encodeCursor({ seq: '1' }), encodeCursor({ at: '2026-10-01T09:00:00Z', id: randomUUID() })]) {
      const res = await gql(h.url, queueQuery, { first: 3, after }, staff.headers);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'after', reason: 'INVALID_CURSOR' }] });
    }
    const tooMany = await gql(h.url, queueQuery, { first: 101 }, staff.headers);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'first', reason: 'OUT_OF_RANGE' }] });
    const customer = await h.tokens.customer();
    expect((await gql(h.url, queueQuery, { first: 3 }, customer.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
