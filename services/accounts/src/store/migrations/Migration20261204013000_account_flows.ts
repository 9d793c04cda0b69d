import { Migration } from '@mikro-orm/migrations';

export class Migration20261204013000_account_flows extends Migration {

  override name = 'Migration20261204013000_account_flows';

  override up(): void | Promise<void> {
    this.addSql(`create table "accounts"."account_token" ("id" uuid not null, "customer_id" uuid not null, "purpose" varchar(24) not null, "token_hash" varchar(64) not null, "new_email" varchar(254) null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "account_token_customer_id_index" on "accounts"."account_token" ("customer_id");`);
    this.addSql(`alter table "accounts"."account_token" add constraint "account_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "accounts"."customer" add "email_verified_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "accounts"."account_token" cascade;`);

    this.addSql(`alter table "accounts"."customer" drop column "email_verified_at";`);
  }

}
