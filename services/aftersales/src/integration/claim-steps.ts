// Test-only: a customer's claim brought to SUBMITTED through aftersales' API, for specs about what staff and the customer do next.
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { StartClaimInput } from '../__generated__/graphql.js';
import type { AftersalesHarness, DeliveredOrderOptions } from './harness.js';

const startClaim = graphql(`
  mutation StepsStartClaim($input: StartClaimInput!) {
    startClaim(input: $input) {
      id
    }
  }
`);
const requestUpload = graphql(`
  mutation StepsRequestUpload($claimId: ID!, $input: EvidenceUploadInput!) {
    requestEvidenceUpload(claimId: $claimId, input: $input) {
      url
      headers {
        name
        value
      }
    }
  }
`);
const submitClaim = graphql(`
  mutation StepsSubmit($claimId: ID!) {
    submitClaim(claimId: $claimId) {
      status
    }
  }
`);

const ok = <T>(res: { data?: T | null; errors?: unknown }): T => {
  if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
};

/** PUTs `size` bytes of `contentType` through an upload URL aftersales issues for the claim. */
export async function uploadEvidence(h: AftersalesHarness, who: TestIdentity, claimId: string, contentType: string, size: number): Promise<void> {
  const ticket = ok(await gql(h.url, requestUpload, { claimId, input: { contentType, sizeBytes: size } }, who.headers)).requestEvidenceUpload;
  const headers = Object.fromEntries(ticket.headers.filter((x) => x.name !== 'content-length').map((x) => [x.name, x.value]));
  const put = await fetch(ticket.url, { method: 'PUT', headers, body: new Uint8Array(size).fill(3) });
  if (put.status !== 200) throw new Error(`upload refused: ${put.status}`);
}

/** A delivered order of `who` and a claim on it, submitted with a photo (and the unboxing video statue-store wants). */
export async function submittedClaim(
  h: AftersalesHarness,
  who: TestIdentity,
  order: DeliveredOrderOptions,
  claim: Partial<StartClaimInput> = {},
): Promise<{ claimId: string; orderId: string; productId: string }> {
  const { orderId, productId } = await h.deliveredOrder(who, order);
  const input: StartClaimInput = {
    orderId,
    productId,
    kind: 'ACCESSORY_DAMAGED',
    description: 'The sword arrived snapped in two.',
    parts: [{ category: 'WEAPON_LARGE', issue: 'STRUCTURAL_BREAKAGE' }],
    ...claim,
  };
  const claimId = ok(await gql(h.url, startClaim, { input }, who.headers)).startClaim.id;
  await uploadEvidence(h, who, claimId, 'image/jpeg', 256);
  if (order.policy === 'statue-store') await uploadEvidence(h, who, claimId, 'video/mp4', 1024);
  const submitted = ok(await gql(h.url, submitClaim, { claimId }, who.headers)).submitClaim;
  if (submitted.status !== 'SUBMITTED') throw new Error(`claim ${claimId} is ${submitted.status}`);
  return { claimId, orderId, productId };
}
