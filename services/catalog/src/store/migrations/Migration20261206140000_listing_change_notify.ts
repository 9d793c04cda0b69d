import { Migration } from '@mikro-orm/migrations';
import { listingChannel, listingTables } from '../listing-tables.js';

/**
 * Every commit that changes what a product listing shows notifies `listingChannel` once (a statement trigger per
 * table; PostgreSQL sends one notification per channel and payload per transaction, at its commit): the listing
 * cache of each catalog process forgets its pages when it hears it.
 */
export class Migration20261206140000_listing_change_notify extends Migration {
  override name = 'Migration20261206140000_listing_change_notify';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function "catalog".listing_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('${listingChannel}', '');
        return null;
      end $$;`);
    for (const table of listingTables) {
      this.addSql(`create trigger listing_changed after insert or update or delete or truncate on "catalog"."${table}"
        for each statement execute function "catalog".listing_changed();`);
    }
  }

  override down(): void | Promise<void> {
    for (const table of listingTables) this.addSql(`drop trigger if exists listing_changed on "catalog"."${table}";`);
    this.addSql(`drop function if exists "catalog".listing_changed();`);
  }
}
