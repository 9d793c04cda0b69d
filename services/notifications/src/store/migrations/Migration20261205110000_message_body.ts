import { Migration } from '@mikro-orm/migrations';

export class Migration20261205110000_message_body extends Migration {

  override name = 'Migration20261205110000_message_body';

  override up(): void | Promise<void> {
    // What was sent, for its customer to read again (an account link's token never kept: domain/message-body.ts).
    // Messages sent before have none.
    this.addSql(`alter table "notifications"."message" add column "body_text" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notifications"."message" drop column "body_text";`);
  }

}
