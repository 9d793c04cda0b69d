import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@vitrine/testing';
import { eventLatencies, eventLatencySection, workloadLatency, worstP99 } from './event-latency.js';

// The bench's event latency read from real outbox and inbox tables: a producer schema, two consumer schemas.
let db: pg.Client;
const since = new Date('2026-12-01T00:00:00Z');
const at = (ms: number) => new Date(since.getTime() + ms).toISOString();

beforeAll(async () => {
  db = new pg.Client({ connectionString: await createTestDatabase('event_latency') });
  await db.connect();
  for (const schema of ['orders', 'catalog', 'payments']) {
    await db.query(`create schema ${schema}`);
    await db.query(`create table ${schema}.inbox_processed_event (event_id uuid primary key, type text not null, processed_at timestamptz not null)`);
  }
  await db.query(`create table orders.outbox_message (seq bigserial primary key, event_id uuid unique, topic text not null, created_at timestamptz not null)`);
  const events = [
    // Ten OrderPlaced, consumed by catalog 10..100 ms later and by payments 200 ms later; one older than the run.
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
      topic: 'orders.order',
      created: 1000 * i,
    })),
    { id: '00000000-0000-4000-8000-000000000099', topic: 'orders.order', created: -60_000 },
  ];
  // notifications forwards public events onto partners.* topics under the same id, later: not a second production.
  await db.query(`create schema notifications`);
  await db.query(`create table notifications.outbox_message (seq bigserial primary key, event_id uuid, topic text not null, created_at timestamptz not null)`);
  for (const [i, e] of events.entries()) {
    await db.query(`insert into notifications.outbox_message (event_id, topic, created_at) values ($1, 'partners.orders.order.v1', $2)`, [
      e.id,
      at(e.created + 500),
    ]);
    await db.query(`insert into orders.outbox_message (event_id, topic, created_at) values ($1, $2, $3)`, [e.id, e.topic, at(e.created)]);
    await db.query(`insert into catalog.inbox_processed_event values ($1, 'OrderPlaced', $2)`, [e.id, at(e.created + 10 * (i + 1))]);
    if (e.created >= 0) await db.query(`insert into payments.inbox_processed_event values ($1, 'OrderPlaced', $2)`, [e.id, at(e.created + 200)]);
  }
}, 60_000);
afterAll(() => db?.end());

describe('eventLatencies', () => {
  it('gives each topic and consumer its percentiles, over the events written since the run began', async () => {
    const latencies = await eventLatencies(db, since);
    expect(latencies).toHaveLength(2);
    const [catalog, payments] = latencies;
    expect(catalog).toMatchObject({ topic: 'orders.order', consumer: 'catalog', events: 10, maxMs: 100 });
    expect(catalog!.p50Ms).toBeCloseTo(55, 5);
    expect(catalog!.p99Ms).toBeCloseTo(99.1, 5);
    expect(payments).toMatchObject({ topic: 'orders.order', consumer: 'payments', events: 10, p50Ms: 200, p99Ms: 200, maxMs: 200 });
    expect(worstP99(latencies)?.consumer).toBe('payments');
    expect(eventLatencySection(latencies, 'kafka')).toContain('| orders.order | payments | 10 | 200.0 | 200.0 | 200.0 |');
  });

  it('takes only the events written before `until` when given one, however late they were consumed', async () => {
    // OrderPlaced 0-4 were written at 0-4 s (their copies on partners.* half a second later are not productions).
    const latencies = await eventLatencies(db, since, new Date(since.getTime() + 4500));
    expect(latencies.map((l) => [l.consumer, l.events, l.maxMs])).toEqual([
      ['catalog', 5, 50],
      ['payments', 5, 200],
    ]);
  });

  it("gives each workload's window its events and slowest topic, and the section a row per workload", async () => {
    const window = { workload: '(b) placeOrder', load: '50 connections', from: since, to: new Date(since.getTime() + 4500) };
    const placing = await workloadLatency(db, window);
    expect(placing).toMatchObject({ workload: '(b) placeOrder', events: 10, slowest: { consumer: 'payments', p99Ms: 200 } });
    const later = new Date('2027-01-01T00:00:00Z');
    const idle = await workloadLatency(db, { ...window, workload: 'soak', from: later, to: new Date(later.getTime() + 1000) });
    expect(idle).toMatchObject({ events: 0, slowest: undefined });
    const text = eventLatencySection(await eventLatencies(db, since), 'embedded', [placing, idle]).join('\n');
    expect(text).toContain('| (b) placeOrder | 50 connections | 10 | orders.order -> payments | 200.0 | 200.0 | 200.0 |');
    expect(text).toContain('| soak | 50 connections | 0 | - | - | - | - |');
  });

  it('is empty when nothing was consumed since', async () => {
    expect(await eventLatencies(db, new Date('2027-01-01T00:00:00Z'))).toEqual([]);
    expect(eventLatencySection([], 'embedded')).toContain('No event was consumed during the run.');
  });
});
