import { deadlineAfter } from '../calendar/deadline.js';
import type { ChangeRight } from '../schema/cancellation.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { durationText, nb, withinFr } from './texts.js';

export type ChangeKind = 'SPEC_CHANGE' | 'RELEASE_DATE_CHANGE';

/** Whether a change opens a right to cancel, and until when (null when it does not). Orders keep it with the order (`openCancellationRight`). */
export interface CancellationRight {
  opens: boolean;
  closesAt: Date | null;
}

const changeWords: Record<ChangeKind, string> = { SPEC_CHANGE: 'the product specifications change', RELEASE_DATE_CHANGE: 'the release date changes' };
const changeWordsFr: Record<ChangeKind, string> = { SPEC_CHANGE: 'les caractéristiques du produit changent', RELEASE_DATE_CHANGE: 'la date de sortie change' };

function rightOf(policy: StorePolicy, change: ChangeKind): ChangeRight {
  return change === 'SPEC_CHANGE' ? policy.changeRights.specChange : policy.changeRights.releaseDateChange;
}

export function cancellationRightRule(policy: StorePolicy, change: ChangeKind, lang: Language = 'en'): Rule {
  const right = rightOf(policy, change);
  const base = change === 'SPEC_CHANGE' ? 'spec-change' : 'release-date-change';
  if (right.kind === 'NONE') {
    return rule(
      `cancellation-right.none-on-${base}`,
      { en: `If ${changeWords[change]}, that is not a reason to cancel.`, fr: `Si ${changeWordsFr[change]}, ce n’est pas un motif d’annulation.` },
      lang,
    );
  }
  const downPayment = right.refundsDownPayment ? ', a down payment included' : '';
  const downPaymentFr = right.refundsDownPayment ? ', avance comprise' : '';
  return rule(
    `cancellation-right.on-${base}`,
    {
      en: `If ${changeWords[change]}, you may cancel within ${durationText(right.within)} of our email, with a full refund${downPayment}.`,
      fr: `Si ${changeWordsFr[change]}, vous pouvez annuler ${withinFr(right.within)} suivant notre e-mail${nb}: tout est remboursé${downPaymentFr}.`,
    },
    lang,
  );
}

function decide(policy: StorePolicy, change: ChangeKind, notifiedAt: Date, region: string | null | undefined, lang: Language): Decision<CancellationRight> {
  const right = rightOf(policy, change);
  const r = cancellationRightRule(policy, change, lang);
  if (right.kind === 'NONE') return { opens: false, closesAt: null, rule: r };
  return { opens: true, closesAt: deadlineAfter(policy, notifiedAt, right.within, region).at, rule: r };
}

/** A spec change was announced to the customer at `notifiedAt`. */
export function cancellationRightOnSpecChange(
  policy: StorePolicy,
  notifiedAt: Date,
  region?: string | null,
  lang: Language = 'en',
): Decision<CancellationRight> {
  return decide(policy, 'SPEC_CHANGE', notifiedAt, region, lang);
}

/** A release-date change was announced to the customer at `notifiedAt`. */
export function cancellationRightOnReleaseDateChange(
  policy: StorePolicy,
  notifiedAt: Date,
  region?: string | null,
  lang: Language = 'en',
): Decision<CancellationRight> {
  return decide(policy, 'RELEASE_DATE_CHANGE', notifiedAt, region, lang);
}
