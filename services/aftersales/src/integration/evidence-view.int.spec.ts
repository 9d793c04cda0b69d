import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootAftersales, type AftersalesHarness } from './harness.js';

// Looking at a claim's files (`Evidence.viewUrl`) on both stores: a real uploaded file read back by its customer and
// by staff, null before the file is confirmed, a forged URL and one used after its expiry refused with 403. Read
// URLs live 5 seconds here (EVIDENCE_VIEW_TTL_SECONDS).
const viewTtlSeconds = 5;

const startClaim = graphql(`
  mutation ViewStart($input: StartClaimInput!) {
    startClaim(input: $input) {
      id
    }
  }
`);
const requestUpload = graphql(`
  mutation ViewRequestUpload($claimId: ID!, $input: EvidenceUploadInput!) {
    requestEvidenceUpload(claimId: $claimId, input: $input) {
      url
      headers {
        name
        value
      }
      evidence {
        status
        viewUrl
      }
    }
  }
`);
const submitClaim = graphql(`
  mutation ViewSubmit($claimId: ID!) {
    submitClaim(claimId: $claimId) {
      status
    }
  }
`);
const readClaim = graphql(`
  query ViewRead($id: ID!) {
    claim(id: $id) {
      evidence {
        kind
        status
        viewUrl
      }
    }
  }
`);
const staffQueue = graphql(`
  query ViewQueue($filter: ClaimQueueFilter) {
    claims(filter: $filter, offset: 0) {
      items {
        evidence {
          viewUrl
        }
      }
    }
  }
`);

// A small PNG's bytes (what matters is that the same bytes come back).
const photo = new Uint8Array(512).map((_, i) => (i * 7) % 256);
photo.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A forged copy of a read URL: one signed part changed (the store's own parameter names). */
type Forge = (url: URL) => void;

function scenario(label: string, env: () => Promise<Record<string, string>>, forgeries: Record<string, Forge>) {
  let aftersales: AftersalesHarness;
  let customer: TestIdentity;
  let stranger: TestIdentity;

  beforeAll(async () => {
    aftersales = await bootAftersales(`evidence-view-${label}`, { EVIDENCE_VIEW_TTL_SECONDS: String(viewTtlSeconds), ...(await env()) });
    customer = await aftersales.tokens.customer();
    stranger = await aftersales.tokens.customer();
  }, 600_000);
  afterAll(async () => {
    await aftersales?.stop();
  });

  it('gives no URL before the file is confirmed; then the customer and staff read the very file back, a forged URL is refused', async () => {
    const { orderId, productId } = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    const input = {
      orderId,
      productId,
      kind: 'ACCESSORY_DAMAGED' as const,
      description: 'The sword arrived snapped in two.',
      parts: [{ category: 'WEAPON_LARGE' as const, issue: 'STRUCTURAL_BREAKAGE' as const }],
    };
    const claimId = (await gql(aftersales.url, startClaim, { input }, customer.headers)).data!.startClaim.id;
    const issued = await gql(aftersales.url, requestUpload, { claimId, input: { contentType: 'image/png', sizeBytes: photo.length } }, customer.headers);
    expect(issued.errors).toBeUndefined();
    const ticket = issued.data!.requestEvidenceUpload;
    expect(ticket.evidence).toEqual({ status: 'PENDING', viewUrl: null });
    const headers = Object.fromEntries(ticket.headers.filter((h) => h.name !== 'content-length').map((h) => [h.name, h.value]));
    expect((await fetch(ticket.url, { method: 'PUT', headers, body: photo })).status).toBe(200);
    // Uploaded but not yet confirmed by a submission: no URL.
    expect((await gql(aftersales.url, readClaim, { id: claimId }, customer.headers)).data!.claim.evidence).toEqual([
      { kind: 'PHOTO', status: 'PENDING', viewUrl: null },
    ]);
    expect((await gql(aftersales.url, submitClaim, { claimId }, customer.headers)).data?.submitClaim.status).toBe('SUBMITTED');

    const [mine] = (await gql(aftersales.url, readClaim, { id: claimId }, customer.headers)).data!.claim.evidence;
    expect(mine).toMatchObject({ status: 'CONFIRMED', viewUrl: expect.any(String) });
    const [seenByStaff] = (await gql(aftersales.url, staffQueue, { filter: { orderId } }, aftersales.staff.headers)).data!.claims.items[0]!.evidence;
    for (const url of [mine!.viewUrl!, seenByStaff!.viewUrl!]) {
      const answer = await fetch(url);
      expect(answer.status, url).toBe(200);
      expect(answer.headers.get('content-type')).toBe('image/png');
      expect(answer.headers.get('content-disposition')).toMatch(/^inline/);
      expect(new Uint8Array(await answer.arrayBuffer())).toEqual(photo);
    }
    // Someone else's claim is not found at all, so neither is a URL to its files.
    const strangers = await gql(aftersales.url, readClaim, { id: claimId }, stranger.headers);
    expect(strangers.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(strangers.data?.claim ?? null).toBeNull();

    for (const [what, forge] of Object.entries(forgeries)) {
      const forged = new URL(mine!.viewUrl!);
      forge(forged);
      const answer = await fetch(forged);
      expect(answer.status, what).toBe(403);
      expect(new Uint8Array(await answer.arrayBuffer()), what).not.toEqual(photo);
    }

    // Past its expiry the same URL is refused, and nothing is served.
    await new Promise((resolve) => setTimeout(resolve, (viewTtlSeconds + 1) * 1000));
    const late = await fetch(mine!.viewUrl!);
    expect(late.status).toBe(403);
    expect(new Uint8Array(await late.arrayBuffer())).not.toEqual(photo);
  });
}

describe('read URLs on S3 (MinIO checks the presigned GET)', () => {
  scenario('s3', async () => ({}), {
    'another signature': (url) => url.searchParams.set('X-Amz-Signature', '0'.repeat(64)),
    'another response type': (url) => url.searchParams.set('response-content-type', 'text/html'),
    'a longer life': (url) => url.searchParams.set('X-Amz-Expires', '3600'),
  });
});

describe("read URLs on the file store (after-sales' own route)", () => {
  let folder: string | null = null;
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });
  scenario(
    'file',
    async () => {
      folder = await mkdtemp(join(tmpdir(), 'vitrine-evidence-view-'));
      return { EVIDENCE_STORE: 'file', EVIDENCE_FILE_DIR: folder };
    },
    {
      'another signature': (url) => url.searchParams.set('sig', 'A'.repeat(url.searchParams.get('sig')!.length)),
      'another type': (url) => url.searchParams.set('type', 'image/jpeg'),
      'a longer life': (url) => url.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600)),
    },
  );
});
