import { Migration } from '@mikro-orm/migrations';

export class Migration20261204172004_partner_credentials extends Migration {

  override name = 'Migration20261204172004_partner_credentials';

  override up(): void | Promise<void> {
    this.addSql(`create table "accounts"."partner_credential" ("client_id" uuid not null, "partner_id" uuid not null, "name" varchar(100) not null, "secret_hash" varchar(64) not null, "scopes" text[] not null default '{}', "created_by" uuid null, "created_at" timestamptz not null, "revoked_at" timestamptz null, primary key ("client_id"));`);
    this.addSql(`create index "partner_credential_partner_id_index" on "accounts"."partner_credential" ("partner_id");`);
    this.addSql(`alter table "accounts"."partner_credential" add constraint "partner_credential_secret_hash_unique" unique ("secret_hash");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "accounts"."partner_credential" cascade;`);
  }

}
