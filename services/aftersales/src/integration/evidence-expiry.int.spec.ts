import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootAftersales, type AftersalesHarness } from './harness.js';

// An upload URL used after it expired, on the real MinIO: upload URLs live 2 seconds here (EVIDENCE_UPLOAD_TTL_SECONDS).
let aftersales: AftersalesHarness;
let customer: TestIdentity;

beforeAll(async () => {
  aftersales = await bootAftersales('evidence-expiry', { EVIDENCE_UPLOAD_TTL_SECONDS: '2' });
  customer = await aftersales.tokens.customer();
}, 600_000);
afterAll(async () => {
  await aftersales?.stop();
});

const startClaim = graphql(`
  mutation ExpiryStart($input: StartClaimInput!) {
    startClaim(input: $input) {
      id
    }
  }
`);
const requestUpload = graphql(`
  mutation ExpiryRequestUpload($claimId: ID!, $input: EvidenceUploadInput!) {
    requestEvidenceUpload(claimId: $claimId, input: $input) {
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
  mutation ExpirySubmit($claimId: ID!) {
    submitClaim(claimId: $claimId) {
      status
    }
  }
`);
const readClaim = graphql(`
  query ExpiryRead($id: ID!) {
    claim(id: $id) {
      status
      evidence {
        status
      }
    }
  }
`);

describe('an upload URL used after it expired', () => {
  it('storage refuses it (403); the claim cannot be submitted, its evidence stays pending, and a new URL works', async () => {
    const { orderId, productId } = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    const input = {
      orderId,
      productId,
      kind: 'ACCESSORY_DAMAGED' as const,
      description: 'The sword arrived snapped in two.',
      parts: [{ category: 'WEAPON_LARGE' as const, issue: 'STRUCTURAL_BREAKAGE' as const }],
    };
    const claimId = (await gql(aftersales.url, startClaim, { input }, customer.headers)).data!.startClaim.id;
    const issued = await gql(aftersales.url, requestUpload, { claimId, input: { contentType: 'image/jpeg', sizeBytes: 128 } }, customer.headers);
    expect(issued.errors).toBeUndefined();
    const ticket = issued.data!.requestEvidenceUpload;
    expect(new URL(ticket.url).searchParams.get('X-Amz-Expires')).toBe('2');
    const put = (url: string) =>
      fetch(url, {
        method: 'PUT',
        headers: Object.fromEntries(ticket.headers.filter((h) => h.name !== 'content-length').map((h) => [h.name, h.value])),
        body: new Uint8Array(128).fill(5),
      });

    // Past its expiry (2 s from X-Amz-Date, which is the signing second rounded down): refused by storage, nothing stored.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const late = await put(ticket.url);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('expired');
    const submitted = await gql(aftersales.url, submitClaim, { claimId }, customer.headers);
    expect(submitted.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ field: 'evidence.0', reason: 'NOT_UPLOADED' })],
    });
    expect((await gql(aftersales.url, readClaim, { id: claimId }, customer.headers)).data!.claim).toEqual({
      status: 'DRAFT',
      evidence: [{ status: 'PENDING' }],
    });
    expect(await aftersales.sql('select status from aftersales.evidence where claim_id = ?', [claimId])).toEqual([{ status: 'PENDING' }]);

    // The same file through a fresh URL, used at once, arrives (the refusal above was the expiry, not the request).
    const fresh = await gql(aftersales.url, requestUpload, { claimId, input: { contentType: 'image/jpeg', sizeBytes: 128 } }, customer.headers);
    expect((await put(fresh.data!.requestEvidenceUpload.url)).status).toBe(200);
  });
});
