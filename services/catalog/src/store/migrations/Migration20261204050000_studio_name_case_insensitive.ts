import { Migration } from '@mikro-orm/migrations';

/**
 * Studio names are unique whatever their case ("Good Smile" and "good smile"
 * are one studio). Hand-written: an expression index. Fails, naming the
 * index, if the table already holds two names that differ only in case
 * (rename one, then migrate).
 */
export class Migration20261204050000_studio_name_case_insensitive extends Migration {

  override name = 'Migration20261204050000_studio_name_case_insensitive';

  override up(): void | Promise<void> {
    this.addSql(`create unique index "studio_name_lower_unique" on "catalog"."studio" (lower("name"));`);
    this.addSql(`alter table "catalog"."studio" drop constraint "studio_name_unique";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "catalog"."studio" add constraint "studio_name_unique" unique ("name");`);
    this.addSql(`drop index "catalog"."studio_name_lower_unique";`);
  }

}
