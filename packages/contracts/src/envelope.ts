import { z } from 'zod';

/**
 * Every event on the bus travels in this envelope (CloudEvents-like). `data`
 * is validated separately against the schema registered for `type`+`version`.
 */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  source: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  subject: z.string().min(1),
  version: z.number().int().positive(),
  data: z.unknown(),
});

export type EventEnvelope<TData = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'data'> & { data: TData };

/** Message headers carried next to the envelope (Kafka headers / embedded bus columns). */
export const eventHeaders = {
  requestId: 'x-request-id',
  eventType: 'ce-type',
  eventId: 'ce-id',
} as const;
