import { Migration } from '@mikro-orm/migrations';

export class Migration20261204213451_exchange_unit extends Migration {

  override name = 'Migration20261204213451_exchange_unit';

  override up(): void | Promise<void> {
    this.addSql(`alter table "aftersales"."claim" add "exchange_unit" varchar(16) null, add "exchange_warehouse_id" uuid null;`);
    this.addSql(`alter table "aftersales"."claim" add constraint "claim_exchange_unit_known" check ("exchange_unit" is null or "exchange_unit" in ('HELD', 'UNAVAILABLE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "aftersales"."claim" drop constraint "claim_exchange_unit_known";`);
    this.addSql(`alter table "aftersales"."claim" drop column "exchange_unit", drop column "exchange_warehouse_id";`);

  }

}
