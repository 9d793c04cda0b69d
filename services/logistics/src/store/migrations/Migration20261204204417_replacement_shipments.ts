import { Migration } from '@mikro-orm/migrations';

export class Migration20261204204417_replacement_shipments extends Migration {

  override name = 'Migration20261204204417_replacement_shipments';

  override up(): void | Promise<void> {
    // A claim's replacement part or exchange travels as its own shipment, at the store's cost; a part waits for the studio (AWAITING_PART).
    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_status_known";`);
    this.addSql(`alter table "logistics"."shipment" add "kind" varchar(16) not null default 'ORDER', add "claim_id" uuid null, add "replaces_order_id" uuid null, add "replacement" jsonb null, add "ready_from" varchar(10) null;`);
    this.addSql(`create index "shipment_replaces_order_id_index" on "logistics"."shipment" ("replaces_order_id");`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_claim_unique" unique ("claim_id");`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_kind_known" check (kind in ('ORDER', 'REPLACEMENT'));`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_replacement_has_claim" check ((kind = 'REPLACEMENT') = (claim_id is not null and replaces_order_id is not null));`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_status_known" check (status in ('OPEN', 'AWAITING_PART', 'AWAITING_PAYMENT', 'READY', 'DISPATCHED', 'DELIVERED', 'RETURNED_TO_SENDER', 'CONSOLIDATED'));`);
  }

  override down(): void | Promise<void> {
    // Replacement shipments cannot be kept without their columns.
    this.addSql(`delete from "logistics"."tracking_event" where "shipment_id" in (select "id" from "logistics"."shipment" where "kind" = 'REPLACEMENT');`);
    this.addSql(`delete from "logistics"."shipment" where "kind" = 'REPLACEMENT';`);
    this.addSql(`drop index "logistics"."shipment_replaces_order_id_index";`);
    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_claim_unique";`);
    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_kind_known";`);
    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_replacement_has_claim";`);
    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_status_known";`);
    this.addSql(`alter table "logistics"."shipment" drop column "kind", drop column "claim_id", drop column "replaces_order_id", drop column "replacement", drop column "ready_from";`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_status_known" check ("status" in ('OPEN', 'AWAITING_PAYMENT', 'READY', 'DISPATCHED', 'DELIVERED', 'RETURNED_TO_SENDER', 'CONSOLIDATED'));`);
  }

}
