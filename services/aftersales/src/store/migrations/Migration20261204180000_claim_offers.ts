import { Migration } from '@mikro-orm/migrations';

export class Migration20261204180000_claim_offers extends Migration {

  override name = 'Migration20261204180000_claim_offers';

  override up(): void | Promise<void> {
    this.addSql(`alter table "aftersales"."claim" drop constraint "claim_status_known";`);
    this.addSql(`alter table "aftersales"."claim" alter column "status" type varchar(24) using ("status"::varchar(24));`);
    this.addSql(`alter table "aftersales"."claim" add "offers" jsonb null, add "evidence_request" varchar(1000) null, add "refusal_rule" jsonb null, add "chosen_at" timestamptz(3) null, add "closed_by" uuid null, add "closed_at" timestamptz(3) null;`);
    // Claims staff decided before offers existed had their resolution fixed (and payments paid a partial refund on ClaimDecided): the money ones are done, the rest are being carried out.
    this.addSql(`update "aftersales"."claim" set "status" = case when "resolution" = 'PARTIAL_REFUND' then 'CLOSED' else 'RESOLVING' end, "chosen_at" = "decided_at", "closed_at" = case when "resolution" = 'PARTIAL_REFUND' then "decided_at" end where "status" = 'DECIDED' and "resolution" is not null;`);
    this.addSql(`alter table "aftersales"."claim" add constraint "claim_status_known" check ("status" in ('DRAFT', 'SUBMITTED', 'NEEDS_MORE_EVIDENCE', 'DECIDED', 'RESOLVING', 'CLOSED', 'REFUSED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "aftersales"."claim" drop constraint "claim_status_known";`);
    this.addSql(`update "aftersales"."claim" set "status" = 'DECIDED' where "status" in ('RESOLVING', 'CLOSED');`);
    this.addSql(`update "aftersales"."claim" set "status" = 'SUBMITTED' where "status" = 'NEEDS_MORE_EVIDENCE';`);
    this.addSql(`alter table "aftersales"."claim" drop column "offers", drop column "evidence_request", drop column "refusal_rule", drop column "chosen_at", drop column "closed_by", drop column "closed_at";`);
    this.addSql(`alter table "aftersales"."claim" alter column "status" type varchar(16) using ("status"::varchar(16));`);
    this.addSql(`alter table "aftersales"."claim" add constraint "claim_status_known" check ("status" in ('DRAFT', 'SUBMITTED', 'DECIDED', 'REFUSED'));`);
  }

}
