import { defineEntity, p } from '@mikro-orm/core';

/** Which staff member changed what in the catalog, and when: written in the same transaction as the change. */
export const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  properties: {
    id: p.uuid().primary(),
    /** The signed-in staff member; null for the system (demo seed). */
    actor: p.uuid().nullable(),
    action: p.string().length(64),
    /** What was acted on, e.g. a product id. */
    subject: p.string().length(128).index(),
    details: p.json<Record<string, unknown>>(),
    at: p.datetime().onCreate(() => new Date()),
  },
});

export class AuditEntry extends AuditEntrySchema.class {}
AuditEntrySchema.setClass(AuditEntry);
