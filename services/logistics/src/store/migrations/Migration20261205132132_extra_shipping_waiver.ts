import { Migration } from '@mikro-orm/migrations';

export class Migration20261205132132_extra_shipping_waiver extends Migration {

  override name = 'Migration20261205132132_extra_shipping_waiver';

  override up(): void | Promise<void> {
    // Staff may waive a parcel's unpaid extra shipping invoices: the waiver (when, who, why, how much) on the shipment, each invoice waived on its order.
    this.addSql(`alter table "logistics"."shipment" add "extra_waived_at" timestamptz(3) null, add "extra_waived_by" uuid null, add "extra_waiver_reason" varchar(500) null, add "extra_waived_amount" int null;`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_extra_waiver_complete" check ((extra_waived_at is null) = (extra_waived_by is null) and (extra_waived_at is null) = (extra_waiver_reason is null) and (extra_waived_at is null) = (extra_waived_amount is null) and coalesce(extra_waived_amount, 1) > 0);`);

    this.addSql(`alter table "logistics"."shipment_order" add "invoice_waived_at" timestamptz(3) null;`);
    this.addSql(`alter table "logistics"."shipment_order" add constraint "shipment_order_invoice_paid_or_waived" check (invoice_paid_at is null or invoice_waived_at is null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "logistics"."shipment_order" drop constraint "shipment_order_invoice_paid_or_waived";`);
    this.addSql(`alter table "logistics"."shipment_order" drop column "invoice_waived_at";`);

    this.addSql(`alter table "logistics"."shipment" drop constraint "shipment_extra_waiver_complete";`);
    this.addSql(`alter table "logistics"."shipment" drop column "extra_waived_at", drop column "extra_waived_by", drop column "extra_waiver_reason", drop column "extra_waived_amount";`);
  }

}
