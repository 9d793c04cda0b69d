import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { StartClaimInput } from '../__generated__/graphql.js';
import { bootAftersales, type AftersalesHarness } from './harness.js';

// `npm start`'s file store on aftersales' own port, as the storefront's browser uses it from another origin
// (EVIDENCE_CORS_ORIGINS): the preflight, the PUT with its Origin, then the claim submitted with the file found.
const storefront = 'http://127.0.0.1:3100';
let aftersales: AftersalesHarness;
let customer: TestIdentity;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'vitrine-evidence-cors-'));
  aftersales = await bootAftersales('file-store-cors', { EVIDENCE_STORE: 'file', EVIDENCE_FILE_DIR: folder, EVIDENCE_CORS_ORIGINS: storefront });
  customer = await aftersales.tokens.customer();
}, 600_000);
afterAll(async () => {
  await aftersales?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const startClaim = graphql(`
  mutation CorsStart($input: StartClaimInput!) {
    startClaim(input: $input) {
      id
    }
  }
`);
const requestUpload = graphql(`
  mutation CorsRequestUpload($claimId: ID!, $input: EvidenceUploadInput!) {
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
  mutation CorsSubmit($claimId: ID!) {
    submitClaim(claimId: $claimId) {
      status
      evidence {
        status
      }
    }
  }
`);

const preflight = (url: string, origin: string) =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });

describe("the file store's upload URL used from the storefront's origin", () => {
  it('answers the preflight for the listed origin only, takes the upload with its allow-origin, and the claim finds the file', async () => {
    const { orderId, productId } = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    const input: StartClaimInput = {
      orderId,
      productId,
      kind: 'ACCESSORY_DAMAGED',
      description: 'The sword arrived snapped in two.',
      parts: [{ category: 'WEAPON_LARGE', issue: 'STRUCTURAL_BREAKAGE' }],
    };
    const started = await gql(aftersales.url, startClaim, { input }, customer.headers);
    const claimId = started.data!.startClaim.id;
    const ticket = (await gql(aftersales.url, requestUpload, { claimId, input: { contentType: 'image/jpeg', sizeBytes: 256 } }, customer.headers)).data!
      .requestEvidenceUpload;
    expect(new URL(ticket.url).origin).toBe(new URL(aftersales.url).origin);

    const allowed = await preflight(ticket.url, storefront);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(storefront);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('PUT');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(allowed.headers.get('vary')).toBe('Origin');

    // The default local origins are replaced by the setting, not added to.
    for (const origin of ['http://evil.test', 'http://localhost:3000']) {
      const refused = await preflight(ticket.url, origin);
      expect(refused.status, origin).toBe(403);
      expect(refused.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(refused.headers.get('access-control-allow-methods'), origin).toBeNull();
    }

    // What the browser sends: the signed content type (it sets the length itself) and the page's origin.
    const headers = Object.fromEntries(ticket.headers.filter((h) => h.name !== 'content-length').map((h) => [h.name, h.value]));
    const wrongSize = await fetch(ticket.url, { method: 'PUT', headers: { ...headers, origin: storefront }, body: new Uint8Array(255) });
    expect(wrongSize.status).toBe(403);
    const put = await fetch(ticket.url, { method: 'PUT', headers: { ...headers, origin: storefront }, body: new Uint8Array(256).fill(7) });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe(storefront);

    const submitted = (await gql(aftersales.url, submitClaim, { claimId }, customer.headers)).data!.submitClaim;
    expect(submitted).toEqual({ status: 'SUBMITTED', evidence: [{ status: 'CONFIRMED' }] });
  });
});
