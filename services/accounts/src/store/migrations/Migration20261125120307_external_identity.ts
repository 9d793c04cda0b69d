import { Migration } from '@mikro-orm/migrations';

export class Migration20261125120307_external_identity extends Migration {

  override name = 'Migration20261125120307_external_identity';

  override up(): void | Promise<void> {
    this.addSql(`create table "accounts"."external_identity" ("id" uuid not null, "provider" varchar(32) not null, "subject" varchar(255) not null, "customer_id" uuid not null, "created_at" timestamptz not null, "last_used_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "external_identity_customer_id_index" on "accounts"."external_identity" ("customer_id");`);
    this.addSql(`alter table "accounts"."external_identity" add constraint "external_identity_provider_subject_unique" unique ("provider", "subject");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "accounts"."external_identity" cascade;`);
  }

}
