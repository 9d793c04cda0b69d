import type { AccountMailKind } from '../domain/account-notices.js';
import type { MessageCopy } from './message-copy.js';

// Accounts' own mail, spread into each language's catalogue. No name: the address may be written to before notifications knows whose it is.
type AccountCopy = Record<AccountMailKind, MessageCopy>;

export const englishAccountCopy: AccountCopy = {
  PASSWORD_RESET_REQUESTED: {
    subject: 'Reset your password',
    heading: 'Reset your password',
    paragraphs: [
      'Someone, hopefully you, asked to reset the password of the account at {{ address }}. Follow the link to choose a new one; it works once, until {{ linkExpiresAt }}.',
      'If you did not ask, ignore this email: your password stays as it is.',
    ],
    facts: [['Link valid until', '{{ linkExpiresAt }}']],
    action: { label: 'Choose a new password', url: '{{ resetUrl }}' },
  },
  EMAIL_VERIFICATION_REQUESTED: {
    subject: 'Confirm your email address',
    heading: 'Confirm your email address',
    paragraphs: [
      'Please confirm that {{ address }} is your address by following the link. It works once, until {{ linkExpiresAt }}.',
      'If you did not create an account at the store, ignore this email.',
    ],
    facts: [['Link valid until', '{{ linkExpiresAt }}']],
    action: { label: 'Confirm my address', url: '{{ verifyUrl }}' },
  },
  EMAIL_CHANGE_REQUESTED: {
    subject: 'Confirm your new email address',
    heading: 'Confirm your new email address',
    paragraphs: [
      'You asked to move your store account to {{ address }}. Nothing changes until you follow the link; it works once, until {{ linkExpiresAt }}.',
      'If you did not ask, ignore this email: the account stays at its current address.',
    ],
    facts: [['Link valid until', '{{ linkExpiresAt }}']],
    action: { label: 'Confirm the new address', url: '{{ confirmEmailUrl }}' },
  },
  PASSWORD_CHANGED: {
    subject: 'Your password was changed',
    heading: 'Your password was changed',
    paragraphs: [
      'The password of your account at {{ address }} was changed{% if changedVia != "" %} {{ changedVia }}{% endif %}. Every other session was signed out.',
      'If this was not you, reset your password now at {{ forgotPasswordUrl }} and check your account.',
    ],
    action: { label: 'Reset my password', url: '{{ forgotPasswordUrl }}' },
  },
  SIGN_UP_REPEATED: {
    subject: 'Someone tried to create an account with your address',
    heading: 'You already have an account',
    paragraphs: [
      'Someone tried to create a store account with {{ address }}, which already has one. Nothing was changed.',
      'If it was you, sign in, or reset your password at {{ forgotPasswordUrl }} if you forgot it. If it was not, you can ignore this email.',
    ],
    action: { label: 'Sign in', url: '{{ signInUrl }}' },
  },
};

export const frenchAccountCopy: AccountCopy = {
  PASSWORD_RESET_REQUESTED: {
    subject: 'Réinitialisez votre mot de passe',
    heading: 'Réinitialisez votre mot de passe',
    paragraphs: [
      'Quelqu’un, sans doute vous, a demandé à réinitialiser le mot de passe du compte {{ address }}. Suivez le lien pour en choisir un nouveau ; il ne sert qu’une fois, jusqu’au {{ linkExpiresAt }}.',
      'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.',
    ],
    facts: [['Lien valable jusqu’au', '{{ linkExpiresAt }}']],
    action: { label: 'Choisir un nouveau mot de passe', url: '{{ resetUrl }}' },
  },
  EMAIL_VERIFICATION_REQUESTED: {
    subject: 'Confirmez votre adresse e-mail',
    heading: 'Confirmez votre adresse e-mail',
    paragraphs: [
      'Merci de confirmer que {{ address }} est bien votre adresse en suivant le lien. Il ne sert qu’une fois, jusqu’au {{ linkExpiresAt }}.',
      'Si vous n’avez pas créé de compte sur la boutique, ignorez ce message.',
    ],
    facts: [['Lien valable jusqu’au', '{{ linkExpiresAt }}']],
    action: { label: 'Confirmer mon adresse', url: '{{ verifyUrl }}' },
  },
  EMAIL_CHANGE_REQUESTED: {
    subject: 'Confirmez votre nouvelle adresse e-mail',
    heading: 'Confirmez votre nouvelle adresse e-mail',
    paragraphs: [
      'Vous avez demandé à passer votre compte à l’adresse {{ address }}. Rien ne change tant que vous n’avez pas suivi le lien ; il ne sert qu’une fois, jusqu’au {{ linkExpiresAt }}.',
      'Si vous n’avez rien demandé, ignorez ce message : le compte garde son adresse actuelle.',
    ],
    facts: [['Lien valable jusqu’au', '{{ linkExpiresAt }}']],
    action: { label: 'Confirmer la nouvelle adresse', url: '{{ confirmEmailUrl }}' },
  },
  PASSWORD_CHANGED: {
    subject: 'Votre mot de passe a été modifié',
    heading: 'Votre mot de passe a été modifié',
    paragraphs: [
      'Le mot de passe de votre compte {{ address }} a été modifié{% if changedVia != "" %} {{ changedVia }}{% endif %}. Toutes les autres sessions ont été fermées.',
      'Si ce n’était pas vous, réinitialisez votre mot de passe dès maintenant sur {{ forgotPasswordUrl }} et vérifiez votre compte.',
    ],
    action: { label: 'Réinitialiser mon mot de passe', url: '{{ forgotPasswordUrl }}' },
  },
  SIGN_UP_REPEATED: {
    subject: 'Quelqu’un a tenté de créer un compte avec votre adresse',
    heading: 'Vous avez déjà un compte',
    paragraphs: [
      'Quelqu’un a tenté de créer un compte sur la boutique avec {{ address }}, qui en a déjà un. Rien n’a été modifié.',
      'Si c’était vous, connectez-vous, ou réinitialisez votre mot de passe sur {{ forgotPasswordUrl }} si vous l’avez oublié. Sinon, vous pouvez ignorer ce message.',
    ],
    action: { label: 'Se connecter', url: '{{ signInUrl }}' },
  },
};
