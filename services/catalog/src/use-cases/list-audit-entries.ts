import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, BadUserInput } from '@vitrine/platform';

export const maxAuditEntriesPerPage = 200;

/** What staff did to one product (or studio, warehouse), newest first. */
export async function listAuditEntries(em: EntityManager, subject: string, first: number): Promise<AuditEntry[]> {
  if (!Number.isInteger(first) || first < 1 || first > maxAuditEntriesPerPage) {
    throw new BadUserInput('The audit query is not valid.', [
      { field: 'first', reason: 'OUT_OF_RANGE', message: `Ask for 1 to ${maxAuditEntriesPerPage} entries.` },
    ]);
  }
  return em.find(AuditEntry, { subject }, { orderBy: { at: 'desc', id: 'desc' }, limit: first });
}
