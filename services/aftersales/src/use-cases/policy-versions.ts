import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceUnavailable } from '@vitrine/platform';
import { parseStorePolicy, type StorePolicy } from '@vitrine/policy';
import { PolicyVersion } from '../store/policy-version.entity.js';

// Versions never change once written: parse each once per database.
const parsed = new Map<string, StorePolicy>();

/** The policy version an order is judged by; until orders' StorePolicyPublished for it arrives, claims wait (SERVICE_UNAVAILABLE). */
export async function policyVersion(em: EntityManager, version: number): Promise<StorePolicy> {
  const key = `${em.config.get('clientUrl')}#${em.config.get('dbName')}#${version}`;
  const cached = parsed.get(key);
  if (cached) return cached;
  const row = await em.findOne(PolicyVersion, { version });
  if (!row) throw new ServiceUnavailable(`Store policy version ${version} has not reached after-sales yet. Please try again shortly.`);
  const result = parseStorePolicy(row.document);
  // Orders validated it when publishing: failing now is a bug, not bad input.
  if (!result.ok) throw new Error(`store policy version ${version} does not validate: ${JSON.stringify(result.problems)}`);
  parsed.set(key, result.policy);
  return result.policy;
}
