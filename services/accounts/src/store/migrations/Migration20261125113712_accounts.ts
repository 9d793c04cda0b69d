import { Migration } from '@mikro-orm/migrations';

export class Migration20261125113712_accounts extends Migration {

  override name = 'Migration20261125113712_accounts';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "accounts";`);

    this.addSql(`create table "accounts"."customer" ("id" uuid not null, "email" varchar(254) not null, "password_hash" text not null, "display_name" varchar(200) not null, "country" varchar(2) not null, "roles" text[] not null, "granted_scopes" text[] not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "accounts"."customer" add constraint "customer_email_unique" unique ("email");`);

    this.addSql(`create table "accounts"."login_attempt" ("id" bigserial primary key, "email" varchar(254) not null, "client_address" varchar(64) not null, "failed_at" timestamptz not null, "counts_for_account" boolean not null default true);`);
    this.addSql(`create index "login_attempt_email_failed_at_index" on "accounts"."login_attempt" ("email", "failed_at");`);
    this.addSql(`create index "login_attempt_client_address_failed_at_index" on "accounts"."login_attempt" ("client_address", "failed_at");`);
    this.addSql(`create index "login_attempt_failed_at_index" on "accounts"."login_attempt" ("failed_at");`);

    this.addSql(`create table "accounts"."refresh_token" ("id" uuid not null, "family_id" uuid not null, "customer_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, "replaced_by" uuid null, primary key ("id"));`);
    this.addSql(`create index "refresh_token_family_id_index" on "accounts"."refresh_token" ("family_id");`);
    this.addSql(`create index "refresh_token_customer_id_index" on "accounts"."refresh_token" ("customer_id");`);
    this.addSql(`alter table "accounts"."refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "accounts"."signing_key" ("kid" varchar(64) not null, "algorithm" varchar(16) not null, "public_jwk" jsonb not null, "private_jwk" jsonb not null, "created_at" timestamptz not null, "retired_at" timestamptz null, primary key ("kid"));`);
    this.addSql(`create unique index "signing_key_one_active_per_algorithm" on "accounts"."signing_key" ("algorithm") where retired_at is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "accounts"."customer" cascade;`);
    this.addSql(`drop table if exists "accounts"."login_attempt" cascade;`);
    this.addSql(`drop table if exists "accounts"."refresh_token" cascade;`);
    this.addSql(`drop table if exists "accounts"."signing_key" cascade;`);

    this.addSql(`drop schema if exists "accounts";`);
  }

}
