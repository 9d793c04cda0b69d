import { defineEntity, p } from '@mikro-orm/core';

/** Who changed whose powers, and when: written in the same transaction as the change. */
export const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  properties: {
    id: p.uuid().primary(),
    /** The signed-in account that acted; null for the system (bootstrap at start). */
    actor: p.uuid().nullable(),
    action: p.string().length(64),
    /** What was acted on, e.g. a customer id or a key id. */
    subject: p.string().length(128).index(),
    details: p.json<Record<string, unknown>>(),
    at: p.datetime().onCreate(() => new Date()),
  },
});

export class AuditEntry extends AuditEntrySchema.class {}
AuditEntrySchema.setClass(AuditEntry);
