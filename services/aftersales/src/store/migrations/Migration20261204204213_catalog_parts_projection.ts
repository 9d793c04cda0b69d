import { Migration } from '@mikro-orm/migrations';

export class Migration20261204204213_catalog_parts_projection extends Migration {

  override name = 'Migration20261204204213_catalog_parts_projection';

  override up(): void | Promise<void> {
    // Catalog's parts list (ProductPublished `parts`): a claim names its parts from it. Products known before have none until catalog publishes them again.
    this.addSql(`create table "aftersales"."known_product_part" ("product_id" uuid not null, "position" int not null, "name" varchar(120) not null, "category" varchar(60) not null, primary key ("product_id", "position"));`);
    this.addSql(`alter table "aftersales"."known_product" add "parts_known" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "aftersales"."known_product_part" cascade;`);
    this.addSql(`alter table "aftersales"."known_product" drop column "parts_known";`);
  }

}
