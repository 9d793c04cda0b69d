import { Migration20261205093550_identity_labels } from './Migration20261205093550_identity_labels.js';
import { Migration20261204172004_partner_credentials } from './Migration20261204172004_partner_credentials.js';
import { Migration20261204013000_account_flows } from './Migration20261204013000_account_flows.js';
import { Migration20261125133052_scheduled_timers } from './Migration20261125133052_scheduled_timers.js';
import { Migration20261125121419_staged_key_rotation } from './Migration20261125121419_staged_key_rotation.js';
import { Migration20261125120307_external_identity } from './Migration20261125120307_external_identity.js';
import { Migration20261125115820_account_deletion } from './Migration20261125115820_account_deletion.js';
import { Migration20261125115246_customer_flags } from './Migration20261125115246_customer_flags.js';
import { Migration20261125113712_accounts } from './Migration20261125113712_accounts.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/accounts` adds to this list. */
export const accountsMigrations: MigrationObject[] = [
  { name: 'Migration20261125113712_accounts', class: Migration20261125113712_accounts },
  { name: 'Migration20261125115246_customer_flags', class: Migration20261125115246_customer_flags },
  { name: 'Migration20261125115820_account_deletion', class: Migration20261125115820_account_deletion },
  { name: 'Migration20261125120307_external_identity', class: Migration20261125120307_external_identity },
  { name: 'Migration20261125121419_staged_key_rotation', class: Migration20261125121419_staged_key_rotation },
  { name: 'Migration20261125133052_scheduled_timers', class: Migration20261125133052_scheduled_timers },
  { name: 'Migration20261204013000_account_flows', class: Migration20261204013000_account_flows },
  { name: 'Migration20261204172004_partner_credentials', class: Migration20261204172004_partner_credentials },
  { name: 'Migration20261205093550_identity_labels', class: Migration20261205093550_identity_labels },
];
