import type { PaymentPurpose } from '@vitrine/contracts';
import { failureMessages, type FailureKind } from '../domain/failure-reasons.js';
import { purposeLabels } from '../domain/payment-purpose.js';
import type { PayPageLocale } from '../domain/return-address.js';

/** The hosted page's own words, per language it speaks (the link's `lang`). */
export interface PayPageWords {
  payNow: string;
  order: string;
  purpose: Readonly<Record<PaymentPurpose, string>>;
  dueBy: (date: string) => string;
  total: string;
  cardNumber: string;
  month: string;
  year: string;
  cvc: string;
  pay: (amount: string) => string;
  sandboxCards: string;
  storefrontOnly: string;
  cardEntryNeedsSandbox: string;
  formSentWithAnotherCard: string;
  confirmTitle: string;
  confirmAsk: string;
  confirm: string;
  thankYou: string;
  wentThrough: string;
  processingTitle: string;
  processing: string;
  alreadyPaidTitle: string;
  alreadyPaid: string;
  waivedTitle: string;
  waived: string;
  nothingTitle: string;
  nothing: string;
  linkTitle: string;
  linkInvalid: string;
  linkExpired: string;
  paymentTitle: string;
  paymentNotFound: string;
  paymentNotMade: string;
  backToStore: string;
  returnRefused: string;
  failure: Readonly<Record<FailureKind, string>>;
}

const en: PayPageWords = {
  payNow: 'Pay now',
  order: 'Order',
  purpose: purposeLabels,
  dueBy: (date) => `due by ${date}`,
  total: 'Total',
  cardNumber: 'Card number',
  month: 'Month',
  year: 'Year',
  cvc: 'CVC',
  pay: (amount) => `Pay ${amount}`,
  sandboxCards:
    'Sandbox: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 has insufficient funds,\n4000 0025 0000 3155 asks for a confirmation. Any future expiry date and any CVC.',
  storefrontOnly: 'Please pay from your order page in the store: card entry on this page needs the sandbox provider.',
  cardEntryNeedsSandbox: 'Card entry on this page needs the sandbox provider.',
  formSentWithAnotherCard: 'This form was already sent with another card. Please enter the card again.',
  confirmTitle: 'Confirm your payment',
  confirmAsk: 'Your bank asks you to confirm this payment.',
  confirm: 'Confirm payment',
  thankYou: 'Thank you',
  wentThrough: 'Your payment went through. A confirmation is on its way by email.',
  processingTitle: 'Payment processing',
  processing: 'Your payment is being processed. We will email you as soon as it completes; please do not pay again.',
  alreadyPaidTitle: 'Already paid',
  alreadyPaid: 'This is already paid. Thank you!',
  waivedTitle: 'Nothing to pay',
  waived: 'The store has waived this extra shipping charge: there is nothing to pay.',
  nothingTitle: 'Nothing to pay',
  nothing: 'There is nothing to pay on this link any more (the order may have been cancelled).',
  linkTitle: 'Payment link',
  linkInvalid: 'This payment link is not valid. Please use the link from your email or your order page.',
  linkExpired: 'This payment link has expired. Your order page has a fresh one.',
  paymentTitle: 'Payment',
  paymentNotFound: 'This payment was not found.',
  paymentNotMade: 'Payment not made',
  backToStore: 'Back to the store',
  returnRefused: 'The address this link asks to return to is not one of the store’s, so this page shows no link back.',
  failure: failureMessages,
};

const fr: PayPageWords = {
  payNow: 'Payer maintenant',
  order: 'Commande',
  purpose: {
    DEPOSIT: 'acompte',
    FULL_PAYMENT: 'paiement intégral',
    DOWN_PAYMENT: 'avance non remboursable',
    BALANCE: 'solde',
    ARRIVAL_PAYMENT: 'paiement à l’arrivée',
    CHARGE_AT_SHIP: 'paiement à l’expédition',
    EXTRA_SHIPPING: 'supplément de livraison',
  },
  dueBy: (date) => `à régler avant le ${date}`,
  total: 'Total',
  cardNumber: 'Numéro de carte',
  month: 'Mois',
  year: 'Année',
  cvc: 'Cryptogramme (CVC)',
  pay: (amount) => `Payer ${amount}`,
  sandboxCards:
    'Bac à sable : 4242 4242 4242 4242 passe, 4000 0000 0000 0002 est refusée, 4000 0000 0000 9995 n’a pas de provision suffisante,\n4000 0025 0000 3155 demande une confirmation. Toute date d’expiration future et tout cryptogramme.',
  storefrontOnly: 'Veuillez payer depuis la page de votre commande dans la boutique : la saisie de carte sur cette page demande le prestataire bac à sable.',
  cardEntryNeedsSandbox: 'La saisie de carte sur cette page demande le prestataire bac à sable.',
  formSentWithAnotherCard: 'Ce formulaire a déjà été envoyé avec une autre carte. Veuillez saisir la carte à nouveau.',
  confirmTitle: 'Confirmez votre paiement',
  confirmAsk: 'Votre banque vous demande de confirmer ce paiement.',
  confirm: 'Confirmer le paiement',
  thankYou: 'Merci',
  wentThrough: 'Votre paiement est passé. Une confirmation vous est envoyée par e-mail.',
  processingTitle: 'Paiement en cours',
  processing: 'Votre paiement est en cours de traitement. Nous vous écrirons dès qu’il aboutit ; ne payez pas une seconde fois.',
  alreadyPaidTitle: 'Déjà payé',
  alreadyPaid: 'C’est déjà payé. Merci !',
  waivedTitle: 'Rien à payer',
  waived: 'La boutique a renoncé à ces frais de port supplémentaires : il n’y a rien à payer.',
  nothingTitle: 'Rien à payer',
  nothing: 'Il n’y a plus rien à payer avec ce lien (la commande a peut-être été annulée).',
  linkTitle: 'Lien de paiement',
  linkInvalid: 'Ce lien de paiement n’est pas valide. Utilisez le lien de votre e-mail ou de la page de votre commande.',
  linkExpired: 'Ce lien de paiement a expiré. La page de votre commande en donne un nouveau.',
  paymentTitle: 'Paiement',
  paymentNotFound: 'Ce paiement est introuvable.',
  paymentNotMade: 'Paiement non effectué',
  backToStore: 'Retour à la boutique',
  returnRefused: 'L’adresse de retour demandée par ce lien n’est pas celle de la boutique : cette page n’affiche donc pas de lien de retour.',
  failure: {
    CARD_DECLINED: 'Votre carte a été refusée. Utilisez une autre carte ou contactez votre banque.',
    INSUFFICIENT_FUNDS: 'La provision de votre carte est insuffisante. Utilisez une autre carte.',
    EXPIRED_CARD: 'Votre carte a expiré. Utilisez une autre carte.',
    INCORRECT_CARD_DETAILS: 'Certaines informations de votre carte sont incorrectes. Vérifiez-les et réessayez.',
    AUTHENTICATION_REQUIRED: 'Votre banque demande de confirmer ce paiement. Payez à nouveau et terminez l’étape de confirmation.',
    PROVIDER_UNAVAILABLE: 'Le service de paiement est momentanément indisponible. Réessayez dans un instant ; vous n’avez pas été débité.',
    PAYMENT_FAILED: 'Le paiement n’a pas pu aboutir. Réessayez ou utilisez une autre carte.',
  },
};

export const payPageWords: Readonly<Record<PayPageLocale, PayPageWords>> = { en, fr };
