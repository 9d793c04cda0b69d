import { Migration } from '@mikro-orm/migrations';

export class Migration20261125121419_staged_key_rotation extends Migration {

  override name = 'Migration20261125121419_staged_key_rotation';

  override up(): void | Promise<void> {
    // Existing keys started signing when they were created.
    this.addSql(`alter table "accounts"."signing_key" add "activates_at" timestamptz null;`);
    this.addSql(`update "accounts"."signing_key" set "activates_at" = "created_at";`);
    this.addSql(`alter table "accounts"."signing_key" alter column "activates_at" set not null;`);
    // Same index, new meaning: at most one key without a successor (the pending key, else the active one).
    this.addSql(`alter index "accounts"."signing_key_one_active_per_algorithm" rename to "signing_key_one_latest_per_algorithm";`);
  }

  override down(): void | Promise<void> {
    // Before staging, retired_at null meant "signing": drop keys not signing yet (they signed nothing)
    // and give back its open end to the key they were to replace.
    this.addSql(`delete from "accounts"."signing_key" where "activates_at" > now();`);
    this.addSql(`update "accounts"."signing_key" set "retired_at" = null where "retired_at" > now();`);
    this.addSql(`alter table "accounts"."signing_key" drop column "activates_at";`);
    this.addSql(`alter index "accounts"."signing_key_one_latest_per_algorithm" rename to "signing_key_one_active_per_algorithm";`);
  }

}
