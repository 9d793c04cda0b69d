import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogService } from '../catalog-service.js';
import { AuditEntry, onTimer, scheduleTimer, type DueTimer, type RunningService } from '@vitrine/platform';
import { bootService, createTestDatabase, createTopicPrefix, eventually } from '@vitrine/testing';

let catalog: RunningService;
const seen: DueTimer[] = [];

beforeAll(async () => {
  // A real service definition plus one timer handler: startService must run the scheduler on it (embedded transport, no token needed).
  const ping = onTimer('e2e-ping', async (timer, em) => {
    seen.push(timer);
    em.persist(em.create(AuditEntry, { id: randomUUID(), actor: null, action: 'timer.fired', subject: timer.key, details: timer.payload }));
  });
  catalog = await bootService(
    { ...catalogService, timers: [ping] },
    {
      databaseUrl: await createTestDatabase('timers'),
      topicPrefix: createTopicPrefix('timers'),
      transport: 'embedded',
      extra: { TIMER_POLL_MS: '100' },
    },
  );
});
afterAll(async () => {
  await catalog?.stop();
});

describe('durable timers in a running service', () => {
  it("fires a due timer through the definition's handler, its writes committed with the firing", async () => {
    expect(catalog.timers).toBeDefined();
    const key = `ping-${randomUUID()}`;
    await catalog.orm.em.fork().transactional((em) => scheduleTimer(em, { kind: 'e2e-ping', key, dueAt: new Date(), payload: { hello: 'world' } }));

    const rows = await eventually(async () => {
      const found = await catalog.orm.em
        .fork()
        .getConnection()
        .execute<{ action: string; details: unknown }[]>('select action, details from catalog.audit_entry where subject = ?', [key]);
      return found.length > 0 && found;
    });
    expect(rows).toEqual([{ action: 'timer.fired', details: { hello: 'world' } }]);
    expect(seen.filter((t) => t.key === key).map((t) => [t.kind, t.payload, t.attempts])).toEqual([['e2e-ping', { hello: 'world' }, 0]]);
    const [timer] = await catalog.orm.em
      .fork()
      .getConnection()
      .execute<{ fired: boolean }[]>(`select fired_at is not null as fired from catalog.scheduled_timer where kind = 'e2e-ping' and key = ?`, [key]);
    expect(timer).toEqual({ fired: true });
  });
});
