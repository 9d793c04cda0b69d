import { Migration } from '@mikro-orm/migrations';

export class Migration20261205133000_waived_dues extends Migration {
  override name = 'Migration20261205133000_waived_dues';

  override up(): void | Promise<void> {
    // An extra shipping invoice logistics' staff waived: WAIVED, no longer payable.
    this.addSql(`alter table "payments"."payment_due" drop constraint "payment_due_state_known";`);
    this.addSql(`alter table "payments"."payment_due" add constraint "payment_due_state_known" check (state in ('OPEN', 'SETTLED', 'VOID', 'WAIVED'));`);
  }

  override down(): void | Promise<void> {
    // A waived due cannot be kept without its state: it reads as void (nothing to pay either way).
    this.addSql(`update "payments"."payment_due" set "state" = 'VOID' where "state" = 'WAIVED';`);
    this.addSql(`alter table "payments"."payment_due" drop constraint "payment_due_state_known";`);
    this.addSql(`alter table "payments"."payment_due" add constraint "payment_due_state_known" check (state in ('OPEN', 'SETTLED', 'VOID'));`);
  }
}
