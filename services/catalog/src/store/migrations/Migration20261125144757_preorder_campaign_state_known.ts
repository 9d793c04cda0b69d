import { Migration } from '@mikro-orm/migrations';

export class Migration20261125144757_preorder_campaign_state_known extends Migration {

  override name = 'Migration20261125144757_preorder_campaign_state_known';

  override up(): void | Promise<void> {
    this.addSql(`alter table "catalog"."preorder_campaign" add constraint "preorder_campaign_state_known" check (state in ('SCHEDULED', 'OPEN', 'CLOSED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "catalog"."preorder_campaign" drop constraint "preorder_campaign_state_known";`);
  }

}
