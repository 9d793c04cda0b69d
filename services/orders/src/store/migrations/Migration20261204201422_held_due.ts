import { Migration } from '@mikro-orm/migrations';

export class Migration20261204201422_held_due extends Migration {
  override name = 'Migration20261204201422_held_due';

  override up(): void | Promise<void> {
    this.addSql(`alter table "orders"."order_due" drop constraint "order_due_status_known";`);
    this.addSql(`alter table "orders"."order_due" add constraint "order_due_status_known" check (status in ('OPEN', 'HELD', 'PAID', 'VOID'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "orders"."order_due" drop constraint "order_due_status_known";`);
    this.addSql(`alter table "orders"."order_due" add constraint "order_due_status_known" check ("status" in ('OPEN', 'PAID', 'VOID'));`);
  }
}
