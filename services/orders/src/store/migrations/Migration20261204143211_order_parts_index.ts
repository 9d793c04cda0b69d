import { Migration } from '@mikro-orm/migrations';

export class Migration20261204143211_order_parts_index extends Migration {

  override name = 'Migration20261204143211_order_parts_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "order_due_order_id_index" on "orders"."order_due" ("order_id");`);

    this.addSql(`create index "order_line_order_id_index" on "orders"."order_line" ("order_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "orders"."order_due_order_id_index";`);

    this.addSql(`drop index "orders"."order_line_order_id_index";`);
  }

}
