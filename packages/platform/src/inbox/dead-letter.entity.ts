import { defineEntity, p } from '@mikro-orm/core';

/**
 * A message this service could not accept (malformed, unknown schema, or a
 * handler that kept failing). Parked with its raw bytes so staff can inspect
 * and replay it; the consumer moves on instead of crashing or looping.
 */
export const DeadLetterSchema = defineEntity({
  name: 'DeadLetter',
  tableName: 'inbox_dead_letter',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    topic: p.string(),
    partition: p.integer(),
    offset: p.string(),
    key: p.string().nullable(),
    value: p.text(),
    headers: p.json<Record<string, string>>(),
    reason: p.string(),
    error: p.text(),
    receivedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class DeadLetter extends DeadLetterSchema.class {}
DeadLetterSchema.setClass(DeadLetter);
