import { describe, expect, it } from 'vitest';
import { discrepancyWords, paymentStatusText } from './payment-words.js';

describe('discrepancyWords', () => {
  it('says an unbalanced transaction with its amount', () => {
    expect(discrepancyWords('UNBALANCED_TRANSACTION', JSON.stringify({ transactionId: 't1', currency: 'USD', amount: 1500 }))).toEqual({
      title: 'A transaction does not balance',
      sentence: 'Transaction t1: its postings add up to $15.00 instead of zero.',
    });
  });

  it('names the account of a negative balance in words', () => {
    const words = discrepancyWords(
      'NEGATIVE_BALANCE',
      JSON.stringify({ orderId: '0b6f1c2e-aaaa-bbbb-cccc-000000000000', currency: 'EUR', account: 'REFUNDS_PAYABLE', balance: -250 }),
    );
    expect(words.sentence).toBe('Order 0b6f1c2e: refunds owed to customers stands at -€2.50.');
  });

  it('says a charge only one side knows as nothing on the other', () => {
    const words = discrepancyWords('CHARGE_MISMATCH', JSON.stringify({ chargeId: 'ch_1', ledger: { amount: 3000, currency: 'USD' }, provider: null }));
    expect(words.sentence).toBe('Charge ch_1: the ledger captured $30.00, the provider nothing.');
  });

  it('says a refund mismatch with the charge of each side', () => {
    const words = discrepancyWords(
      'REFUND_MISMATCH',
      JSON.stringify({ providerRefundId: 're_1', ledger: null, provider: { chargeId: 'ch_2', amount: { amount: 500, currency: 'USD' } } }),
    );
    expect(words.sentence).toBe('Refund re_1: the ledger paid out nothing, the provider $5.00 on charge ch_2.');
  });

  it('shows an unknown kind or unexpected facts as payments wrote them', () => {
    expect(discrepancyWords('SOMETHING_NEW', '{"x":1}')).toEqual({ title: 'SOMETHING_NEW', sentence: '{"x":1}' });
    expect(discrepancyWords('NEGATIVE_ORDER_POSITION', 'not json')).toEqual({ title: 'NEGATIVE_ORDER_POSITION', sentence: 'not json' });
  });

  it('says the findings in French, money in French too', () => {
    // Intl's French puts a narrow no-break space before the currency sign and the minus: compared with plain spaces.
    const plain = (words: { title: string; sentence: string }) => ({ title: words.title, sentence: words.sentence.replace(/[\u00a0\u202f]/g, ' ') });
    expect(plain(discrepancyWords('UNBALANCED_TRANSACTION', JSON.stringify({ transactionId: 't1', currency: 'EUR', amount: 1500 }), 'fr'))).toEqual({
      title: 'Une transaction n’est pas équilibrée',
      sentence: 'Transaction t1 : ses écritures totalisent 15,00 € au lieu de zéro.',
    });
    const balance = discrepancyWords(
      'NEGATIVE_BALANCE',
      JSON.stringify({ orderId: '0b6f1c2e-aaaa-bbbb-cccc-000000000000', currency: 'EUR', account: 'REFUNDS_PAYABLE', balance: -250 }),
      'fr',
    );
    expect(plain(balance).sentence).toBe('Commande 0b6f1c2e : le compte « remboursements dus aux clients » est à -2,50 €.');
    const refund = discrepancyWords(
      'REFUND_MISMATCH',
      JSON.stringify({ providerRefundId: 're_1', ledger: null, provider: { chargeId: 'ch_2', amount: { amount: 500, currency: 'EUR' } } }),
      'fr',
    );
    expect(plain(refund).sentence).toBe('Remboursement re_1 : le grand livre n’a rien versé, le prestataire 5,00 € sur le débit ch_2.');
    const charge = discrepancyWords('CHARGE_MISMATCH', JSON.stringify({ chargeId: 'ch_1', ledger: { amount: 3000, currency: 'EUR' }, provider: null }), 'fr');
    expect(plain(charge).sentence).toBe('Débit ch_1 : le grand livre a encaissé 30,00 €, le prestataire rien.');
    expect(discrepancyWords('SOMETHING_NEW', '{"x":1}', 'fr')).toEqual({ title: 'SOMETHING_NEW', sentence: '{"x":1}' });
  });
});

describe('paymentStatusText', () => {
  it('words a known state and keeps an unknown one', () => {
    expect(paymentStatusText('SUCCEEDED')).toBe('Paid');
    expect(paymentStatusText('NEW_STATE')).toBe('NEW_STATE');
  });

  it('words a known state in French', () => {
    expect(paymentStatusText('SUCCEEDED', 'fr')).toBe('Payé');
    expect(paymentStatusText('REQUIRES_CAPTURE', 'fr')).toBe('Autorisé, non encaissé');
    expect(paymentStatusText('NEW_STATE', 'fr')).toBe('NEW_STATE');
  });
});
