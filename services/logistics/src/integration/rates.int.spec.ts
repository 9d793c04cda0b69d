import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, eventually, gql, listenToTopic, type TopicListener } from '@vitrine/testing';
import { shippingRatesPublishedV1 } from '@vitrine/contracts';
import { graphql } from '../__generated__/index.js';
import { bootLogistics, measuredProduct, publishRateTableMutation, publishTable, testRateTable, type LogisticsHarness } from './harness.js';

let h: LogisticsHarness;
let rates: TopicListener;

beforeAll(async () => {
  h = await bootLogistics('rates');
  rates = await listenToTopic(h, shippingRatesPublishedV1.topic);
});
afterAll(async () => {
  await rates?.stop();
  await h?.stop();
});

const estimateQuery = graphql(`
  query Estimate($items: [EstimateItemInput!]!, $destination: String!, $method: String!) {
    shippingEstimate(items: $items, destination: $destination, method: $method) {
      amount {
        amount
        currency
      }
      zone
      actualGrams
      volumetricGrams
      chargeableGrams
      rateTableVersion
    }
  }
`);

const problemsOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (res.errors?.[0]?.extensions?.problems as { field: string; reason: string }[] | undefined)?.map((p) => `${p.field}:${p.reason}`);

describe('rate tables', () => {
  it('staff publish a version, announced per item for orders; others may not', async () => {
    const version = await publishTable(h, testRateTable());
    expect(version).toBe(1);
    const event = await eventually(() => rates.received.find((e) => e.data.version === 1));
    // Reference item 1,000 g, 300x200x100 mm: 1,200 g chargeable (1,500); two: 2,400 g (2,500).
    expect(event.data.methods).toEqual([
      {
        code: 'STANDARD',
        label: 'Standard',
        zones: [
          { countries: ['FR', 'DE'], firstItem: 1_500, additionalItem: 1_000 },
          { countries: [], firstItem: 4_000, additionalItem: 0 },
        ],
      },
    ]);
    const customer = await h.tokens.customer();
    const refused = await gql(h.url, publishRateTableMutation, { input: testRateTable() }, customer.headers);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(h.url, publishRateTableMutation, { input: testRateTable() }, anonymous.headers)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad table with every problem and writes nothing', async () => {
    const before = await h.sql('select count(*) as n from logistics.rate_table_version');
    const bad = testRateTable();
    bad.methods[0]!.origin = 'NOWHERE';
    bad.methods[0]!.volumetricDivisor = 0;
    bad.zones[0]!.countries = ['FR', 'XX'];
    const res = await gql(h.url, publishRateTableMutation, { input: bad }, h.staff.headers);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problemsOf(res)).toEqual(['zones.0.countries.1:UNKNOWN_COUNTRY', 'methods.0.volumetricDivisor:OUT_OF_RANGE', 'methods.0.origin:UNKNOWN_WAREHOUSE']);
    expect(await h.sql('select count(*) as n from logistics.rate_table_version')).toEqual(before);
  });
});

describe('shippingEstimate', () => {
  it('prices by volumetric weight when the box is light and big, by actual weight when heavy', async () => {
    const light = await measuredProduct(h, 900, [400, 300, 250]); // 6,000 g volumetric
    const heavy = await measuredProduct(h, 7_500, [400, 300, 250]);
    const est = async (productId: string) =>
      (await gql(h.url, estimateQuery, { items: [{ productId, quantity: 1 }], destination: 'FR', method: 'STANDARD' })).data!.shippingEstimate;
    expect(await est(light)).toMatchObject({
      actualGrams: 900,
      volumetricGrams: 6_000,
      chargeableGrams: 6_000,
      amount: { amount: 2_500 + 400, currency: 'USD' },
      zone: 'EU',
    });
    expect(await est(heavy)).toMatchObject({ chargeableGrams: 7_500, amount: { amount: 2_500 + 3 * 400 } });
  });

  it('finds the zone of a country, else the rest of the world', async () => {
    const fig = await measuredProduct(h, 900, [300, 200, 100]);
    const res = await gql(h.url, estimateQuery, { items: [{ productId: fig, quantity: 1 }], destination: 'JP', method: 'STANDARD' });
    expect(res.data!.shippingEstimate).toMatchObject({ zone: 'WORLD', amount: { amount: 4_000 } });
  });

  it('says clearly what is wrong: unknown method, unmeasured product, bad country', async () => {
    const fig = await measuredProduct(h, 900, [300, 200, 100]);
    const bare = await measuredProduct(h, null, null);
    const ask = (vars: { items: { productId: string; quantity: number }[]; destination: string; method: string }) => gql(h.url, estimateQuery, vars);
    expect(problemsOf(await ask({ items: [{ productId: fig, quantity: 1 }], destination: 'FR', method: 'DRONE' }))).toEqual(['method:UNKNOWN_SHIPPING_METHOD']);
    expect(problemsOf(await ask({ items: [{ productId: bare, quantity: 1 }], destination: 'FR', method: 'STANDARD' }))).toEqual([
      'items.0.productId:NOT_MEASURED',
    ]);
    expect(problemsOf(await ask({ items: [{ productId: fig, quantity: 1 }], destination: 'QQ', method: 'STANDARD' }))).toEqual(['destination:UNKNOWN_COUNTRY']);
    const tooLong = await ask({ items: [{ productId: fig, quantity: 1 }], destination: 'FRANCE', method: 'STANDARD' });
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
