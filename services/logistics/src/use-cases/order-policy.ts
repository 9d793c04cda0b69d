import type { EntityManager } from '@mikro-orm/postgresql';
import { parseStorePolicy, type StorePolicy } from '@vitrine/policy';
import { KnownPolicy } from '../store/known-policy.entity.js';

/** The store policy version an order is judged by, as orders published it; null when logistics has not received it. */
export async function orderPolicy(em: EntityManager, version: number | null): Promise<StorePolicy | null> {
  if (version === null) return null;
  const row = await em.findOne(KnownPolicy, { version });
  if (!row) return null;
  const parsed = parseStorePolicy(row.document);
  if (!parsed.ok) throw new Error(`Store policy version ${version} does not parse: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return parsed.policy;
}
