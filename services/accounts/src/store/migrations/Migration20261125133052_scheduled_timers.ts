import { Migration } from '@mikro-orm/migrations';

export class Migration20261125133052_scheduled_timers extends Migration {

  override name = 'Migration20261125133052_scheduled_timers';

  override up(): void | Promise<void> {
    // Its tables belong to packages/platform now (platform migrations); kept so databases that ran it stay in step.
  }

  override down(): void | Promise<void> {
  }

}
