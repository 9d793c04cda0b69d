import { defineEntity, p } from '@mikro-orm/core';

/**
 * Who changed what, and when: a service that audits lists this entity and
 * writes an entry in the same transaction as the change it records.
 */
export const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  properties: {
    id: p.uuid().primary(),
    /** The signed-in account that acted; null or a fixed system id for the platform itself. */
    actor: p.uuid().nullable(),
    action: p.string().length(64),
    /** What was acted on: a customer, product, key... id. */
    subject: p.string().length(128).index(),
    details: p.json<Record<string, unknown>>(),
    at: p.datetime().onCreate(() => new Date()),
  },
});

export class AuditEntry extends AuditEntrySchema.class {}
AuditEntrySchema.setClass(AuditEntry);
