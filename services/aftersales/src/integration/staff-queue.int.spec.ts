import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { submittedClaim } from './claim-steps.js';
import { bootAftersales, type AftersalesHarness } from './harness.js';

// Staff's queues: claims and returns filtered by status, kind, order, customer and age, oldest first, paged by offset.
let aftersales: AftersalesHarness;
let customer: TestIdentity;
let other: TestIdentity;

beforeAll(async () => {
  aftersales = await bootAftersales('staff-queue');
  customer = await aftersales.tokens.customer();
  other = await aftersales.tokens.customer();
}, 600_000);
afterAll(async () => {
  await aftersales?.stop();
});

const claimQueue = graphql(`
  query QueueClaims($filter: ClaimQueueFilter, $first: Int, $offset: Int! = 0, $oldestFirst: Boolean! = true) {
    claims(filter: $filter, first: $first, offset: $offset, oldestFirst: $oldestFirst) {
      items {
        id
        status
        kind
        submittedAt
      }
      totalCount
      hasNextPage
      nextOffset
    }
  }
`);
const returnQueue = graphql(`
  query QueueReturns($filter: ReturnQueueFilter, $first: Int, $offset: Int! = 0) {
    preferenceReturns(filter: $filter, first: $first, offset: $offset) {
      items {
        id
        status
      }
      totalCount
      hasNextPage
      nextOffset
    }
  }
`);
const startReview = graphql(`
  mutation QueueStartReview($claimId: ID!) {
    startClaimReview(claimId: $claimId) {
      status
    }
  }
`);
const requestReturn = graphql(`
  mutation QueueRequestReturn($input: RequestReturnInput!) {
    requestReturn(input: $input) {
      id
      requestedAt
    }
  }
`);
const receiveReturn = graphql(`
  mutation QueueReceiveReturn($returnId: ID!, $input: ReceiveReturnInput!) {
    receiveReturn(returnId: $returnId, input: $input) {
      status
    }
  }
`);

const staff = () => aftersales.staff.headers;
const codeOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;
const day = 86_400_000;

describe('the claim queue', () => {
  it('filters by status, kind, order, customer and age, oldest submission first, paged by offset', async () => {
    const order = { deliveredAt: new Date(), policy: 'deposit-store' as const };
    const first = await submittedClaim(aftersales, customer, order);
    const second = await submittedClaim(aftersales, customer, order, {
      kind: 'MIS_SHIPMENT',
      parts: [{ category: 'FIGURE_STAND', issue: 'MISSING_OR_WRONG_ACCESSORY' }],
    });
    const third = await submittedClaim(aftersales, other, order);
    const fourth = await submittedClaim(aftersales, customer, order);
    expect((await gql(aftersales.url, startReview, { claimId: third.claimId }, staff())).data?.startClaimReview.status).toBe('UNDER_REVIEW');
    const queue = (variables: Record<string, unknown>) => gql(aftersales.url, claimQueue, variables as never, staff());
    const ids = (res: Awaited<ReturnType<typeof queue>>) => res.data?.claims.items.map((c) => c.id);

    // No filter: everything waiting for staff (submitted or under review), oldest first.
    const all = await queue({});
    expect(all.data?.claims, JSON.stringify(all.errors)).toMatchObject({ totalCount: 4, hasNextPage: false, nextOffset: null });
    expect(ids(all)).toEqual([first.claimId, second.claimId, third.claimId, fourth.claimId]);
    expect(ids(await queue({ filter: { statuses: ['UNDER_REVIEW'] } }))).toEqual([third.claimId]);
    expect(ids(await queue({ filter: { statuses: ['SUBMITTED'], kinds: ['ACCESSORY_DAMAGED'] } }))).toEqual([first.claimId, fourth.claimId]);
    expect(ids(await queue({ filter: { kinds: ['MIS_SHIPMENT'] } }))).toEqual([second.claimId]);
    expect(ids(await queue({ filter: { customerId: other.id } }))).toEqual([third.claimId]);
    expect(ids(await queue({ filter: { orderId: fourth.orderId } }))).toEqual([fourth.claimId]);
    expect(ids(await queue({ filter: { statuses: ['DECIDED', 'CLOSED'] } }))).toEqual([]);

    // Age: submitted from the second one's instant to the third one's.
    const at = (claimId: string) => all.data!.claims.items.find((c) => c.id === claimId)!.submittedAt as string;
    expect(ids(await queue({ filter: { submittedAfter: at(second.claimId), submittedBefore: at(third.claimId) } }))).toEqual([second.claimId, third.claimId]);
    expect(ids(await queue({ filter: { submittedBefore: at(first.claimId) } }))).toEqual([first.claimId]);

    // Pages: two at a time, then the rest; newest first on request.
    const page1 = await queue({ first: 2 });
    expect(page1.data?.claims).toMatchObject({ totalCount: 4, hasNextPage: true, nextOffset: 2 });
    expect(ids(page1)).toEqual([first.claimId, second.claimId]);
    const page2 = await queue({ first: 2, offset: page1.data!.claims.nextOffset! });
    expect(page2.data?.claims).toMatchObject({ totalCount: 4, hasNextPage: false, nextOffset: null });
    expect(ids(page2)).toEqual([third.claimId, fourth.claimId]);
    expect(ids(await queue({ oldestFirst: false, first: 1 }))).toEqual([fourth.claimId]);
  });

  it('refuses a filter that cannot match or a page out of range with coded errors; customers cannot read it', async () => {
    const queue = (variables: Record<string, unknown>, headers = staff()) => gql(aftersales.url, claimQueue, variables as never, headers);
    expect(
      codeOf(await queue({ filter: { statuses: [], submittedAfter: '2026-12-02T00:00:00Z', submittedBefore: '2026-12-01T00:00:00Z' }, offset: -1 })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        expect.objectContaining({ field: 'filter.statuses', reason: 'REQUIRED' }),
        expect.objectContaining({ field: 'filter.submittedAfter', reason: 'EMPTY_RANGE' }),
        expect.objectContaining({ field: 'offset', reason: 'OUT_OF_RANGE' }),
      ],
    });
    expect(codeOf(await queue({ first: 101 }))).toMatchObject({ code: 'BAD_USER_INPUT', problems: [expect.objectContaining({ field: 'first' })] });
    expect(codeOf(await queue({ filter: { orderId: 'not-an-id' } }))?.code).toBe('BAD_USER_INPUT');
    expect(codeOf(await queue({}, customer.headers))?.code).toBe('FORBIDDEN');
  });
});

