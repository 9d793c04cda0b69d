import { Migration } from '@mikro-orm/migrations';

export class Migration20261125132940_product_details extends Migration {

  override name = 'Migration20261125132940_product_details';

  override up(): void | Promise<void> {
    this.addSql(`create table "catalog"."spec_change" ("id" uuid not null, "product_id" uuid not null, "changes" jsonb not null, "description" text null, "reason" varchar(500) not null, "changed_by" uuid not null, "changed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "spec_change_product_id_changed_at_index" on "catalog"."spec_change" ("product_id", "changed_at");`);

    this.addSql(`alter table "catalog"."product" add "series" varchar(120) null, add "licence" varchar(120) null, add "description" text not null default '', add "images" text[] not null default '{}', add "scale" varchar(16) null, add "material" varchar(200) null, add "weight_grams" int null, add "package_length_mm" int null, add "package_width_mm" int null, add "package_height_mm" int null, add "assembly_kind" varchar(24) not null default 'NONE', add "assembly_note" varchar(500) null, add "parts" jsonb not null default '[]', add "down_payment_amount" int null;`);
    this.addSql(`alter table "catalog"."product" add constraint "product_down_payment_below_price" check (down_payment_amount is null or (down_payment_amount > 0 and down_payment_amount < price_amount));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "catalog"."spec_change" cascade;`);

    this.addSql(`alter table "catalog"."product" drop constraint "product_down_payment_below_price";`);
    this.addSql(`alter table "catalog"."product" drop column "series", drop column "licence", drop column "description", drop column "images", drop column "scale", drop column "material", drop column "weight_grams", drop column "package_length_mm", drop column "package_width_mm", drop column "package_height_mm", drop column "assembly_kind", drop column "assembly_note", drop column "parts", drop column "down_payment_amount";`);
  }

}
