import { Migration } from '@mikro-orm/migrations';

export class Migration20261204171200_consolidation_and_carrier_port extends Migration {

  override name = 'Migration20261204171200_consolidation_and_carrier_port';

  override up(): void | Promise<void> {
    this.addSql(`create table "logistics"."carrier_webhook_event" ("carrier" varchar(40) not null, "event_id" varchar(255) not null, "tracking_number" varchar(80) not null, "reported_status" varchar(40) not null, "outcome" varchar(16) not null, "received_at" timestamptz(3) not null, primary key ("carrier", "event_id"));`);
    this.addSql(`create index "carrier_webhook_event_received_at_index" on "logistics"."carrier_webhook_event" ("received_at");`);

    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_dispatched_has_tracking";`);
    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_status_known";`);
    this.addSql(`alter table "logistics"."shipment" add "consolidated_into" uuid null;`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_carrier_tracking_number_unique" unique ("carrier", "tracking_number");`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_consolidated_has_target" check ((status = 'CONSOLIDATED') = (consolidated_into is not null));`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_dispatched_has_tracking" check (status not in ('DISPATCHED', 'DELIVERED', 'RETURNED_TO_SENDER') or tracking_number is not null);`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_status_known" check (status in ('OPEN', 'AWAITING_PAYMENT', 'READY', 'DISPATCHED', 'DELIVERED', 'RETURNED_TO_SENDER', 'CONSOLIDATED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "logistics"."carrier_webhook_event" cascade;`);

    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_carrier_tracking_number_unique";`);
    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_consolidated_has_target";`);
    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_status_known";`);
    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_dispatched_has_tracking";`);
    this.addSql(`alter table "logistics"."shipment" drop column "consolidated_into";`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_status_known" check ("status" in ('OPEN', 'AWAITING_PAYMENT', 'READY', 'DISPATCHED', 'DELIVERED', 'RETURNED_TO_SENDER'));`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_dispatched_has_tracking" check ((status <> ALL (ARRAY['DISPATCHED'::character varying, 'DELIVERED'::character varying, 'RETURNED_TO_SENDER'::character varying])) OR (tracking_number IS NOT NULL));`);
  }

}
