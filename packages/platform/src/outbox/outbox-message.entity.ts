import { defineEntity, p } from '@mikro-orm/core';

/**
 * An event waiting to be published. Written in the same transaction as the
 * state change it announces; the relay publishes it and stamps `sentAt`.
 */
export const OutboxMessageSchema = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  properties: {
    /** Publication order: the relay sends rows by ascending seq. */
    seq: p.bigint('number').primary().autoincrement(),
    eventId: p.uuid().unique(),
    topic: p.string(),
    key: p.string(),
    type: p.string(),
    envelope: p.json<Record<string, unknown>>(),
    headers: p.json<Record<string, string>>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable().index(),
  },
});

export class OutboxMessage extends OutboxMessageSchema.class {}
OutboxMessageSchema.setClass(OutboxMessage);
