import { Migration } from '@mikro-orm/migrations';

export class Migration20261125124719_customer_regions extends Migration {

  override name = 'Migration20261125124719_customer_regions';

  override up(): void | Promise<void> {
    // Its tables belong to packages/platform now (platform migrations); kept so databases that ran it stay in step.
  }

  override down(): void | Promise<void> {
  }

}
