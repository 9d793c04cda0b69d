import { claimKinds, claimResolutionKinds, returnPostagePayers } from '@vitrine/contracts';
import { graphqlEnum } from '@vitrine/platform';
import { claimGrades, claimIssues, partCategories } from '@vitrine/policy';
import { claimStatuses } from '../domain/claim-status.js';

export const ClaimKindEnum = graphqlEnum(claimKinds, { name: 'ClaimKind', description: 'What a claim is about.' });
export const ClaimResolutionEnum = graphqlEnum(claimResolutionKinds, {
  name: 'ClaimResolution',
  description: "How a claim is resolved, among those the order's policy allows for its kind; the customer picks one of those staff offer.",
  valuesConfig: {
    PARTIAL_REFUND: { description: 'Keep the item; a refund by the compensation table.' },
    REPLACEMENT_PART: { description: 'A replacement part from the studio.' },
    RETURN: { description: 'Send the item back (the offer says who pays the postage).' },
    EXCHANGE: { description: 'A new unit in exchange for the defective one.' },
    KEEP_WITH_DISCOUNT: { description: 'Keep a mis-shipped item with a discount.' },
  },
});
export const ReturnPostageEnum = graphqlEnum(returnPostagePayers, {
  name: 'ReturnPostage',
  description: "Who pays a return's postage: the store, both (shared), or the customer.",
});
export const ClaimStatusEnum = graphqlEnum(claimStatuses, {
  name: 'ClaimStatus',
  valuesConfig: {
    DRAFT: { description: 'Opened: evidence is being uploaded.' },
    SUBMITTED: { description: 'Submitted with its evidence: waiting for staff.' },
    UNDER_REVIEW: { description: 'A staff member is reviewing it: a decision, a refusal or a request for more evidence comes next.' },
    NEEDS_MORE_EVIDENCE: { description: 'Staff asked for more evidence (evidenceRequest): add it and submit again.' },
    DECIDED: { description: 'Staff graded it and offered resolutions: waiting for the customer to choose one.' },
    RESOLVING: {
      description: 'The customer chose a replacement part, an exchange or a return: staff are carrying it out (a return closes when its item is received).',
    },
    CLOSED: { description: 'Resolved as the customer chose.' },
    REFUSED: { description: 'Refused under a rule of the policy (refusal).' },
  },
});
export const DamageSeverityEnum = graphqlEnum(['STANDARD', 'SIGNIFICANT'] as const, {
  name: 'DamageSeverity',
  description: "Picks the policy's window: some policies want significant damage reported sooner (002: 24 hours).",
});
export const PartCategoryEnum = graphqlEnum(partCategories, {
  name: 'PartCategory',
  description: "Part categories of the compensation table (catalog's names).",
});
export const ClaimIssueEnum = graphqlEnum(claimIssues, { name: 'ClaimIssue', description: 'Quality issues the grading chart names.' });
export const ClaimGradeEnum = graphqlEnum(claimGrades, {
  name: 'ClaimGrade',
  description: 'LOW, MEDIUM, HIGH (a percentage each), or STAFF (staff set the amount).',
});
export const LeadTimeOutcomeEnum = graphqlEnum(['WINDOW', 'MADE_ON_DEMAND', 'NO_ESTIMATE'] as const, {
  name: 'ReplacementLeadTimeOutcome',
  valuesConfig: {
    WINDOW: { description: 'The studio has the part: it should arrive between earliest and latest.' },
    MADE_ON_DEMAND: { description: 'The factory makes the part on demand, on its own schedule: no date yet.' },
    NO_ESTIMATE: { description: "The store's policy promises no lead time." },
  },
});
export const ReturnedConditionEnum = graphqlEnum(['PERFECT_UNUSED', 'USED_OR_DAMAGED'] as const, {
  name: 'ReturnedCondition',
  description: 'What staff found when the item came back.',
});
