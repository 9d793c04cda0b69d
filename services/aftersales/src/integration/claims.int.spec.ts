import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presets, replacementLeadTime } from '@vitrine/policy';
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { StartClaimInput } from '../__generated__/graphql.js';
import { bootAftersales, type AftersalesHarness } from './harness.js';

// Claims on delivered order lines, judged by each order's policy version, with evidence on a real S3 server (MinIO).
let aftersales: AftersalesHarness;
let customer: TestIdentity;

beforeAll(async () => {
  aftersales = await bootAftersales('claims');
  customer = await aftersales.tokens.customer();
}, 600_000);
afterAll(async () => {
  await aftersales?.stop();
});

const startClaim = graphql(`
  mutation ClaimsStart($input: StartClaimInput!) {
    startClaim(input: $input) {
      id
      status
      policyVersion
    }
  }
`);
const requestUpload = graphql(`
  mutation ClaimsRequestUpload($claimId: ID!, $input: EvidenceUploadInput!) {
    requestEvidenceUpload(claimId: $claimId, input: $input) {
      evidence {
        id
        status
      }
      url
      headers {
        name
        value
      }
      expiresAt
    }
  }
`);
const submitClaim = graphql(`
  mutation ClaimsSubmit($claimId: ID!) {
    submitClaim(claimId: $claimId) {
      id
      status
      evidence {
        kind
        status
      }
    }
  }
`);
const decideClaim = graphql(`
  mutation ClaimsDecide($claimId: ID!, $input: DecideClaimInput!) {
    decideClaim(claimId: $claimId, input: $input) {
      status
      offers {
        resolution
        refund {
          amount
          currency
        }
        returnPostage
        leadTime {
          outcome
          earliest
          latest
          rule {
            id
          }
        }
        rule {
          id
        }
      }
      gradedParts {
        category
        grade
        amount {
          amount
        }
        rule {
          id
        }
      }
    }
  }
`);
const chooseResolution = graphql(`
  mutation ClaimsChoose($claimId: ID!, $resolution: ClaimResolution!) {
    chooseClaimResolution(claimId: $claimId, resolution: $resolution) {
      status
      resolution
      refund {
        amount
        currency
      }
    }
  }
`);
const claimQuery = graphql(`
  query ClaimsRead($id: ID!) {
    claim(id: $id) {
      status
    }
  }
`);

const day = 86_400_000;
const claimInput = (order: { orderId: string; productId: string }, over: Partial<StartClaimInput> = {}): StartClaimInput => ({
  orderId: order.orderId,
  productId: order.productId,
  kind: 'ACCESSORY_DAMAGED',
  description: 'The head sculpt arrived with a broken neck joint.',
  parts: [{ category: 'HEAD_SCULPT_SPECIAL', issue: 'STRUCTURAL_BREAKAGE' }],
  ...over,
});
const bytes = (n: number) => new Uint8Array(n).fill(7);

async function open(who: TestIdentity, order: { orderId: string; productId: string }, over: Partial<StartClaimInput> = {}) {
  const res = await gql(aftersales.url, startClaim, { input: claimInput(order, over) }, who.headers);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.startClaim.id;
}

async function upload(claimId: string, contentType: string, body: Uint8Array) {
  const res = await gql(aftersales.url, requestUpload, { claimId, input: { contentType, sizeBytes: body.length } }, customer.headers);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const ticket = res.data!.requestEvidenceUpload;
  const headers = Object.fromEntries(ticket.headers.filter((h) => h.name !== 'content-length').map((h) => [h.name, h.value]));
  const put = await fetch(ticket.url, { method: 'PUT', headers, body });
  return { ticket, status: put.status };
}

