import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { submittedClaim, uploadEvidence } from './claim-steps.js';
import { bootAftersales, type AftersalesHarness } from './harness.js';

// What staff and the customer do with a submitted claim: more evidence, a refusal under a policy rule, offers and the customer's choice.
let aftersales: AftersalesHarness;
let customer: TestIdentity;

beforeAll(async () => {
  aftersales = await bootAftersales('claim-decisions');
  customer = await aftersales.tokens.customer();
}, 600_000);
afterAll(async () => {
  await aftersales?.stop();
});

const askForEvidence = graphql(`
  mutation DecisionsAskEvidence($claimId: ID!, $note: String!) {
    requestMoreEvidence(claimId: $claimId, note: $note) {
      status
      evidenceRequest
    }
  }
`);
const submitAgain = graphql(`
  mutation DecisionsSubmitAgain($claimId: ID!) {
    submitClaim(claimId: $claimId) {
      status
      submittedAt
      evidence {
        status
      }
    }
  }
`);
const refuse = graphql(`
  mutation DecisionsRefuse($claimId: ID!, $input: RefuseClaimInput!) {
    refuseClaim(claimId: $claimId, input: $input) {
      status
      refusal {
        id
        text
      }
    }
  }
`);
const decide = graphql(`
  mutation DecisionsDecide($claimId: ID!, $input: DecideClaimInput!) {
    decideClaim(claimId: $claimId, input: $input) {
      status
      offers {
        resolution
        refund {
          amount
        }
        returnPostage
      }
    }
  }
`);
const choose = graphql(`
  mutation DecisionsChoose($claimId: ID!, $resolution: ClaimResolution!) {
    chooseClaimResolution(claimId: $claimId, resolution: $resolution) {
      status
      resolution
      refund {
        amount
      }
    }
  }
`);
const close = graphql(`
  mutation DecisionsClose($claimId: ID!, $note: String) {
    closeClaim(claimId: $claimId, note: $note) {
      status
      closedAt
    }
  }
`);
const startReview = graphql(`
  mutation DecisionsStartReview($claimId: ID!) {
    startClaimReview(claimId: $claimId) {
      status
      reviewStartedAt
    }
  }
`);
const receiveClaimReturn = graphql(`
  mutation DecisionsReceiveReturn($claimId: ID!, $input: ReceiveReturnInput!) {
    receiveClaimReturn(claimId: $claimId, input: $input) {
      status
      resolution
      refund {
        amount
      }
      returnCondition
      closedAt
    }
  }
`);
const read = graphql(`
  query DecisionsRead($id: ID!) {
    claim(id: $id) {
      status
      submittedAt
      reviewStartedAt
      resolution
      refusalGrounds {
        id
      }
    }
  }
`);

const staff = () => aftersales.staff.headers;
const codeOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;
const eventsOf = async (orderId: string) =>
  (
    await aftersales.sql<{ type: string }>("select type from aftersales.outbox_message where key = ? and type like 'aftersales.claim.%' order by seq", [
      orderId,
    ])
  ).map((e) => e.type);
const auditOf = (claimId: string) => aftersales.sql('select action, details from aftersales.audit_entry where subject = ? order by at', [claimId]);

