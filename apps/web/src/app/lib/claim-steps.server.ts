import type { AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { ReturnedCondition } from '../../__generated__/app/graphql.js';
import { callApi } from './api.server.js';
import { field } from './sign-in.server.js';

// The claim steps after grading (or instead of it): more evidence asked, a refusal, a claim closed, a returned item
// received. Each is one after-sales mutation; its refusals come back as ApiErrors with after-sales' message.

const evidenceMutation = graphql(`
  mutation BackOfficeRequestMoreEvidence($claimId: ID!, $note: String!) {
    requestMoreEvidence(claimId: $claimId, note: $note) {
      status
    }
  }
`);
const refuseMutation = graphql(`
  mutation BackOfficeRefuseClaim($claimId: ID!, $input: RefuseClaimInput!) {
    refuseClaim(claimId: $claimId, input: $input) {
      status
    }
  }
`);
const closeMutation = graphql(`
  mutation BackOfficeCloseClaim($claimId: ID!, $note: String) {
    closeClaim(claimId: $claimId, note: $note) {
      status
    }
  }
`);
const receiveMutation = graphql(`
  mutation BackOfficeReceiveClaimReturn($claimId: ID!, $input: ReceiveReturnInput!) {
    receiveClaimReturn(claimId: $claimId, input: $input) {
      status
    }
  }
`);

/** What each step's redirect says was done (`?done=`; the claims page words it: messages/admin/claim-steps.ts). */
export const claimStepsDone = ['evidence', 'refused', 'closed', 'received'] as const;
export type ClaimStepDone = (typeof claimStepsDone)[number];

/** Runs the step the form names; null when the form names none of these steps. */
export async function claimStep(context: AppLoadContext, token: string, intent: string, form: FormData): Promise<ClaimStepDone | null> {
  const claimId = field(form, 'claimId');
  const note = field(form, 'note');
  const withNote = note ? { note } : {};
  switch (intent) {
    case 'evidence':
      await callApi(context, evidenceMutation, { claimId, note }, token);
      return 'evidence';
    case 'refuse':
      await callApi(context, refuseMutation, { claimId, input: { rule: field(form, 'rule'), ...withNote } }, token);
      return 'refused';
    case 'close':
      await callApi(context, closeMutation, { claimId, note: note || null }, token);
      return 'closed';
    case 'receive':
      await callApi(context, receiveMutation, { claimId, input: { condition: field(form, 'condition') as ReturnedCondition, ...withNote } }, token);
      return 'received';
    default:
      return null;
  }
}
