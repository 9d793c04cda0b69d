import { Migration } from '@mikro-orm/migrations';

export class Migration20261205093000_partner_removal extends Migration {

  override name = 'Migration20261205093000_partner_removal';

  override up(): void | Promise<void> {
    // Staff remove a partner: it is kept (its delivery log stays readable) with when and by whom.
    this.addSql(`alter table "notifications"."partner" add column "removed_at" timestamptz(3) null, add column "removed_by" uuid null;`);
    // A waiting delivery never sent (its partner removed, or no longer receiving its event type) says so.
    this.addSql(`alter table "notifications"."webhook_delivery" add column "cancelled_reason" text null;`);
    this.addSql(`alter table "notifications"."webhook_delivery" drop constraint "webhook_delivery_status_known";`);
    this.addSql(`alter table "notifications"."webhook_delivery" add constraint "webhook_delivery_status_known" check (status in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'));`);
    this.addSql(`alter table "notifications"."webhook_delivery" add constraint "webhook_delivery_cancelled_says_why" check ((status = 'CANCELLED') = (cancelled_reason is not null));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notifications"."webhook_delivery" drop constraint "webhook_delivery_cancelled_says_why";`);
    this.addSql(`alter table "notifications"."webhook_delivery" drop constraint "webhook_delivery_status_known";`);
    this.addSql(`update "notifications"."webhook_delivery" set "status" = 'FAILED' where "status" = 'CANCELLED';`);
    this.addSql(`alter table "notifications"."webhook_delivery" add constraint "webhook_delivery_status_known" check (status in ('PENDING', 'DELIVERED', 'FAILED'));`);
    this.addSql(`alter table "notifications"."webhook_delivery" drop column "cancelled_reason";`);
    this.addSql(`alter table "notifications"."partner" drop column "removed_at", drop column "removed_by";`);
  }

}
