import { Migration } from '@mikro-orm/migrations';

/**
 * Accent-insensitive product search ("Lumiere" finds "Lumière"): PostgreSQL's
 * unaccent extension (contrib; a trusted extension, so the database owner may
 * create it) in catalog's schema, and catalog.fold_search(text), lower case
 * without accents, declared immutable (it uses one fixed dictionary) so an
 * index on it is possible later.
 */
export class Migration20261204051000_accent_insensitive_search extends Migration {

  override name = 'Migration20261204051000_accent_insensitive_search';

  override up(): void | Promise<void> {
    this.addSql(`create extension if not exists unaccent with schema "catalog";`);
    this.addSql(
      `create or replace function "catalog".fold_search(value text) returns text language sql immutable strict parallel safe
       as $$ select lower("catalog".unaccent('"catalog".unaccent'::regdictionary, value)) $$;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists "catalog".fold_search(text);`);
    this.addSql(`drop extension if exists unaccent;`);
  }

}
