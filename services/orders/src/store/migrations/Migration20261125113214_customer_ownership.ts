import { Migration } from '@mikro-orm/migrations';

export class Migration20261125113214_customer_ownership extends Migration {

  override name = 'Migration20261125113214_customer_ownership';

  override up(): void | Promise<void> {
    this.addSql(`alter table "orders"."customer_order" drop constraint "customer_order_idempotency_key_unique";`);
    // Orders placed before accounts existed belong to nobody; give them the nil owner so none is lost.
    this.addSql(`update "orders"."customer_order" set "customer_id" = '00000000-0000-0000-0000-000000000000' where "customer_id" is null;`);
    this.addSql(`alter table "orders"."customer_order" alter column "customer_id" set not null;`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_customer_id_idempotency_key_unique" unique ("customer_id", "idempotency_key");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "orders"."customer_order" drop constraint "customer_order_customer_id_idempotency_key_unique";`);
    this.addSql(`alter table "orders"."customer_order" alter column "customer_id" drop not null;`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_idempotency_key_unique" unique ("idempotency_key");`);
  }

}
