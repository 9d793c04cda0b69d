import { Migration } from '@mikro-orm/migrations';

export class Migration20261205093550_identity_labels extends Migration {

  override name = 'Migration20261205093550_identity_labels';

  override up(): void | Promise<void> {
    this.addSql(`alter table "accounts"."external_identity" add "label" varchar(254) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "accounts"."external_identity" drop column "label";`);
  }

}
