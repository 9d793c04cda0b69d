import { defineEntity, p } from '@mikro-orm/core';

/** One row per consumed event: its presence makes redelivery a no-op. */
export const ProcessedEventSchema = defineEntity({
  name: 'ProcessedEvent',
  tableName: 'inbox_processed_event',
  properties: {
    eventId: p.uuid().primary(),
    type: p.string(),
    processedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class ProcessedEvent extends ProcessedEventSchema.class {}
ProcessedEventSchema.setClass(ProcessedEvent);
