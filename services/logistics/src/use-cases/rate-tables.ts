import type { EntityManager } from '@mikro-orm/postgresql';
import { shippingRatesPublishedV1 } from '@vitrine/contracts';
import { BadUserInput, NotFound, storeNow } from '@vitrine/platform';
import { checkReferenceItemPriced, perItemMethods } from '../domain/per-item-card.js';
import { checkRateTable, type RateTable } from '../domain/rate-table.js';
import { logistics } from '../identity.js';
import { KnownWarehouse } from '../store/known-warehouse.entity.js';
import { RateTableVersion } from '../store/rate-table-version.entity.js';
import { recordAudit } from './record-audit.js';

export interface PublishOptions {
  /** Origins must be warehouses catalog announced (staff edits); the demo seed runs before catalog's events arrive. */
  requireKnownOrigins: boolean;
}

/**
 * Staff publish a new rate table version: validated (every problem with its
 * path, nothing written), audited, and announced as ShippingRatesPublished
 * (its per-item view) in the same transaction. Versions are only added, one
 * at a time (an advisory lock), so a quote always keeps the table it used.
 */
export async function publishRateTable(
  em: EntityManager,
  actor: string | null,
  table: RateTable,
  note: string | null,
  options: PublishOptions,
): Promise<RateTableVersion> {
  const problems = [...checkRateTable(table)];
  if (problems.length === 0) problems.push(...checkReferenceItemPriced(table));
  if (options.requireKnownOrigins) {
    const known = new Set((await em.find(KnownWarehouse, {})).map((w) => w.code));
    table.methods.forEach((m, i) => {
      if (!known.has(m.origin)) problems.push({ field: `methods.${i}.origin`, reason: 'UNKNOWN_WAREHOUSE', message: `No warehouse has the code ${m.origin}.` });
    });
  }
  if (note !== null && note.length > 500) problems.push({ field: 'note', reason: 'INVALID_LENGTH', message: 'A note is at most 500 characters.' });
  if (problems.length > 0) throw new BadUserInput('The rate table is not valid.', problems);
  return em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('logistics.rate-table-version'))`);
    const [row] = await tx.execute<{ max: number | null }[]>(`select max(version) as max from ${tableName(tx)}`);
    const version = (row?.max ?? 0) + 1;
    const publishedAt = storeNow();
    const published = tx.create(RateTableVersion, { version, document: table, note, publishedBy: actor, publishedAt });
    tx.persist(published);
    recordAudit(tx, actor, 'rate-table.published', String(version), { note });
    logistics.recordEvent(tx, {
      definition: shippingRatesPublishedV1,
      subject: `rates-${version}`,
      data: { version, currency: table.currency, methods: perItemMethods(table), publishedAt: publishedAt.toISOString() },
    });
    return published;
  });
}

function tableName(em: EntityManager): string {
  return `"${em.config.get('schema') ?? 'logistics'}".rate_table_version`;
}

/** The newest table (what new estimates use), or the version asked for; NOT_FOUND when there is none. */
export async function findRateTable(em: EntityManager, version: number | null): Promise<RateTableVersion> {
  const row = version === null ? await latestRateTable(em) : await em.findOne(RateTableVersion, { version });
  if (!row) throw new NotFound('Rate table', version === null ? 'latest' : String(version));
  return row;
}

export function listRateTables(em: EntityManager): Promise<RateTableVersion[]> {
  return em.find(RateTableVersion, {}, { orderBy: { version: 'desc' } });
}

/** The newest published table (what new estimates and quotes use), or null before the first. */
export async function latestRateTable(em: EntityManager): Promise<RateTableVersion | null> {
  const [row] = await em.find(RateTableVersion, {}, { orderBy: { version: 'desc' }, limit: 1 });
  return row ?? null;
}
