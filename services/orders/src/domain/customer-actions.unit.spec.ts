import { describe, expect, it } from 'vitest';
import { describePolicy, presets, type PresetName } from '@vitrine/policy';
import { PolicyViolation } from '@vitrine/platform/domain';
import {
  customerActions,
  customerCancellationQuote,
  customerCancellationRefusal,
  customerOrderActions,
  type CustomerActionFacts,
  type DueCollector,
} from './customer-actions.js';
import type { DueFacts } from './order-snapshot.js';
import { orderStatuses, transition, type OrderStatus } from './order-status.js';

const placedAt = new Date('2027-03-01T10:00:00Z');
const hoursLater = (hours: number) => new Date(placedAt.getTime() + hours * 3_600_000);

type Due = DueFacts & { collect: DueCollector };
const due = (facts: Partial<Due> = {}): Due => ({
  purpose: 'FULL_PAYMENT',
  goodsAmount: 20000,
  shippingAmount: 0,
  status: 'OPEN',
  collect: 'CUSTOMER',
  ...facts,
});

function facts(status: OrderStatus, order: Partial<CustomerActionFacts['order']> = {}, dues: Due[] = []): CustomerActionFacts {
  return {
    order: {
      status,
      outcome: null,
      cancellationRequestedAt: null,
      kind: 'IN_STOCK',
      paymentPlan: 'IN_STOCK',
      currency: 'USD',
      totalAmount: 20000,
      depositAmount: 0,
      downPaymentAmount: 0,
      shippingEstimateAmount: 0,
      placedAt,
      ...order,
    },
    dues,
  };
}

