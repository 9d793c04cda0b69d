import { Migration } from '@mikro-orm/migrations';

export class Migration20261125115246_customer_flags extends Migration {

  override name = 'Migration20261125115246_customer_flags';

  override up(): void | Promise<void> {
    this.addSql(`create table "accounts"."customer_flag" ("id" uuid not null, "customer_id" uuid not null, "flag" varchar(32) not null, "reason" varchar(500) not null, "flagged_by" uuid not null, "flagged_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "accounts"."customer_flag" add constraint "customer_flag_customer_id_flag_unique" unique ("customer_id", "flag");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "accounts"."customer_flag" cascade;`);
  }

}
