import { Migration } from '@mikro-orm/migrations';

export class Migration20261204001028_initial extends Migration {
  override name = 'Migration20261204001028_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "payments"."charge" ("id" uuid not null, "intent_id" uuid not null, "order_id" uuid not null, "provider_charge_id" varchar(255) not null, "currency" varchar(3) not null, "amount" bigint not null, "refunded" bigint not null default '0', "captured_sequence" bigint not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "charge_intent_id_index" on "payments"."charge" ("intent_id");`);
    this.addSql(`create index "charge_order_id_index" on "payments"."charge" ("order_id");`);
    this.addSql(`alter table "payments"."charge" add constraint "charge_provider_charge_order_unique" unique ("provider_charge_id", "order_id");`);

    this.addSql(
      `create table "payments"."idempotency_key" ("scope" uuid not null, "key" varchar(200) not null, "operation" varchar(40) not null, "fingerprint" varchar(64) not null, "locked_until" timestamptz not null, "resource_id" uuid null, "response" jsonb null, "created_at" timestamptz not null, "completed_at" timestamptz null, primary key ("scope", "key"));`,
    );
    this.addSql(`create index "idempotency_key_created_at_index" on "payments"."idempotency_key" ("created_at");`);

    this.addSql(
      `create table "payments"."known_order" ("id" uuid not null, "customer_id" uuid not null, "currency" varchar(3) not null, "status" varchar(32) null, "closed_at" timestamptz null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "known_order_customer_id_index" on "payments"."known_order" ("customer_id");`);

    this.addSql(
      `create table "payments"."ledger_posting" ("id" bigserial primary key, "transaction_id" uuid not null, "account" varchar(32) not null, "amount" bigint not null, "currency" varchar(3) not null, "order_id" uuid null, "charge_id" varchar(255) null, "refund_id" uuid null, "provider_refund_id" varchar(255) null);`,
    );
    this.addSql(`create index "ledger_posting_transaction_id_index" on "payments"."ledger_posting" ("transaction_id");`);
    this.addSql(`create index "ledger_posting_order_id_index" on "payments"."ledger_posting" ("order_id");`);

    this.addSql(
      `create table "payments"."ledger_transaction" ("id" uuid not null, "sequence" bigserial, "kind" varchar(32) not null, "reason" varchar(32) null, "intent_id" uuid null, "refund_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "payments"."ledger_transaction" add constraint "ledger_transaction_sequence_unique" unique ("sequence");`);

    this.addSql(
      `create table "payments"."payment_allocation" ("id" uuid not null, "intent_id" uuid not null, "due_id" uuid not null, "order_id" uuid not null, "product" bigint not null, "shipping" bigint not null, "amount" bigint not null, primary key ("id"));`,
    );
    this.addSql(`create index "payment_allocation_intent_id_index" on "payments"."payment_allocation" ("intent_id");`);
    this.addSql(`create index "payment_allocation_due_id_index" on "payments"."payment_allocation" ("due_id");`);
    this.addSql(`create index "payment_allocation_order_id_index" on "payments"."payment_allocation" ("order_id");`);
    this.addSql(`alter table "payments"."payment_allocation" add constraint "payment_allocation_intent_due_unique" unique ("intent_id", "due_id");`);

    this.addSql(
      `create table "payments"."payment_due" ("id" uuid not null, "order_id" uuid not null, "customer_id" uuid not null, "purpose" varchar(32) not null, "goods" bigint not null, "shipping" bigint not null, "amount" bigint not null, "currency" varchar(3) not null, "due_at" timestamptz null, "collect" varchar(16) not null, "payment_method_id" uuid null, "state" varchar(16) not null, "settled_by_intent_id" uuid null, "created_at" timestamptz not null, "closed_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "payment_due_order_id_index" on "payments"."payment_due" ("order_id");`);
    this.addSql(`create index "payment_due_customer_id_index" on "payments"."payment_due" ("customer_id");`);