describe('customer actions', () => {
  it('offers paying an open due the customer pays, not one charged to the stored card, nor a paid or void one', () => {
    const policy = presets['deposit-store'];
    const now = hoursLater(1);
    expect(customerActions(facts('AWAITING_PAYMENT', {}, [due()]), policy, now)).toContain('PAY');
    expect(
      customerActions(
        facts('PAYMENT_DUE', { paymentPlan: 'CHARGE_AT_SHIP', kind: 'PREORDER' }, [due({ purpose: 'CHARGE_AT_SHIP', collect: 'STORED_METHOD' })]),
        presets['charge-at-ship'],
        now,
      ),
    ).not.toContain('PAY');
    // A charge at ship that failed past its grace is the customer's to pay.
    expect(
      customerActions(
        facts('PAYMENT_DUE', { paymentPlan: 'CHARGE_AT_SHIP', kind: 'PREORDER' }, [due({ purpose: 'CHARGE_AT_SHIP' })]),
        presets['charge-at-ship'],
        now,
      ),
    ).toContain('PAY');
    expect(customerActions(facts('READY_TO_FULFIL', {}, [due({ status: 'PAID' })]), policy, now)).not.toContain('PAY');
    expect(customerActions(facts('CANCELLED', { outcome: { kind: 'CANCELLED' } }, [due({ status: 'VOID' })]), policy, now)).toEqual([]);
  });

  const cases: [string, PresetName, CustomerActionFacts, Date, string[]][] = [
    ['an in-stock order waiting for its payment', 'deposit-store', facts('AWAITING_PAYMENT', {}, [due()]), hoursLater(1), ['PAY', 'CANCEL']],
    ['a paid in-stock order not processed yet', 'deposit-store', facts('READY_TO_FULFIL', {}, [due({ status: 'PAID' })]), hoursLater(1), ['CANCEL']],
    [
      'a shipped order (returns apply)',
      'deposit-store',
      facts('SHIPPED', { processedAt: hoursLater(2), shippedAt: hoursLater(3) }, [due({ status: 'PAID' })]),
      hoursLater(4),
      [],
    ],
    [
      'a statue-store order once processed',
      'statue-store',
      facts('IN_FULFILMENT', { processedAt: hoursLater(2) }, [due({ status: 'PAID' })]),
      hoursLater(4),
      [],
    ],
    [
      'a charge-at-ship order: staff decide',
      'charge-at-ship',
      facts('READY_TO_FULFIL', {}, [due({ status: 'PAID' })]),
      hoursLater(1),
      ['REQUEST_CANCELLATION'],
    ],
    [
      'a charge-at-ship order whose customer already asked',
      'charge-at-ship',
      facts('READY_TO_FULFIL', { cancellationRequestedAt: hoursLater(1) }, [due({ status: 'PAID' })]),
      hoursLater(2),
      [],
    ],
    ['an expired order', 'deposit-store', facts('EXPIRED', { outcome: { kind: 'EXPIRED' } }), hoursLater(100), []],
    [
      'a delivered order',
      'deposit-store',
      facts('DELIVERED', { processedAt: hoursLater(2), shippedAt: hoursLater(3), deliveredAt: hoursLater(30) }),
      hoursLater(40),
      [],
    ],
  ];
  for (const [name, preset, order, now, expected] of cases) {
    it(`${name}: ${expected.join(', ') || 'nothing'}`, () => {
      expect(customerActions(order, presets[preset], now)).toEqual(expected);
    });
  }

  it('lists a cancellation exactly when cancelOrder lets it through, for every status and preset; an allowed one walks the table to CANCELLED', () => {
    for (const preset of Object.keys(presets) as PresetName[]) {
      for (const status of orderStatuses) {
        for (const outcome of [null, { kind: 'CANCELLED' }]) {
          for (const shippedAt of [null, hoursLater(3)]) {
            const order = facts(status, { outcome, shippedAt, processedAt: shippedAt && hoursLater(2) }, [due({ status: 'PAID' })]);
            const now = hoursLater(4);
            const quote = customerCancellationQuote(presets[preset], order.order, order.dues, now);
            const refusal = customerCancellationRefusal(order.order, quote, presets[preset]);
            const listed = customerActions(order, presets[preset], now).filter((a) => a !== 'PAY');
            expect(listed.length).toBeLessThanOrEqual(1);
            if (refusal) {
              expect(refusal).toBeInstanceOf(PolicyViolation);
              expect(listed).toEqual([]);
            } else {
              expect(listed).toEqual([quote.outcome === 'ALLOWED' ? 'CANCEL' : 'REQUEST_CANCELLATION']);
              if (quote.outcome === 'ALLOWED') expect(transition(status, 'CANCELLED')).toBe('CANCELLED');
            }
          }
        }
      }
    }
  });

  it('refuses an ended order as ORDER_ENDED and a refused quote with its rule, in English and French', () => {
    const policy = presets['deposit-store'];
    const quote = { outcome: 'ALLOWED' as const, rule: { id: 'x', text: 'x' } };
    expect(customerCancellationRefusal({ status: 'CANCELLED', outcome: { kind: 'CANCELLED' } }, quote, policy)).toMatchObject({
      code: 'POLICY_VIOLATION',
      details: { rule: 'ORDER_ENDED' },
    });
    const shipped = (lang: 'en' | 'fr') =>
      describePolicy(policy, lang)
        .flatMap((section) => section.rules)
        .find((rule) => rule.id === 'order-cancellation.refused-once-shipped')!;
    const refused = { outcome: 'REFUSED' as const, rule: shipped('en') };
    expect(customerCancellationRefusal({ status: 'SHIPPED', outcome: null }, refused, policy)).toMatchObject({
      details: { rule: 'order-cancellation.refused-once-shipped', ruleTexts: { en: shipped('en').text, fr: shipped('fr').text } },
      message: shipped('en').text,
    });
    expect(customerCancellationRefusal({ status: 'DELIVERED', outcome: null }, quote, policy)).toMatchObject({ details: { rule: 'ORDER_STATUS_TRANSITION' } });
  });

  it('names every action the schema lists', () => {
    expect(customerOrderActions).toEqual(['PAY', 'CANCEL', 'REQUEST_CANCELLATION']);
  });
});