describe('staff ask for more evidence', () => {
  it('the claim goes back to its customer, who adds a file and submits it again; the first submission stays the report date', async () => {
    const { claimId, orderId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    const firstSubmittedAt = (await gql(aftersales.url, read, { id: claimId }, customer.headers)).data!.claim.submittedAt;
    expect(codeOf(await gql(aftersales.url, askForEvidence, { claimId, note: 'more' }, staff()))).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ field: 'note', reason: 'TOO_SHORT' })],
    });
    const asked = await gql(aftersales.url, askForEvidence, { claimId, note: 'Please add a close-up of the broken hilt.' }, staff());
    expect(asked.data?.requestMoreEvidence, JSON.stringify(asked.errors)).toEqual({
      status: 'NEEDS_MORE_EVIDENCE',
      evidenceRequest: 'Please add a close-up of the broken hilt.',
    });
    // Staff cannot decide it meanwhile.
    expect(codeOf(await gql(aftersales.url, decide, { claimId, input: { grades: [{}] } }, staff()))).toMatchObject({ rule: 'CLAIM_STATUS_TRANSITION' });

    await uploadEvidence(aftersales, customer, claimId, 'image/png', 512);
    const again = await gql(aftersales.url, submitAgain, { claimId }, customer.headers);
    expect(again.data?.submitClaim, JSON.stringify(again.errors)).toEqual({
      status: 'SUBMITTED',
      submittedAt: firstSubmittedAt,
      evidence: [{ status: 'CONFIRMED' }, { status: 'CONFIRMED' }],
    });
    expect(await eventsOf(orderId)).toEqual(['aftersales.claim.submitted', 'aftersales.claim.evidence-requested', 'aftersales.claim.submitted']);
    expect(await auditOf(claimId)).toEqual([{ action: 'claim.evidence-requested', details: { note: 'Please add a close-up of the broken hilt.' } }]);
  });
});

describe('staff take a claim into review', () => {
  it('UNDER_REVIEW: the customer sees it, it is audited, and the decision steps work from it', async () => {
    const { claimId, orderId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    // Only staff (aftersales:decide) take a claim into review.
    expect(codeOf(await gql(aftersales.url, startReview, { claimId }, customer.headers))?.code).toBe('FORBIDDEN');
    const reviewed = await gql(aftersales.url, startReview, { claimId }, staff());
    expect(reviewed.data?.startClaimReview, JSON.stringify(reviewed.errors)).toEqual({ status: 'UNDER_REVIEW', reviewStartedAt: expect.any(String) });
    expect((await gql(aftersales.url, read, { id: claimId }, customer.headers)).data!.claim).toMatchObject({
      status: 'UNDER_REVIEW',
      reviewStartedAt: reviewed.data!.startClaimReview.reviewStartedAt,
    });
    // Taken once: a second start is refused, naming the status, and nothing changes.
    expect(codeOf(await gql(aftersales.url, startReview, { claimId }, staff()))).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'CLAIM_STATUS_TRANSITION',
      status: 'UNDER_REVIEW',
    });
    expect(await auditOf(claimId)).toEqual([{ action: 'claim.review-started', details: {} }]);

    // From review, staff ask for more evidence; the customer's new submission waits for staff again (SUBMITTED).
    const asked = await gql(aftersales.url, askForEvidence, { claimId, note: 'Please add a photo of the whole base.' }, staff());
    expect(asked.data?.requestMoreEvidence.status, JSON.stringify(asked.errors)).toBe('NEEDS_MORE_EVIDENCE');
    expect(codeOf(await gql(aftersales.url, startReview, { claimId }, staff()))).toMatchObject({ rule: 'CLAIM_STATUS_TRANSITION' });
    await uploadEvidence(aftersales, customer, claimId, 'image/png', 128);
    expect((await gql(aftersales.url, submitAgain, { claimId }, customer.headers)).data?.submitClaim.status).toBe('SUBMITTED');
    expect((await gql(aftersales.url, startReview, { claimId }, staff())).data?.startClaimReview.status).toBe('UNDER_REVIEW');
    const decided = await gql(aftersales.url, decide, { claimId, input: { grades: [{}], resolutions: ['PARTIAL_REFUND'] } }, staff());
    expect(decided.data?.decideClaim.status, JSON.stringify(decided.errors)).toBe('DECIDED');
    expect(await eventsOf(orderId)).toEqual([
      'aftersales.claim.submitted',
      'aftersales.claim.evidence-requested',
      'aftersales.claim.submitted',
      'aftersales.claim.offered',
    ]);
  });

  it('a claim under review can be refused', async () => {
    const { claimId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'statue-store' });
    await gql(aftersales.url, startReview, { claimId }, staff());
    const refused = await gql(aftersales.url, refuse, { claimId, input: { rule: 'claims.not-covered-exterior-brown-box' } }, staff());
    expect(refused.data?.refuseClaim.status, JSON.stringify(refused.errors)).toBe('REFUSED');
  });
});

