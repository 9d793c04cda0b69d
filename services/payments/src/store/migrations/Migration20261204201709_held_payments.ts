import { Migration } from '@mikro-orm/migrations';

export class Migration20261204201709_held_payments extends Migration {
  override name = 'Migration20261204201709_held_payments';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "payments"."payment_intent" add "capture" varchar(16) not null default 'AUTOMATIC', add "authorized_at" timestamptz null, add "held_amount" bigint null;`,
    );
    this.addSql(`alter table "payments"."payment_intent" add constraint "payment_intent_capture_known" check (capture in ('AUTOMATIC', 'AT_DISPATCH'));`);
    this.addSql(`alter table "payments"."sandbox_payment" add "hold_expires_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payments"."payment_intent" drop constraint "payment_intent_capture_known";`);
    this.addSql(`alter table "payments"."payment_intent" drop column "capture", drop column "authorized_at", drop column "held_amount";`);
    this.addSql(`alter table "payments"."sandbox_payment" drop column "hold_expires_at";`);
  }
}
