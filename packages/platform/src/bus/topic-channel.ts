import { createHash } from 'node:crypto';
import { embeddedBusChannel } from './embedded-bus-tables.js';

/**
 * The channel a topic's messages are announced on: only the subscriptions
 * reading the topic listen there. (On one shared channel every publish woke
 * every subscription's connection, each a transaction in PostgreSQL to read
 * the notification and a wake-up in its process, mostly to find that the
 * topics were another group's.) A hash keeps any topic name, test prefixes
 * included, within PostgreSQL's 63-byte channel names.
 */
export function topicChannel(topic: string): string {
  return `${embeddedBusChannel}_${createHash('sha256').update(topic).digest('hex').slice(0, 32)}`;
}

/** topicChannel in SQL, for a statement that notifies by itself: `topic` is a SQL expression of type text. */
export function topicChannelSql(topic: string): string {
  return `'${embeddedBusChannel}_' || left(encode(sha256(convert_to(${topic}, 'UTF8')), 'hex'), 32)`;
}
