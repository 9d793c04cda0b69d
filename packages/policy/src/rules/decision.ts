/**
 * Every rule function returns its outcome together with the rule that
 * decided it: a stable `id` (code and analytics switch on it, e.g.
 * `preorder-cancellation.free-within-deposit-window`) and a sentence for the
 * customer built from the policy's own numbers.
 */
export interface Rule {
  id: string;
  text: string;
}

export type Decision<T> = T & { rule: Rule };

export function rule(id: string, text: string): Rule {
  return { id, text };
}
