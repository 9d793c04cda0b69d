import { defineEntity, p } from '@mikro-orm/core';
import type { RateTable } from '../domain/rate-table.js';

/** Every published rate table, never changed once written: the highest version prices new estimates; a quote names the version it used. */
export const RateTableVersionSchema = defineEntity({
  name: 'RateTableVersion',
  tableName: 'rate_table_version',
  properties: {
    version: p.integer().primary().autoincrement(false),
    document: p.json<RateTable>(),
    note: p.string().length(500).nullable(),
    publishedBy: p.uuid().nullable(),
    publishedAt: p.datetime(3),
  },
});

export class RateTableVersion extends RateTableVersionSchema.class {}
RateTableVersionSchema.setClass(RateTableVersion);
