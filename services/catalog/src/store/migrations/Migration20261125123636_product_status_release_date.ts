import { Migration } from '@mikro-orm/migrations';

export class Migration20261125123636_product_status_release_date extends Migration {

  override name = 'Migration20261125123636_product_status_release_date';

  override up(): void | Promise<void> {

    this.addSql(`create table "catalog"."release_date_change" ("id" uuid not null, "product_id" uuid not null, "old_estimate" varchar(10) null, "new_estimate" varchar(10) not null, "reason" varchar(500) not null, "changed_by" uuid not null, "changed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "release_date_change_product_id_changed_at_index" on "catalog"."release_date_change" ("product_id", "changed_at");`);

    this.addSql(`alter table "catalog"."product" add "status" varchar(24) not null default 'IN_STOCK', add "release_estimate" varchar(10) null;`);
    this.addSql(`alter table "catalog"."product" add constraint "product_status_known" check (status in ('ANNOUNCED', 'PREORDER', 'PREORDER_CLOSED', 'RELEASED', 'IN_STOCK', 'CHINA_STOCK', 'SOLD_OUT', 'DISCONTINUED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "catalog"."release_date_change" cascade;`);

    this.addSql(`alter table "catalog"."product" drop constraint "product_status_known";`);
    this.addSql(`alter table "catalog"."product" drop column "status", drop column "release_estimate";`);
  }

}
