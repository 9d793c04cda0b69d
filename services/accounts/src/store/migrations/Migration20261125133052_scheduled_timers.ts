import { Migration } from '@mikro-orm/migrations';

export class Migration20261125133052_scheduled_timers extends Migration {

  override name = 'Migration20261125133052_scheduled_timers';

  override up(): void | Promise<void> {
    this.addSql(`create table "accounts"."scheduled_timer" ("id" uuid not null, "kind" varchar(64) not null, "key" varchar(255) not null, "due_at" timestamptz(3) not null, "payload" jsonb not null, "attempts" int not null default 0, "last_error" text null, "scheduled_at" timestamptz(3) not null, "fired_at" timestamptz(3) null, "dead_at" timestamptz(3) null, primary key ("id"));`);
    this.addSql(`create index "scheduled_timer_pending_by_due" on "accounts"."scheduled_timer" ("due_at") where fired_at is null and dead_at is null;`);
    this.addSql(`create index "scheduled_timer_fired_at" on "accounts"."scheduled_timer" ("fired_at") where fired_at is not null;`);
    this.addSql(`create unique index "scheduled_timer_one_pending_per_key" on "accounts"."scheduled_timer" ("kind", "key") where fired_at is null and dead_at is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "accounts"."scheduled_timer" cascade;`);
  }

}