describe("a claim's return: received, refunded, closed", () => {
  it('refunds what the offer said through ReturnReceived (payments: RETURN), then ClaimResolved without money; closeClaim cannot skip it', async () => {
    const { claimId, orderId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store', unitPrice: 15_000 });
    // Before the item is back, nothing can be received.
    expect(codeOf(await gql(aftersales.url, receiveClaimReturn, { claimId, input: { condition: 'USED_OR_DAMAGED' } }, staff()))).toMatchObject({
      rule: 'CLAIM_STATUS_TRANSITION',
    });
    await gql(aftersales.url, decide, { claimId, input: { grades: [{}], resolutions: ['RETURN'] } }, staff());
    const chosen = await gql(aftersales.url, choose, { claimId, resolution: 'RETURN' }, customer.headers);
    expect(chosen.data?.chooseClaimResolution, JSON.stringify(chosen.errors)).toEqual({
      status: 'RESOLVING',
      resolution: 'RETURN',
      refund: { amount: 15_000 },
    });
    expect(codeOf(await gql(aftersales.url, close, { claimId }, staff()))).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'CLAIM_RETURN_NOT_RECEIVED' });
    expect(codeOf(await gql(aftersales.url, receiveClaimReturn, { claimId, input: { condition: 'USED_OR_DAMAGED' } }, customer.headers))?.code).toBe(
      'FORBIDDEN',
    );

    const received = await gql(
      aftersales.url,
      receiveClaimReturn,
      { claimId, input: { condition: 'USED_OR_DAMAGED', note: 'Sword snapped, as the photos showed.' } },
      staff(),
    );
    expect(received.data?.receiveClaimReturn, JSON.stringify(received.errors)).toEqual({
      status: 'CLOSED',
      resolution: 'RETURN',
      refund: { amount: 15_000 },
      returnCondition: 'USED_OR_DAMAGED',
      closedAt: expect.any(String),
    });
    expect(await eventsOf(orderId)).toEqual(['aftersales.claim.submitted', 'aftersales.claim.offered', 'aftersales.claim.resolved']);
    const data = async (type: string) =>
      (
        await aftersales.sql<{ data: Record<string, unknown> }>("select envelope->'data' as data from aftersales.outbox_message where key = ? and type = ?", [
          orderId,
          type,
        ])
      ).map((e) => e.data);
    expect(await data('aftersales.return.received')).toEqual([
      expect.objectContaining({
        returnId: claimId,
        claimId,
        condition: 'USED_OR_DAMAGED',
        accepted: true,
        refund: { amount: 15_000, currency: 'USD' },
        restockingFee: { amount: 0, currency: 'USD' },
        rule: expect.objectContaining({ id: 'claims.resolutions-accessory-damaged' }),
        receivedBy: aftersales.staff.id,
      }),
    ]);
    // Payments refunds a claim's ClaimResolved refund as compensation: the return's money must not go twice.
    expect(await data('aftersales.claim.resolved')).toEqual([expect.objectContaining({ resolution: 'RETURN', refund: null, closedBy: aftersales.staff.id })]);
    expect((await auditOf(claimId)).map((a: any) => a.action)).toEqual(['claim.decided', 'claim.resolution-chosen', 'claim.return-received']);
    // Received once.
    expect(codeOf(await gql(aftersales.url, receiveClaimReturn, { claimId, input: { condition: 'PERFECT_UNUSED' } }, staff()))).toMatchObject({
      rule: 'CLAIM_STATUS_TRANSITION',
    });
  });

  it('a part being carried out is not a return: receiving it is refused, nothing changes', async () => {
    const { claimId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    await gql(aftersales.url, decide, { claimId, input: { grades: [{}], resolutions: ['REPLACEMENT_PART'], studioHasParts: true } }, staff());
    await gql(aftersales.url, choose, { claimId, resolution: 'REPLACEMENT_PART' }, customer.headers);
    expect(codeOf(await gql(aftersales.url, receiveClaimReturn, { claimId, input: { condition: 'PERFECT_UNUSED' } }, staff()))).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'CLAIM_NOT_A_RETURN',
    });
    expect((await gql(aftersales.url, read, { id: claimId }, customer.headers)).data!.claim.status).toBe('RESOLVING');
  });
});

