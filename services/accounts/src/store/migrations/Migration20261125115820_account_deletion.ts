import { Migration } from '@mikro-orm/migrations';

export class Migration20261125115820_account_deletion extends Migration {

  override name = 'Migration20261125115820_account_deletion';

  override up(): void | Promise<void> {
    this.addSql(`create table "accounts"."known_order" ("order_id" uuid not null, "customer_id" uuid null, "status" varchar(32) not null, "updated_at" timestamptz not null, primary key ("order_id"));`);
    this.addSql(`create index "known_order_customer_id_index" on "accounts"."known_order" ("customer_id");`);

    this.addSql(`alter table "accounts"."customer" add "deleted_at" timestamptz null;`);
    this.addSql(`alter table "accounts"."customer" alter column "password_hash" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "accounts"."known_order" cascade;`);

    this.addSql(`alter table "accounts"."customer" drop column "deleted_at";`);
    this.addSql(`alter table "accounts"."customer" alter column "password_hash" set not null;`);
  }

}