    this.addSql(
      `create table "payments"."payment_intent" ("id" uuid not null, "customer_id" uuid not null, "purpose" varchar(32) not null, "amount" bigint not null, "currency" varchar(3) not null, "status" varchar(32) not null, "provider" varchar(16) not null, "provider_payment_id" varchar(255) null, "provider_charge_id" varchar(255) null, "payment_method_id" uuid null, "method_token" varchar(255) null, "method_label" varchar(64) null, "save_method" boolean not null default false, "initiated_by" varchar(16) not null, "failure_kind" varchar(32) null, "failure_message" varchar(300) null, "failure_code" varchar(80) null, "attempts" int not null default 0, "in_flight_until" timestamptz null, "status_at" timestamptz null, "next_action" jsonb null, "anomaly" varchar(500) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "succeeded_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "payment_intent_customer_id_index" on "payments"."payment_intent" ("customer_id");`);
    this.addSql(`create index "payment_intent_status_created_at_index" on "payments"."payment_intent" ("status", "created_at");`);
    this.addSql(`alter table "payments"."payment_intent" add constraint "payment_intent_provider_payment_unique" unique ("provider", "provider_payment_id");`);

    this.addSql(
      `create table "payments"."payment_method" ("id" uuid not null, "customer_id" uuid not null, "provider" varchar(16) not null, "provider_method_id" varchar(255) not null, "provider_customer_id" varchar(255) null, "brand" varchar(40) not null, "last4" varchar(4) not null, "exp_month" smallint not null, "exp_year" smallint not null, "created_at" timestamptz not null, "removed_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "payment_method_customer_id_index" on "payments"."payment_method" ("customer_id");`);

    this.addSql(
      `create table "payments"."provider_customer" ("customer_id" uuid not null, "provider" varchar(16) not null, "provider_customer_id" varchar(255) not null, "created_at" timestamptz not null, primary key ("customer_id", "provider"));`,
    );

    this.addSql(
      `create table "payments"."refund" ("id" uuid not null, "order_id" uuid not null, "customer_id" uuid not null, "reason" varchar(32) not null, "ledger_reason" varchar(32) not null, "amount" bigint not null, "currency" varchar(3) not null, "status" varchar(32) not null, "requested_by" uuid null, "note" varchar(500) null, "created_at" timestamptz not null, "completed_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "refund_order_id_index" on "payments"."refund" ("order_id");`);

    this.addSql(
      `create table "payments"."refund_payout" ("id" uuid not null, "refund_id" uuid not null, "charge_row_id" uuid not null, "provider_charge_id" varchar(255) not null, "amount" bigint not null, "status" varchar(16) not null, "provider_refund_id" varchar(255) null, "failure_code" varchar(80) null, "created_at" timestamptz not null, "completed_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "refund_payout_refund_id_index" on "payments"."refund_payout" ("refund_id");`);
    this.addSql(`alter table "payments"."refund_payout" add constraint "refund_payout_provider_refund_unique" unique ("provider_refund_id");`);

    this.addSql(
      `create table "payments"."sandbox_payment" ("id" varchar(64) not null, "amount" bigint not null, "currency" varchar(3) not null, "status" varchar(32) not null, "capture_method" varchar(16) not null, "method_id" varchar(64) not null, "customer_ref" varchar(64) null, "failure_code" varchar(80) null, "charge_id" varchar(64) null, "metadata" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "captured_at" timestamptz null, "settle_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "payments"."sandbox_payment" add constraint "sandbox_payment_charge_id_unique" unique ("charge_id");`);
    this.addSql(`create index "sandbox_payment_settle_at_index" on "payments"."sandbox_payment" ("settle_at");`);

