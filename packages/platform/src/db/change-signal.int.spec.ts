// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@vitrine/testing';
import { listenForChanges, type ChangeSignal } from './change-signal.js';

let url: string;
let admin: pg.Client;
const signals: ChangeSignal[] = [];
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  url = await createTestDatabase('change_signal');
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
});
afterAll(async () => {
  await Promise.all(signals.map((s) => s.stop()));
  await admin?.end();
});

async function listening(channel: string, applicationName = `signal-${randomUUID().slice(0, 8)}`) {
  const signal = await listenForChanges({ url, channel, logger, retryMs: 50, applicationName });
  signals.push(signal);
  return { signal, applicationName };
}

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`still waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a change signal', () => {
  it('moves when a transaction notifying its channel commits, not for a rollback or another channel', async () => {
    const { signal } = await listening('watched_changed');
    expect(signal.live()).toBe(true);
    const start = signal.generation();

    await admin.query('begin');
    await admin.query(`select pg_notify('watched_changed', '')`);
    await admin.query('rollback');
    await admin.query(`select pg_notify('something_else', '')`);
    // A committed notification after them: once it is heard, the ones before it would have been too.
    await admin.query(`select pg_notify('watched_changed', '')`);
    await until('the committed notification', () => signal.generation() > start);
    expect(signal.generation()).toBe(start + 1);
  });

  it('moves on a commit the process reports itself, before any notification', async () => {
    const { signal } = await listening('watched_changed_own');
    const start = signal.generation();
    signal.changed();
    expect(signal.generation()).toBe(start + 1);
  });

  it('is not live while its connection is lost, and listens again (moving on both)', async () => {
    const { signal, applicationName } = await listening('watched_changed_cut');
    const start = signal.generation();
    const cut = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`, [applicationName]);
    expect(cut.rowCount).toBe(1);
    await until('the loss to be seen', () => !signal.live());
    expect(signal.generation()).toBeGreaterThan(start);
    const lost = signal.generation();
    await until('listening again', () => signal.live());
    expect(signal.generation()).toBeGreaterThan(lost);
    const again = signal.generation();
    await admin.query(`select pg_notify('watched_changed_cut', '')`);
    await until('a notification after the reconnection', () => signal.generation() > again);
  });

  it('is not live once stopped', async () => {
    const { signal } = await listening('watched_changed_stop');
    const before = signal.generation();
    await signal.stop();
    expect(signal.live()).toBe(false);
    expect(signal.generation()).toBeGreaterThan(before);
  });
});
