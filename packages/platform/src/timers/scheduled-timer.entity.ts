import { defineEntity, p } from '@mikro-orm/core';

/**
 * A durable deadline (balance due, payment-error week, claim window): a row in
 * the owning service's schema that the scheduler fires once it is due. At most
 * one pending timer per (kind, key), so scheduling again moves the deadline
 * instead of adding a second one; fired and dead rows are history and do not
 * count. Times are kept to the millisecond so a JavaScript Date round-trips
 * exactly (the scheduler compares the due time it claimed).
 */
export const ScheduledTimerSchema = defineEntity({
  name: 'ScheduledTimer',
  tableName: 'scheduled_timer',
  properties: {
    id: p.uuid().primary(),
    /** What to do when due: picks the handler. */
    kind: p.string().length(64),
    /** What it is about (an order id, a claim id...): unique per kind while pending. */
    key: p.string().length(255),
    dueAt: p.datetime(3),
    payload: p.json<Record<string, unknown>>(),
    /** Failed runs so far; reset when the timer is scheduled again. */
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    /** When it was last scheduled (or moved). */
    scheduledAt: p.datetime(3),
    /** Set in the same transaction as the handler's effects. */
    firedAt: p.datetime(3).nullable(),
    /** Set after too many failed runs: kept with its error for staff, never fired automatically again. */
    deadAt: p.datetime(3).nullable(),
  },
  uniques: [{ name: 'scheduled_timer_one_pending_per_key', properties: ['kind', 'key'], where: 'fired_at is null and dead_at is null' }],
  indexes: [
    { name: 'scheduled_timer_pending_by_due', properties: ['dueAt'], where: 'fired_at is null and dead_at is null' },
    { name: 'scheduled_timer_fired_at', properties: ['firedAt'], where: 'fired_at is not null' },
  ],
});

export class ScheduledTimer extends ScheduledTimerSchema.class {}
ScheduledTimerSchema.setClass(ScheduledTimer);
