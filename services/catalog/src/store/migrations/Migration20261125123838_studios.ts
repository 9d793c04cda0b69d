import { Migration } from '@mikro-orm/migrations';

export class Migration20261125123838_studios extends Migration {

  override name = 'Migration20261125123838_studios';

  override up(): void | Promise<void> {
    this.addSql(`create table "catalog"."studio" ("id" uuid not null, "name" varchar(120) not null, "country" varchar(2) not null, "contact_email" varchar(254) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "catalog"."studio" add constraint "studio_name_unique" unique ("name");`);

    this.addSql(`alter table "catalog"."product" add "studio_id" uuid null;`);
    this.addSql(`create index "product_studio_id_index" on "catalog"."product" ("studio_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "catalog"."studio" cascade;`);

    this.addSql(`drop index "catalog"."product_studio_id_index";`);
    this.addSql(`alter table "catalog"."product" drop column "studio_id";`);
  }

}
