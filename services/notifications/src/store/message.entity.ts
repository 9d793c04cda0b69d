import { defineEntity, p } from '@mikro-orm/core';
import { noticeKinds } from '../domain/notice.js';
import { messageStatuses } from '../domain/delivery.js';

/**
 * One email to one customer about one event: its facts when it was decided,
 * then what was sent (address, language, subject) and how it went.
 * `send_key` (event id and customer) is unique: a redelivered event, or the
 * same event seen by two replicas, never makes a second message.
 */
export const MessageSchema = defineEntity({
  name: 'Message',
  tableName: 'message',
  properties: {
    id: p.uuid().primary(),
    sendKey: p.string().length(200).unique('message_send_key_unique'),
    customerId: p.uuid().index(),
    orderId: p.uuid().nullable().index(),
    kind: p.string().length(40),
    eventId: p.uuid(),
    eventType: p.string().length(120),
    facts: p.json<Record<string, unknown>>(),
    status: p.string().length(16),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    /** Set when sent: the address, language and subject it went out with. */
    recipient: p.string().length(254).nullable(),
    language: p.string().length(2).nullable(),
    subject: p.text().nullable(),
    /**
     * The plain-text part as sent, for its customer to read again (domain/message-body.ts: bounded; an account
     * link's token replaced by words). Null until sent, for messages sent before it was kept, and once erased.
     */
    bodyText: p.text().nullable(),
    createdAt: p.datetime(3),
    sentAt: p.datetime(3).nullable(),
    nextAttemptAt: p.datetime(3).nullable(),
  },
  checks: [
    { name: 'message_status_known', expression: `status in (${messageStatuses.map((v) => `'${v}'`).join(', ')})` },
    { name: 'message_kind_known', expression: `kind in (${noticeKinds.map((v) => `'${v}'`).join(', ')})` },
  ],
  indexes: [{ name: 'message_customer_created', properties: ['customerId', 'createdAt'] }],
});

export class Message extends MessageSchema.class {}
MessageSchema.setClass(Message);

/** Its columns as plain data (a row read to send it, or the entity itself). */
export type MessageFields = { readonly [K in keyof Message as K extends string ? K : never]: Message[K] };
