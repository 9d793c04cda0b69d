import { storePolicySchema, type StorePolicy } from './store-policy.js';

/** One thing wrong with a policy document: where (dotted path, e.g. `preorderCancellation.tiers.1.within`) and what, in words. */
export interface PolicyProblem {
  path: string;
  message: string;
}

export type ParsedStorePolicy = { ok: true; policy: StorePolicy } | { ok: false; problems: PolicyProblem[] };

/** Validates a policy document; every problem at once, never a throw for a bad document. */
export function parseStorePolicy(doc: unknown): ParsedStorePolicy {
  const result = storePolicySchema.safeParse(doc);
  if (result.success) return { ok: true, policy: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}
