import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { storePolicyPublishedV1 } from '@vitrine/contracts';
import { BadUserInput, Conflict, NotFound, storeNow } from '@vitrine/platform';
import { parseStorePolicy, presetDocuments, presetNames, type PresetName, type StorePolicy } from '@vitrine/policy';
import { orders } from '../identity.js';
import { StorePolicyVersion } from '../store/store-policy-version.entity.js';
import { recordAudit } from './record-audit.js';

// Versions never change once written: parse each once per database.
const parsed = new Map<string, StorePolicy>();

const cacheKey = (em: EntityManager, version: number) => `${em.config.get('clientUrl')}#${version}`;

function parseStored(em: EntityManager, row: StorePolicyVersion): StorePolicy {
  const key = cacheKey(em, row.version);
  let policy = parsed.get(key);
  if (!policy) {
    const result = parseStorePolicy(row.document);
    // Stored versions were validated when published; failing now is a bug, not bad input.
    if (!result.ok) throw new Error(`store policy version ${row.version} no longer validates: ${JSON.stringify(result.problems)}`);
    policy = result.policy;
    parsed.set(key, policy);
  }
  return policy;
}

/** The version an order was placed under: every later decision about the order uses it. */
export async function policyVersion(em: EntityManager, version: number): Promise<StorePolicy> {
  // Immutable once published: a version parsed before needs no query (every stock answer, payment and deadline asks).
  const known = parsed.get(cacheKey(em, version));
  if (known) return known;
  const row = await em.findOneOrFail(StorePolicyVersion, { version });
  return parseStored(em, row);
}

export interface PublishedPolicy {
  row: StorePolicyVersion;
  policy: StorePolicy;
}

/** A published version with its parsed policy (the newest when `version` is null); NOT_FOUND for a version never published. */
export async function findPublishedPolicy(em: EntityManager, version: number | null): Promise<PublishedPolicy> {
  const row =
    version === null
      ? await em.findOne(StorePolicyVersion, { version: { $gt: 0 } }, { orderBy: { version: 'desc' } })
      : await em.findOne(StorePolicyVersion, { version });
  if (!row) throw new NotFound('StorePolicyVersion', String(version));
  return { row, policy: parseStored(em, row) };
}

export async function listPolicyVersions(em: EntityManager): Promise<PublishedPolicy[]> {
  const rows = await em.find(StorePolicyVersion, {}, { orderBy: { version: 'desc' }, limit: 200 });
  return rows.map((row) => ({ row, policy: parseStored(em, row) }));
}

export interface PublishPolicy {
  /** One of `presetNames`, or a whole document. */
  preset?: string | null;
  document?: unknown;
  note?: string | null;
  actor: string | null;
}

/**
 * Publishes a new store policy version from a preset or a document: validated
 * (every problem reported with its path), audited, announced
 * (StorePolicyPublished); orders placed from now on take it. Two staff
 * publishing at once get consecutive versions, or a CONFLICT to retry.
 */
export async function publishStorePolicy(em: EntityManager, request: PublishPolicy): Promise<StorePolicyVersion> {
  const { document, preset } = chooseDocument(request);
  const result = parseStorePolicy(document);
  if (!result.ok) {
    throw new BadUserInput(
      'This store policy is not valid: nothing was published.',
      result.problems.map((p) => ({ field: p.path ? `document.${p.path}` : 'document', reason: 'INVALID_POLICY', message: p.message })),
    );
  }
  const note = request.note?.trim() || null;
  if (note && note.length > 500) throw new BadUserInput('The note is too long.', [{ field: 'note', reason: 'TOO_LONG', message: 'At most 500 characters.' }]);
  try {
    return await em.transactional(async (tx) => {
      const latest = await tx.findOne(StorePolicyVersion, { version: { $gt: 0 } }, { orderBy: { version: 'desc' }, fields: ['version'] });
      const next = (latest?.version ?? 0) + 1;
      const row = tx.create(StorePolicyVersion, {
        version: next,
        policyId: result.policy.id,
        document: result.policy as unknown as Record<string, unknown>,
        preset,
        note,
        publishedBy: request.actor,
        publishedAt: storeNow(),
      });
      tx.persist(row);
      recordAudit(tx, request.actor, 'policy.published', `policy:${next}`, { version: next, policyId: result.policy.id, preset, note });
      orders.recordEvent(tx, {
        definition: storePolicyPublishedV1,
        subject: `policy-${next}`,
        data: {
          version: next,
          policyId: result.policy.id,
          document: row.document,
          publishedAt: row.publishedAt.toISOString(),
          publishedBy: request.actor,
          note,
        },
      });
      return row;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      throw new Conflict('Another policy version was published at the same moment. Please publish again.', { field: 'document' });
    }
    throw err;
  }
}

/** At start: a store with no policy yet gets the configured preset as version 1. */
export async function ensureStorePolicy(em: EntityManager, preset: PresetName): Promise<void> {
  if ((await em.count(StorePolicyVersion, {})) > 0) return;
  await publishStorePolicy(em, { preset, actor: null, note: 'Initial policy (configured preset).' }).catch((err) => {
    if (err instanceof Conflict) return; // another replica published it first
    throw err;
  });
}

function chooseDocument(request: PublishPolicy): { document: unknown; preset: string | null } {
  const hasPreset = request.preset !== undefined && request.preset !== null;
  const hasDocument = request.document !== undefined && request.document !== null;
  if (hasPreset === hasDocument) {
    throw new BadUserInput('Give either a preset or a policy document.', [
      { field: 'preset', reason: 'ONE_OF', message: 'Give exactly one of preset and document.' },
    ]);
  }
  if (hasPreset) {
    if (!(presetNames as readonly string[]).includes(request.preset!)) {
      throw new BadUserInput('Unknown preset.', [{ field: 'preset', reason: 'UNKNOWN_PRESET', message: `Choose one of: ${presetNames.join(', ')}.` }]);
    }
    return { document: presetDocuments[request.preset as PresetName], preset: request.preset! };
  }
  return { document: request.document, preset: null };
}
