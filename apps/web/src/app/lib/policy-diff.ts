/** One rule field that differs between two policy documents: its path and its value in each (absent: undefined). */
export interface FieldChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

/** One rule in words that differs between two versions (by the rule's id): added, removed or reworded. */
export interface RuleChange {
  id: string;
  before: string | undefined;
  after: string | undefined;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Every leaf of a policy document by its path ("paymentPlans.deposit.percentBps", "tiers[0].fee.of"), as JSON
 * text. An empty object or array is a leaf of its own, so removing the last item of a list still shows.
 */
export function flattenDocument(value: unknown, path = '', into = new Map<string, string>()): Map<string, string> {
  const json = value as Json;
  if (Array.isArray(json)) {
    if (json.length === 0) into.set(path, '[]');
    json.forEach((item, i) => flattenDocument(item, `${path}[${i}]`, into));
  } else if (json !== null && typeof json === 'object') {
    const keys = Object.keys(json).sort();
    if (keys.length === 0) into.set(path, '{}');
    for (const key of keys) flattenDocument(json[key], path ? `${path}.${key}` : key, into);
  } else {
    into.set(path, JSON.stringify(json));
  }
  return into;
}

/** The rule fields that differ between two policy documents, in path order. */
export function diffDocuments(before: unknown, after: unknown): FieldChange[] {
  const a = flattenDocument(before);
  const b = flattenDocument(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((path) => ({ path, before: a.get(path), after: b.get(path) }));
}

/** The rules in words that differ between two versions' sections, by rule id, in the later version's order. */
export function diffRules(
  before: readonly { rules: readonly { id: string; text: string }[] }[],
  after: readonly { rules: readonly { id: string; text: string }[] }[],
): RuleChange[] {
  const a = new Map(before.flatMap((s) => s.rules.map((r) => [r.id, r.text] as const)));
  const b = new Map(after.flatMap((s) => s.rules.map((r) => [r.id, r.text] as const)));
  const ids = [...new Set([...b.keys(), ...a.keys()])];
  return ids.filter((id) => a.get(id) !== b.get(id)).map((id) => ({ id, before: a.get(id), after: b.get(id) }));
}
