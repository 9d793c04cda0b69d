import { Migration20261205132132_extra_shipping_waiver } from './Migration20261205132132_extra_shipping_waiver.js';
import { Migration20261204204417_replacement_shipments } from './Migration20261204204417_replacement_shipments.js';
import { Migration20261204171200_consolidation_and_carrier_port } from './Migration20261204171200_consolidation_and_carrier_port.js';
import { Migration20261204034927_initial } from './Migration20261204034927_initial.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/logistics` adds to this list. */
export const logisticsMigrations: MigrationObject[] = [
  { name: 'Migration20261204034927_initial', class: Migration20261204034927_initial },
  { name: 'Migration20261204171200_consolidation_and_carrier_port', class: Migration20261204171200_consolidation_and_carrier_port },
  { name: 'Migration20261204204417_replacement_shipments', class: Migration20261204204417_replacement_shipments },
  { name: 'Migration20261205132132_extra_shipping_waiver', class: Migration20261205132132_extra_shipping_waiver },
];