describe('a claim from delivery to a partial refund', () => {
  it('grades by the 001 table, offers what the policy allows, refunds what the customer picks, never more than the line paid across claims', async () => {
    const order = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(Date.now() - 2 * day), policy: 'deposit-store', unitPrice: 6000 });
    const first = await open(customer, order);
    expect((await upload(first, 'image/jpeg', bytes(2048))).status).toBe(200);
    const submitted = await gql(aftersales.url, submitClaim, { claimId: first }, customer.headers);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitClaim).toEqual({ id: first, status: 'SUBMITTED', evidence: [{ kind: 'PHOTO', status: 'CONFIRMED' }] });

    // A customer cannot decide; another customer does not see the claim.
    expect((await gql(aftersales.url, decideClaim, { claimId: first, input: { grades: [{}] } }, customer.headers)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const stranger = await aftersales.tokens.customer();
    expect((await gql(aftersales.url, claimQuery, { id: first }, stranger.headers)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const decided = await gql(
      aftersales.url,
      decideClaim,
      { claimId: first, input: { grades: [{ grade: 'HIGH' }], studioHasParts: true } },
      aftersales.staff.headers,
    );
    expect(decided.errors).toBeUndefined();
    const tableRule = { id: 'claims.resolutions-accessory-damaged' };
    // The part's window counts from now on the store clock (002's lead times, deposit-store's choice).
    const { earliest, latest } = replacementLeadTime(presets['deposit-store'], true, new Date());
    expect(decided.data!.decideClaim).toEqual({
      status: 'DECIDED',
      offers: [
        {
          resolution: 'REPLACEMENT_PART',
          refund: null,
          returnPostage: null,
          leadTime: { outcome: 'WINDOW', earliest, latest, rule: { id: 'claims.replacement-lead-time' } },
          rule: tableRule,
        },
        { resolution: 'PARTIAL_REFUND', refund: { amount: 4000, currency: 'USD' }, returnPostage: null, leadTime: null, rule: tableRule },
        // Sent back, the whole line comes back (what it has left: nothing refunded on it yet).
        { resolution: 'RETURN', refund: { amount: 6000, currency: 'USD' }, returnPostage: 'SHARED', leadTime: null, rule: tableRule },
      ],
      gradedParts: [{ category: 'HEAD_SCULPT_SPECIAL', grade: 'HIGH', amount: { amount: 4000 }, rule: { id: 'claims.compensation-high' } }],
    });
    // The customer picks the partial refund: closed at once, announced for payments.
    const chosen = await gql(aftersales.url, chooseResolution, { claimId: first, resolution: 'PARTIAL_REFUND' }, customer.headers);
    expect(chosen.data?.chooseClaimResolution, JSON.stringify(chosen.errors)).toEqual({
      status: 'CLOSED',
      resolution: 'PARTIAL_REFUND',
      refund: { amount: 4000, currency: 'USD' },
    });
    const events = await aftersales.sql<{ type: string; envelope: { data: Record<string, unknown> } }>(
      "select type, envelope from aftersales.outbox_message where key = ? and type like 'aftersales.claim.%' order by seq",
      [order.orderId],
    );
    expect(events.map((e) => e.type)).toEqual(['aftersales.claim.submitted', 'aftersales.claim.offered', 'aftersales.claim.resolved']);
    expect(events[2]!.envelope.data).toMatchObject({ resolution: 'PARTIAL_REFUND', refund: { amount: 4000, currency: 'USD' }, closedBy: null });
    const audit = await aftersales.sql('select action, actor from aftersales.audit_entry where subject = ? order by at', [first]);
    expect(audit).toEqual([
      { action: 'claim.decided', actor: aftersales.staff.id },
      { action: 'claim.resolution-chosen', actor: customer.id },
    ]);

    // A second claim on the same line: $40 by the table, but only $20 of the $60 line is left.
    const second = await open(customer, order, { parts: [{ category: 'BODY_SPECIAL_DESIGN', issue: 'STRUCTURAL_BREAKAGE' }] });
    await upload(second, 'image/png', bytes(1024));
    expect((await gql(aftersales.url, submitClaim, { claimId: second }, customer.headers)).errors).toBeUndefined();
    const capped = await gql(
      aftersales.url,
      decideClaim,
      { claimId: second, input: { grades: [{}], resolutions: ['PARTIAL_REFUND'] } },
      aftersales.staff.headers,
    );
    expect(capped.data!.decideClaim.offers).toEqual([
      { resolution: 'PARTIAL_REFUND', refund: { amount: 2000, currency: 'USD' }, returnPostage: null, leadTime: null, rule: { id: 'claims.compensation-cap' } },
    ]);
    // Deciding again changes nothing.
    expect(
      (await gql(aftersales.url, decideClaim, { claimId: second, input: { grades: [{}] } }, aftersales.staff.headers)).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'CLAIM_STATUS_TRANSITION',
    });
    expect(
      (await gql(aftersales.url, chooseResolution, { claimId: second, resolution: 'PARTIAL_REFUND' }, customer.headers)).data?.chooseClaimResolution.refund,
    ).toEqual({
      amount: 2000,
      currency: 'USD',
    });
  });

  it('requires an amount from staff where the policy says "staff decide"', async () => {
    const order = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(Date.now() - day), policy: 'deposit-store' });
    const claimId = await open(customer, order, { parts: [{ category: 'PACKAGING_BOX', issue: 'STRUCTURAL_BREAKAGE' }] });
    await upload(claimId, 'image/webp', bytes(512));
    await gql(aftersales.url, submitClaim, { claimId }, customer.headers);
    const missing = await gql(aftersales.url, decideClaim, { claimId, input: { grades: [{}], studioHasParts: false } }, aftersales.staff.headers);
    expect(missing.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ field: 'grades.0.staffAmount', reason: 'STAFF_AMOUNT_REQUIRED' })]);
    expect((await gql(aftersales.url, claimQuery, { id: claimId }, customer.headers)).data!.claim.status).toBe('SUBMITTED');
    const given = await gql(
      aftersales.url,
      decideClaim,
      { claimId, input: { grades: [{ staffAmount: 800 }], studioHasParts: false } },
      aftersales.staff.headers,
    );
    // The studio has no spare part: made on demand, no date.
    expect(given.data!.decideClaim.offers[0]!.leadTime).toEqual({
      outcome: 'MADE_ON_DEMAND',
      earliest: null,
      latest: null,
      rule: { id: 'claims.replacement-made-on-demand' },
    });
    expect(given.data!.decideClaim.offers.find((o) => o.resolution === 'PARTIAL_REFUND')?.refund).toEqual({ amount: 800, currency: 'USD' });
  });
});

