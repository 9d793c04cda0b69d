import { eventEnvelopeSchema, findEventDefinition, type EventEnvelope } from '@vitrine/contracts';

export type ParsedEvent =
  { ok: true; envelope: EventEnvelope } | { ok: false; reason: 'MALFORMED_JSON' | 'INVALID_ENVELOPE' | 'UNKNOWN_EVENT' | 'INVALID_DATA'; error: string };

/**
 * Tolerant reader: unknown extra fields pass (additive changes within a
 * version), but a message that breaks its schema is refused, never half-applied.
 * `wanted` says which events the reader will apply: the data of any other is
 * left unread (a consumer on a shared topic passes most of its events over,
 * and checking their data was most of what reading them cost). Their
 * envelope is still checked, and an event no version of the contracts knows
 * is still refused.
 */
export function parseEvent(raw: string, wanted: (type: string, version: number) => boolean = () => true): ParsedEvent {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { ok: false, reason: 'MALFORMED_JSON', error: String(err) };
  }
  const envelope = eventEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: 'INVALID_ENVELOPE', error: envelope.error.message };
  const definition = findEventDefinition(envelope.data.type, envelope.data.version);
  if (!definition) {
    return { ok: false, reason: 'UNKNOWN_EVENT', error: `no schema for ${envelope.data.type}@${envelope.data.version}` };
  }
  if (!wanted(definition.type, definition.version)) return { ok: true, envelope: envelope.data };
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: 'INVALID_DATA', error: data.error.message };
  return { ok: true, envelope: { ...envelope.data, data: data.data } };
}
