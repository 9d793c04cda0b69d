import { Field, ID, ObjectType } from 'type-graphql';
import type { AuditEntry } from '@vitrine/platform';

@ObjectType('CatalogAuditEntry', { description: 'Who changed what, and when (staff only).' })
export class CatalogAuditEntryType {
  @Field(() => String, { description: 'e.g. product.status-changed, preorder.opened, stock.adjusted.' })
  action!: string;

  @Field(() => ID, { nullable: true, description: 'The staff member (or the demo seed); null: catalog on its own.' })
  actorId!: string | null;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'The details recorded with the change, as a JSON object.' })
  details!: string;

  static from(entry: AuditEntry): CatalogAuditEntryType {
    return Object.assign(new CatalogAuditEntryType(), {
      action: entry.action,
      actorId: entry.actor ?? null,
      at: entry.at,
      details: JSON.stringify(entry.details),
    });
  }
}