describe('staff refuse a claim citing a rule of its policy', () => {
  it('statue-store (002): the art box is not covered; the refusal names the rule, is audited and announced', async () => {
    const { claimId, orderId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'statue-store' });
    expect((await gql(aftersales.url, read, { id: claimId }, staff())).data!.claim.refusalGrounds.map((g) => g.id)).toEqual([
      'claims.not-covered-exterior-brown-box',
      'claims.not-covered-art-box',
      'claims.not-covered-minor-scratches',
      'claims.not-covered-glue-fixable-parts',
      'claims.not-covered-china-stock',
      'claims.not-covered-released-long-ago',
    ]);
    // A ground this policy does not have: refused, nothing written.
    const notHere = await gql(aftersales.url, refuse, { claimId, input: { rule: 'claims.not-covered-minor-packaging-wrinkles' } }, staff());
    expect(codeOf(notHere)).toMatchObject({ code: 'BAD_USER_INPUT', problems: [expect.objectContaining({ field: 'rule', reason: 'NOT_A_REFUSAL_GROUND' })] });
    expect((await gql(aftersales.url, read, { id: claimId }, customer.headers)).data!.claim.status).toBe('SUBMITTED');
    // Customers cannot refuse.
    expect(codeOf(await gql(aftersales.url, refuse, { claimId, input: { rule: 'claims.not-covered-art-box' } }, customer.headers))?.code).toBe('FORBIDDEN');

    const refused = await gql(aftersales.url, refuse, { claimId, input: { rule: 'claims.not-covered-art-box', note: 'Only the art box is dented.' } }, staff());
    expect(refused.data?.refuseClaim, JSON.stringify(refused.errors)).toEqual({
      status: 'REFUSED',
      refusal: { id: 'claims.not-covered-art-box', text: 'After-sales service does not cover damage to the coloured art box.' },
    });
    expect(await eventsOf(orderId)).toEqual(['aftersales.claim.submitted', 'aftersales.claim.refused']);
    expect(await auditOf(claimId)).toEqual([
      { action: 'claim.refused', details: { rule: { id: 'claims.not-covered-art-box', text: expect.any(String) }, note: 'Only the art box is dented.' } },
    ]);
  });

  it('a coverage rule never refuses a preorder the policy always covers', async () => {
    const { claimId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'statue-store', kind: 'PREORDER' });
    expect(codeOf(await gql(aftersales.url, refuse, { claimId, input: { rule: 'claims.not-covered-released-long-ago' } }, staff()))).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'claims.preorders-covered',
    });
  });
});