describe('windows, coverage and evidence from the order policy', () => {
  it('refuses a claim after the window (000: 10 days), naming the rule, and saves nothing', async () => {
    const order = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(Date.now() - 12 * day), policy: 'deposit-store' });
    const late = await gql(aftersales.url, startClaim, { input: claimInput(order) }, customer.headers);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'claims.report-window' });
    expect(await aftersales.sql('select id from aftersales.claim where order_id = ?', [order.orderId])).toEqual([]);
  });

  it('does not cover CHINA_STOCK under statue-store, and wants the unboxing video', async () => {
    const china = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'statue-store', productStatus: 'CHINA_STOCK' });
    expect((await gql(aftersales.url, startClaim, { input: claimInput(china) }, customer.headers)).errors?.[0]?.extensions?.rule).toBe(
      'claims.not-covered-china-stock',
    );

    const order = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'statue-store' });
    const claimId = await open(customer, order);
    await upload(claimId, 'image/jpeg', bytes(300));
    const noVideo = await gql(aftersales.url, submitClaim, { claimId }, customer.headers);
    expect(noVideo.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'claims.evidence' });
    expect(noVideo.errors?.[0]?.message).toContain('unboxing video');
    await upload(claimId, 'video/mp4', bytes(4096));
    expect((await gql(aftersales.url, submitClaim, { claimId }, customer.headers)).data?.submitClaim.status).toBe('SUBMITTED');
  });
});

describe('evidence uploads', () => {
  it('refuses a wrong content type, an oversized file and a claim pointing at a file never uploaded', async () => {
    const order = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    const claimId = await open(customer, order);
    const pdf = await gql(aftersales.url, requestUpload, { claimId, input: { contentType: 'application/pdf', sizeBytes: 100 } }, customer.headers);
    expect(pdf.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ field: 'contentType', reason: 'CONTENT_TYPE_NOT_ALLOWED' })]);
    const huge = await gql(aftersales.url, requestUpload, { claimId, input: { contentType: 'image/png', sizeBytes: 16 * 1024 * 1024 } }, customer.headers);
    expect(huge.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ field: 'sizeBytes', reason: 'TOO_LARGE' })]);
    expect(await aftersales.sql('select id from aftersales.evidence where claim_id = ?', [claimId])).toEqual([]);

    const announced = await gql(aftersales.url, requestUpload, { claimId, input: { contentType: 'image/jpeg', sizeBytes: 100 } }, customer.headers);
    expect(announced.errors).toBeUndefined();
    const neverUploaded = await gql(aftersales.url, submitClaim, { claimId }, customer.headers);
    expect(neverUploaded.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(neverUploaded.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ field: 'evidence.0', reason: 'NOT_UPLOADED' })]);
    expect((await gql(aftersales.url, claimQuery, { id: claimId }, customer.headers)).data!.claim.status).toBe('DRAFT');
  });

  it('storage refuses a tampered URL, another content type and another size (403)', async () => {
    const order = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    const claimId = await open(customer, order);
    const res = await gql(aftersales.url, requestUpload, { claimId, input: { contentType: 'image/jpeg', sizeBytes: 64 } }, customer.headers);
    const { url } = res.data!.requestEvidenceUpload;
    const tampered = new URL(url);
    const signature = tampered.searchParams.get('X-Amz-Signature')!;
    tampered.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    expect((await fetch(tampered, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: bytes(64) })).status).toBe(403);
    const otherKey = new URL(url.replace(/\.jpg\?/, '-x.jpg?'));
    expect((await fetch(otherKey, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: bytes(64) })).status).toBe(403);
    expect((await fetch(url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: bytes(64) })).status).toBe(403);
    expect((await fetch(url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: bytes(65) })).status).toBe(403);
    expect((await fetch(url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: bytes(64) })).status).toBe(200);
  });

  it('refuses text inputs over their length with a coded error, and saves nothing', async () => {
    const order = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    const long = await gql(aftersales.url, startClaim, { input: claimInput(order, { description: 'x'.repeat(2001) }) }, customer.headers);
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noParts = await gql(aftersales.url, startClaim, { input: claimInput(order, { parts: [] }) }, customer.headers);
    expect(noParts.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ field: 'parts', reason: 'REQUIRED' })]);
    expect(await aftersales.sql('select id from aftersales.claim where order_id = ?', [order.orderId])).toEqual([]);
  });
});