describe('the return queue', () => {
  it('waiting returns by default, oldest first; by status, customer, order and age', async () => {
    const delivered = { deliveredAt: new Date(Date.now() - day), policy: 'deposit-store' as const };
    const ask = async (who: TestIdentity) => {
      const { orderId, productId } = await aftersales.deliveredOrder(who, delivered);
      const res = await gql(aftersales.url, requestReturn, { input: { orderId, productId } }, who.headers);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return { orderId, ...res.data!.requestReturn };
    };
    const a = await ask(customer);
    const b = await ask(other);
    const c = await ask(customer);
    expect((await gql(aftersales.url, receiveReturn, { returnId: b.id, input: { condition: 'PERFECT_UNUSED' } }, staff())).data?.receiveReturn.status).toBe(
      'REFUNDED',
    );
    const queue = async (variables: Record<string, unknown>) => {
      const res = await gql(aftersales.url, returnQueue, variables as never, staff());
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data!.preferenceReturns;
    };
    expect(await queue({})).toEqual({ items: [a, c].map(({ id }) => ({ id, status: 'REQUESTED' })), totalCount: 2, hasNextPage: false, nextOffset: null });
    expect((await queue({ filter: { statuses: ['REFUNDED', 'REJECTED'] } })).items).toEqual([{ id: b.id, status: 'REFUNDED' }]);
    expect((await queue({ filter: { statuses: ['REQUESTED', 'REFUNDED'], customerId: customer.id } })).items.map((r) => r.id)).toEqual([a.id, c.id]);
    expect((await queue({ filter: { orderId: c.orderId } })).items.map((r) => r.id)).toEqual([c.id]);
    expect((await queue({ filter: { requestedAfter: c.requestedAt } })).items.map((r) => r.id)).toEqual([c.id]);
    expect(await queue({ first: 1 })).toMatchObject({ items: [{ id: a.id }], totalCount: 2, hasNextPage: true, nextOffset: 1 });
    expect(codeOf(await gql(aftersales.url, returnQueue, { filter: { statuses: [] } }, staff()))).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ field: 'filter.statuses', reason: 'REQUIRED' })],
    });
  });
});
