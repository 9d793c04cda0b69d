import { Migration } from '@mikro-orm/migrations';

export class Migration20261204035827_initial extends Migration {

  override name = 'Migration20261204035827_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "notifications"."customer_contact" ("customer_id" uuid not null, "email" varchar(254) null, "display_name" varchar(200) null, "language" varchar(2) null, "contact_changed_at" timestamptz null, "erased_at" timestamptz null, primary key ("customer_id"));`);

    this.addSql(`create table "notifications"."delivery_attempt" ("id" uuid not null, "message_id" uuid not null, "attempted_at" timestamptz(3) not null, "outcome" varchar(16) not null, "detail" text not null, "duration_ms" int not null, primary key ("id"));`);
    this.addSql(`create index "delivery_attempt_message_id_index" on "notifications"."delivery_attempt" ("message_id");`);

    this.addSql(`create table "notifications"."known_order" ("order_id" uuid not null, "customer_id" uuid null, "status" varchar(32) not null, "product_ids" text[] not null, primary key ("order_id"));`);
    this.addSql(`create index "known_order_customer_id_index" on "notifications"."known_order" ("customer_id");`);
    this.addSql(`create index "known_order_product_ids" on "notifications"."known_order" using gin ("product_ids");`);

    this.addSql(`create table "notifications"."known_product" ("product_id" uuid not null, "name" varchar(300) not null, primary key ("product_id"));`);

    this.addSql(`create table "notifications"."message" ("id" uuid not null, "send_key" varchar(200) not null, "customer_id" uuid not null, "order_id" uuid null, "kind" varchar(40) not null, "event_id" uuid not null, "event_type" varchar(120) not null, "facts" jsonb not null, "status" varchar(16) not null, "attempts" int not null default 0, "last_error" text null, "recipient" varchar(254) null, "language" varchar(2) null, "subject" text null, "created_at" timestamptz(3) not null, "sent_at" timestamptz(3) null, "next_attempt_at" timestamptz(3) null, primary key ("id"));`);
    this.addSql(`alter table "notifications"."message" add constraint "message_send_key_unique" unique ("send_key");`);
    this.addSql(`create index "message_customer_id_index" on "notifications"."message" ("customer_id");`);
    this.addSql(`create index "message_order_id_index" on "notifications"."message" ("order_id");`);
    this.addSql(`create index "message_customer_created" on "notifications"."message" ("customer_id", "created_at");`);

    this.addSql(`alter table "notifications"."delivery_attempt" add constraint "delivery_attempt_outcome_known" check (outcome in ('SENT', 'FAILED'));`);

    this.addSql(`alter table "notifications"."message" add constraint "message_status_known" check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED'));`);
    this.addSql(`alter table "notifications"."message" add constraint "message_kind_known" check (kind in ('WELCOME', 'ORDER_CONFIRMED', 'PAYMENT_DUE', 'CARD_CHARGE_SCHEDULED', 'PAYMENT_FAILED', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'CANCELLATION_OFFERED', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED', 'REFUND_ISSUED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notifications"."customer_contact" cascade;`);
    this.addSql(`drop table if exists "notifications"."delivery_attempt" cascade;`);
    this.addSql(`drop table if exists "notifications"."known_order" cascade;`);
    this.addSql(`drop table if exists "notifications"."known_product" cascade;`);
    this.addSql(`drop table if exists "notifications"."message" cascade;`);
  }

}