    this.addSql(
      `create table "payments"."sandbox_payment_method" ("id" varchar(64) not null, "customer_ref" varchar(64) null, "brand" varchar(40) not null, "last4" varchar(4) not null, "exp_month" smallint not null, "exp_year" smallint not null, "behavior" varchar(32) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );

    this.addSql(
      `create table "payments"."sandbox_refund" ("id" varchar(64) not null, "charge_id" varchar(64) not null, "amount" bigint not null, "currency" varchar(3) not null, "status" varchar(16) not null, "failure_code" varchar(80) null, "metadata" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "sandbox_refund_charge_id_index" on "payments"."sandbox_refund" ("charge_id");`);

    this.addSql(
      `create table "payments"."sandbox_request" ("idempotency_key" varchar(255) not null, "operation" varchar(32) not null, "response" jsonb null, "created_at" timestamptz not null, primary key ("idempotency_key"));`,
    );

    this.addSql(
      `create table "payments"."sandbox_setting" ("id" smallint primary key, "latency_ms" int not null, "fail_until" timestamptz null, "drop_webhooks_until" timestamptz null, "webhook_delay_ms" int not null, "updated_at" timestamptz not null);`,
    );

    this.addSql(
      `create table "payments"."sandbox_webhook" ("id" varchar(64) not null, "type" varchar(64) not null, "payload" jsonb not null, "created_at" timestamptz not null, "deliver_after" timestamptz not null, "delivered_at" timestamptz null, "dropped" boolean not null default false, "attempts" int not null default 0, "last_status" int null, primary key ("id"));`,
    );
    this.addSql(`create index "sandbox_webhook_deliver_after_index" on "payments"."sandbox_webhook" ("deliver_after");`);

    this.addSql(
      `create table "payments"."webhook_event" ("provider" varchar(16) not null, "event_id" varchar(255) not null, "type" varchar(80) not null, "outcome" varchar(16) not null, "received_at" timestamptz not null, primary key ("provider", "event_id"));`,
    );
    this.addSql(`create index "webhook_event_received_at_index" on "payments"."webhook_event" ("received_at");`);

    this.addSql(`alter table "payments"."charge" add constraint "charge_amount_positive" check (amount > 0);`);
    this.addSql(`alter table "payments"."charge" add constraint "charge_refunded_within_amount" check (refunded >= 0 and refunded <= amount);`);

    this.addSql(
      `alter table "payments"."ledger_posting" add constraint "ledger_posting_account_known" check (account in ('PROVIDER_CLEARING', 'CUSTOMER_DEPOSITS_HELD', 'DEFERRED_REVENUE', 'SHIPPING_COLLECTED', 'REFUNDS_PAYABLE', 'REVENUE', 'SHIPPING_REVENUE', 'FEES_EARNED'));`,
    );
    this.addSql(`alter table "payments"."ledger_posting" add constraint "ledger_posting_amount_not_zero" check (amount <> 0);`);

    this.addSql(
      `alter table "payments"."ledger_transaction" add constraint "ledger_transaction_kind_known" check (kind in ('CHARGE_CAPTURED', 'ORDER_SHIPPED', 'FEE_KEPT', 'REFUND_DECIDED', 'REFUND_PAID_OUT'));`,
    );

    this.addSql(
      `alter table "payments"."payment_allocation" add constraint "payment_allocation_parts" check (product >= 0 and shipping >= 0 and amount = product + shipping and amount > 0);`,
    );

    this.addSql(`alter table "payments"."payment_due" add constraint "payment_due_parts_not_negative" check (goods >= 0 and shipping >= 0);`);
    this.addSql(`alter table "payments"."payment_due" add constraint "payment_due_amount_is_sum" check (amount = goods + shipping);`);
    this.addSql(`alter table "payments"."payment_due" add constraint "payment_due_state_known" check (state in ('OPEN', 'SETTLED', 'VOID'));`);

    this.addSql(`alter table "payments"."payment_intent" add constraint "payment_intent_amount_positive" check (amount > 0);`);
    this.addSql(
      `alter table "payments"."payment_intent" add constraint "payment_intent_status_known" check (status in ('REQUIRES_PAYMENT_METHOD', 'REQUIRES_ACTION', 'PROCESSING', 'REQUIRES_CAPTURE', 'SUCCEEDED', 'FAILED', 'CANCELLED'));`,
    );

    this.addSql(`alter table "payments"."payment_method" add constraint "payment_method_last4_digits" check (last4 ~ '^[0-9]{4}\$');`);
    this.addSql(
      `alter table "payments"."payment_method" add constraint "payment_method_expiry" check (exp_month between 1 and 12 and exp_year between 2000 and 2200);`,
    );

    this.addSql(`alter table "payments"."refund" add constraint "refund_amount_positive" check (amount > 0);`);
    this.addSql(
      `alter table "payments"."refund" add constraint "refund_status_known" check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_FAILED'));`,
    );

    this.addSql(`alter table "payments"."refund_payout" add constraint "refund_payout_amount_positive" check (amount > 0);`);
    this.addSql(
      `alter table "payments"."refund_payout" add constraint "refund_payout_status_known" check (status in ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED'));`,
    );

    this.addSql(`alter table "payments"."sandbox_setting" add constraint "sandbox_setting_single_row" check (id = 1);`);

    // The ledger's own guarantees, checked by PostgreSQL whatever the code does:
    // every transaction sums to zero per currency (checked at commit, once all its postings are in),
    // no order is refunded more than it paid, and nothing posted is ever changed or deleted.
    this.addSql(`create function "payments".ledger_transaction_balances() returns trigger language plpgsql as $$
      declare off record;
      begin
        select currency, sum(amount) as total into off from "payments".ledger_posting
         where transaction_id = new.transaction_id group by currency having sum(amount) <> 0 limit 1;
        if found then
          raise exception 'ledger transaction % does not balance in %: % minor units', new.transaction_id, off.currency, off.total
            using errcode = '23514', constraint = 'ledger_transaction_balanced';
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger ledger_transaction_balanced after insert on "payments".ledger_posting
      deferrable initially deferred for each row execute function "payments".ledger_transaction_balances();`);
    this.addSql(`create function "payments".ledger_order_not_over_refunded() returns trigger language plpgsql as $$
      declare paid bigint; refunded bigint;
      begin
        select coalesce(sum(amount) filter (where account = 'PROVIDER_CLEARING' and amount > 0), 0),
               coalesce(-sum(amount) filter (where account = 'REFUNDS_PAYABLE' and amount < 0), 0)
          into paid, refunded
          from "payments".ledger_posting where order_id = new.order_id and currency = new.currency;
        if refunded > paid then
          raise exception 'order % would be refunded % % but paid only %', new.order_id, refunded, new.currency, paid
            using errcode = '23514', constraint = 'ledger_order_not_over_refunded';
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger ledger_order_not_over_refunded after insert on "payments".ledger_posting
      deferrable initially deferred for each row when (new.account = 'REFUNDS_PAYABLE' and new.amount < 0 and new.order_id is not null)
      execute function "payments".ledger_order_not_over_refunded();`);
    this.addSql(`create function "payments".ledger_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'the ledger is append-only: % on % refused', tg_op, tg_table_name using errcode = '42501';
      end $$;`);
    this.addSql(`create trigger ledger_posting_append_only before update or delete on "payments".ledger_posting
      for each row execute function "payments".ledger_append_only();`);
    this.addSql(`create trigger ledger_transaction_append_only before update or delete on "payments".ledger_transaction
      for each row execute function "payments".ledger_append_only();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists "payments".ledger_transaction_balances() cascade;`);
    this.addSql(`drop function if exists "payments".ledger_order_not_over_refunded() cascade;`);
    this.addSql(`drop function if exists "payments".ledger_append_only() cascade;`);
    this.addSql(`drop table if exists "payments"."charge" cascade;`);
    this.addSql(`drop table if exists "payments"."idempotency_key" cascade;`);
    this.addSql(`drop table if exists "payments"."known_order" cascade;`);
    this.addSql(`drop table if exists "payments"."ledger_posting" cascade;`);
    this.addSql(`drop table if exists "payments"."ledger_transaction" cascade;`);
    this.addSql(`drop table if exists "payments"."payment_allocation" cascade;`);
    this.addSql(`drop table if exists "payments"."payment_due" cascade;`);
    this.addSql(`drop table if exists "payments"."payment_intent" cascade;`);
    this.addSql(`drop table if exists "payments"."payment_method" cascade;`);
    this.addSql(`drop table if exists "payments"."provider_customer" cascade;`);
    this.addSql(`drop table if exists "payments"."refund" cascade;`);
    this.addSql(`drop table if exists "payments"."refund_payout" cascade;`);
    this.addSql(`drop table if exists "payments"."sandbox_payment" cascade;`);
    this.addSql(`drop table if exists "payments"."sandbox_payment_method" cascade;`);
    this.addSql(`drop table if exists "payments"."sandbox_refund" cascade;`);
    this.addSql(`drop table if exists "payments"."sandbox_request" cascade;`);
    this.addSql(`drop table if exists "payments"."sandbox_setting" cascade;`);
    this.addSql(`drop table if exists "payments"."sandbox_webhook" cascade;`);
    this.addSql(`drop table if exists "payments"."webhook_event" cascade;`);
  }
}
