import { describe, expect, it } from 'vitest';
import { describeFailure, failureKinds, failureMessages, providerCodesByKind } from './failure-reasons.js';

describe('describeFailure', () => {
  it.each([
    ['card_declined', 'CARD_DECLINED', 'Your card was declined. Please use another card or contact your bank.'],
    ['insufficient_funds', 'INSUFFICIENT_FUNDS', 'Your card has insufficient funds. Please use another card.'],
    ['expired_card', 'EXPIRED_CARD', 'Your card has expired. Please use another card.'],
    ['incorrect_cvc', 'INCORRECT_CARD_DETAILS', 'Some of your card details are incorrect. Please check them and try again.'],
    ['authentication_required', 'AUTHENTICATION_REQUIRED', 'Your bank asks you to confirm this payment. Please pay again and complete the confirmation step.'],
    ['api_connection_error', 'PROVIDER_UNAVAILABLE', 'The payment service is unavailable for a moment. Please try again shortly; you have not been charged.'],
  ])('%s reads as %s', (code, kind, message) => {
    expect(describeFailure(code)).toEqual({ kind, message, providerCode: code, retryable: kind === 'PROVIDER_UNAVAILABLE' });
  });

  it('a fraud-related decline reads as a plain decline, and keeps its code for staff', () => {
    for (const code of ['fraudulent', 'stolen_card', 'lost_card']) {
      expect(describeFailure(code)).toMatchObject({ kind: 'CARD_DECLINED', providerCode: code, retryable: false });
    }
  });

  it('an unknown, missing or blank code reads as a generic failure', () => {
    expect(describeFailure('some_new_code')).toEqual({
      kind: 'PAYMENT_FAILED',
      message: 'The payment could not be completed. Please try again or use another card.',
      providerCode: 'some_new_code',
      retryable: false,
    });
    expect(describeFailure(null)).toMatchObject({ kind: 'PAYMENT_FAILED', providerCode: null });
    expect(describeFailure('  ')).toMatchObject({ kind: 'PAYMENT_FAILED', providerCode: null });
  });

  it('matches codes whatever their case', () => {
    expect(describeFailure('Insufficient_Funds')).toMatchObject({ kind: 'INSUFFICIENT_FUNDS', providerCode: 'Insufficient_Funds' });
  });

  it('never shows a provider code or anything that looks like one to the customer', () => {
    const codes = Object.values(providerCodesByKind).flat();
    for (const kind of failureKinds) {
      for (const code of codes) expect(failureMessages[kind].toLowerCase()).not.toContain(code);
      expect(failureMessages[kind]).not.toContain('_');
      expect(failureMessages[kind]).not.toMatch(/fraud|stolen|lost/i);
    }
  });
});
