import { randomUUID } from 'node:crypto';
import { eventHeaders, type EventData, type EventDefinition } from '@vitrine/contracts';
import type { CatalogStack } from './stack.js';

/**
 * Publishes an event on the stack's real broker as the service that owns it
 * would, for producers that do not exist yet (logistics' rate cards): the
 * envelope is validated against the contract first.
 */
export async function publishAs<TDef extends EventDefinition>(
  stack: CatalogStack,
  source: string,
  definition: TDef,
  subject: string,
  data: EventData<TDef>,
): Promise<string> {
  const id = randomUUID();
  const envelope = {
    id,
    type: definition.type,
    source,
    time: new Date().toISOString(),
    subject,
    version: definition.version,
    data: definition.schema.parse(data),
  };
  await stack.catalog.bus.publish([
    {
      topic: stack.topicPrefix + definition.topic,
      key: subject,
      value: JSON.stringify(envelope),
      headers: { [eventHeaders.eventType]: definition.type, [eventHeaders.eventId]: id },
    },
  ]);
  return id;
}
