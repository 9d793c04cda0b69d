import { claimKinds, claimResolutions } from '@vitrine/contracts';
import { graphqlEnum } from '@vitrine/platform';
import { claimGrades, claimIssues, partCategories } from '@vitrine/policy';
import { claimStatuses } from '../domain/claim-status.js';

export const ClaimKindEnum = graphqlEnum(claimKinds, { name: 'ClaimKind', description: 'What a claim is about.' });
export const ClaimResolutionEnum = graphqlEnum(claimResolutions, {
  name: 'ClaimResolution',
  description: 'What staff decided: a partial refund (payments), a replacement part (logistics), or a return.',
});
export const ClaimStatusEnum = graphqlEnum(claimStatuses, {
  name: 'ClaimStatus',
  valuesConfig: {
    DRAFT: { description: 'Opened: evidence is being uploaded.' },
    SUBMITTED: { description: 'Submitted with its evidence: waiting for staff.' },
    DECIDED: { description: 'Staff graded and decided it.' },
    REFUSED: { description: 'Refused under a rule of the policy.' },
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
