import { eventEnvelopeSchema, findEventDefinition, type EventEnvelope } from '@vitrine/contracts';

export type ParsedEvent =
  { ok: true; envelope: EventEnvelope } | { ok: false; reason: 'MALFORMED_JSON' | 'INVALID_ENVELOPE' | 'UNKNOWN_EVENT' | 'INVALID_DATA'; error: string };

/**
 * Tolerant reader: unknown extra fields pass (additive changes within a
 * version), but a message that breaks its schema is refused, never half-applied.
 */
export function parseEvent(raw: string): ParsedEvent {
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
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: 'INVALID_DATA', error: data.error.message };
  return { ok: true, envelope: { ...envelope.data, data: data.data } };
}