describe('the customer chooses among the offers', () => {
  it('only the claim’s customer chooses, only what was offered; a replacement part is carried out, then staff close it', async () => {
    const { claimId, orderId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    // Staff may keep only options the policy allows for the kind.
    expect(codeOf(await gql(aftersales.url, decide, { claimId, input: { grades: [{}], resolutions: ['EXCHANGE'] } }, staff()))).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ field: 'resolutions.0', reason: 'NOT_ALLOWED' })],
    });
    const decided = await gql(
      aftersales.url,
      decide,
      { claimId, input: { grades: [{}], resolutions: ['REPLACEMENT_PART', 'RETURN'], studioHasParts: false } },
      staff(),
    );
    expect(decided.data?.decideClaim, JSON.stringify(decided.errors)).toEqual({
      status: 'DECIDED',
      offers: [
        { resolution: 'REPLACEMENT_PART', refund: null, returnPostage: null },
        { resolution: 'RETURN', refund: { amount: 20_000 }, returnPostage: 'SHARED' },
      ],
    });

    const stranger = await aftersales.tokens.customer();
    expect(codeOf(await gql(aftersales.url, choose, { claimId, resolution: 'RETURN' }, stranger.headers))?.code).toBe('NOT_FOUND');
    expect(codeOf(await gql(aftersales.url, choose, { claimId, resolution: 'RETURN' }, staff()))).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'claims.customer-only',
    });
    expect(codeOf(await gql(aftersales.url, choose, { claimId, resolution: 'PARTIAL_REFUND' }, customer.headers))).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ field: 'resolution', reason: 'NOT_OFFERED' })],
    });
    expect((await gql(aftersales.url, read, { id: claimId }, customer.headers)).data!.claim).toMatchObject({ status: 'DECIDED', resolution: null });

    const chosen = await gql(aftersales.url, choose, { claimId, resolution: 'REPLACEMENT_PART' }, customer.headers);
    expect(chosen.data?.chooseClaimResolution).toEqual({ status: 'RESOLVING', resolution: 'REPLACEMENT_PART', refund: null });
    expect(codeOf(await gql(aftersales.url, choose, { claimId, resolution: 'RETURN' }, customer.headers))).toMatchObject({ rule: 'CLAIM_STATUS_TRANSITION' });
    expect(codeOf(await gql(aftersales.url, close, { claimId }, customer.headers))?.code).toBe('FORBIDDEN');
    const closed = await gql(aftersales.url, close, { claimId, note: 'The studio sent the sword; it was delivered.' }, staff());
    expect(closed.data?.closeClaim.status, JSON.stringify(closed.errors)).toBe('CLOSED');
    // The choice asked logistics for the part (staff may still close the claim by hand).
    expect(await eventsOf(orderId)).toEqual([
      'aftersales.claim.submitted',
      'aftersales.claim.offered',
      'aftersales.claim.replacement-requested',
      'aftersales.claim.resolved',
    ]);
    const [resolved] = await aftersales.sql<{ data: Record<string, unknown> }>(
      "select envelope->'data' as data from aftersales.outbox_message where key = ? and type = 'aftersales.claim.resolved'",
      [orderId],
    );
    expect(resolved!.data).toMatchObject({ claimId, resolution: 'REPLACEMENT_PART', refund: null, closedBy: aftersales.staff.id });
    expect((await auditOf(claimId)).map((a: any) => a.action)).toEqual(['claim.decided', 'claim.resolution-chosen', 'claim.closed']);
  });

  it('a mis-shipment kept with a discount staff set (001 names none) closes at once with that refund', async () => {
    const mis = { kind: 'MIS_SHIPMENT' as const, parts: [{ category: 'FIGURE_STAND' as const, issue: 'MISSING_OR_WRONG_ACCESSORY' as const }] };
    const { claimId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store', unitPrice: 12_000 }, mis);
    expect(codeOf(await gql(aftersales.url, decide, { claimId, input: { grades: [{}] } }, staff()))).toMatchObject({
      problems: [expect.objectContaining({ field: 'discountAmount', reason: 'DISCOUNT_AMOUNT_REQUIRED' })],
    });
    const decided = await gql(aftersales.url, decide, { claimId, input: { grades: [{}], discountAmount: 1_800 } }, staff());
    expect(decided.data?.decideClaim.offers).toEqual([
      { resolution: 'KEEP_WITH_DISCOUNT', refund: { amount: 1_800 }, returnPostage: null },
      { resolution: 'RETURN', refund: { amount: 12_000 }, returnPostage: 'STORE' },
    ]);
    expect((await gql(aftersales.url, choose, { claimId, resolution: 'KEEP_WITH_DISCOUNT' }, customer.headers)).data?.chooseClaimResolution).toEqual({
      status: 'CLOSED',
      resolution: 'KEEP_WITH_DISCOUNT',
      refund: { amount: 1_800 },
    });
  });
});
