import type { Wording } from '../../i18n.js';

// The partners page (routes/admin/partners.tsx): the partners' webhooks and their delivery logs.

const en = {
  replayed: (count: string) => `${count} event${count === '1' ? '' : 's'} queued to be sent again.`,
  enabled: 'The endpoint is enabled again.',
  momentAsDateTime: 'Give the moment as a date and time.',
  register: 'Register a partner',
  noPartner: 'No partner endpoint is registered.',
  removedBadge: 'Removed',
  enabledBadge: 'Enabled',
  disabledBadge: 'Disabled',
  /** "Removed on …: nothing is sent to it. It sent to <code>url</code> from …." */
  removedBefore: (when: string) => `Removed on ${when}: nothing is sent to it. It sent to `,
  removedAfter: (since: string) => ` from ${since}.`,
  /** "Sends to <code>url</code> since …" */
  sendsTo: 'Sends to ',
  since: (when: string) => ` since ${when}`,
  previousSecret: (until: string) => ` · the previous secret signs until ${until}`,
  subscribedTo: (types: string) => `Subscribed to: ${types}`,
  enableAgain: 'Enable the endpoint again',
  settingsOfRemoved: (name: string) => `Settings and API credentials of ${name}`,
  settingsOf: (name: string) => `Settings, signing secret and API credentials of ${name}`,
  deliveryLogOf: (name: string) => `Delivery log of ${name}`,
  deliveriesTo: (name: string) => `Deliveries to ${name}, newest first`,
  olderCaption: (perPage: number) => `Older deliveries with their tries, ${perPage} a page`,
  latestCaption: (perPage: number) => `The latest ${perPage} deliveries with their tries`,
  created: 'Created',
  event: 'Event',
  status: 'Status',
  tries: 'Tries',
  lastTry: 'Last try',
  replay: 'Replay',
  /** A delivery's state, by the API's value. */
  statuses: { PENDING: 'Waiting to be sent', DELIVERED: 'Delivered', FAILED: 'Failed', CANCELLED: 'Not sent' } as Record<string, string>,
  /** The last try: when, what the endpoint answered (its HTTP status, or nothing), the error if any, how long it took. */
  lastTryWords: (when: string, statusCode: number | null | undefined, error: string | null | undefined, latencyMs: number) =>
    `${when}: ${statusCode ? `answered ${statusCode}` : 'no answer'}${error ? ` (${error})` : ''}, ${latencyMs} ms`,
  nothingSent: (name: string) => `Nothing was sent to ${name} yet.`,
  newest: 'Newest deliveries',
  older: 'Older deliveries',
  removedForGood: (name: string) => `${name} was removed: nothing can be sent to it again.`,
  replayForm: (name: string) => `Send events again to ${name}`,
  sinceUtc: 'Since (UTC)',
  afterEvent: 'or after the event',
  eventAt: (type: string, when: string) => `${type} at ${when}`,
  sendAgain: 'Send again',
};

const fr: typeof en = {
  replayed: (count) =>
    Number(count) <= 1 ? `${count} événement mis en file d’attente pour être renvoyé.` : `${count} événements mis en file d’attente pour être renvoyés.`,
  enabled: 'Le webhook est de nouveau activé.',
  momentAsDateTime: 'Indiquez le moment sous la forme d’une date et d’une heure.',
  register: 'Enregistrer un partenaire',
  noPartner: 'Aucun webhook de partenaire n’est enregistré.',
  removedBadge: 'Retiré',
  enabledBadge: 'Activé',
  disabledBadge: 'Désactivé',
  removedBefore: (when) => `Retiré le ${when} : plus rien ne lui est envoyé. La boutique envoyait à `,
  removedAfter: (since) => ` depuis le ${since}.`,
  sendsTo: 'Envoi à ',
  since: (when) => ` depuis le ${when}`,
  previousSecret: (until) => ` · l’ancien secret signe jusqu’au ${until}`,
  subscribedTo: (types) => `Abonné à : ${types}`,
  enableAgain: 'Réactiver le webhook',
  settingsOfRemoved: (name) => `Paramètres et identifiants d’API de ${name}`,
  settingsOf: (name) => `Paramètres, secret de signature et identifiants d’API de ${name}`,
  deliveryLogOf: (name) => `Journal de livraison de ${name}`,
  deliveriesTo: (name) => `Livraisons à ${name}, les plus récentes d’abord`,
  olderCaption: (perPage) => `Livraisons plus anciennes avec leurs tentatives, ${perPage} par page`,
  latestCaption: (perPage) => `Les ${perPage} dernières livraisons avec leurs tentatives`,
  created: 'Créée le',
  event: 'Événement',
  status: 'Statut',
  tries: 'Tentatives',
  lastTry: 'Dernière tentative',
  replay: 'Renvoi',
  statuses: { PENDING: 'En attente d’envoi', DELIVERED: 'Livrée', FAILED: 'Échouée', CANCELLED: 'Non envoyée' },
  lastTryWords: (when, statusCode, error, latencyMs) =>
    `${when} : ${statusCode ? `réponse ${statusCode}` : 'pas de réponse'}${error ? ` (${error})` : ''}, ${latencyMs} ms`,
  nothingSent: (name) => `Rien n’a encore été envoyé à ${name}.`,
  newest: 'Livraisons les plus récentes',
  older: 'Livraisons plus anciennes',
  removedForGood: (name) => `${name} a été retiré : plus rien ne peut lui être envoyé.`,
  replayForm: (name) => `Renvoyer des événements à ${name}`,
  sinceUtc: 'Depuis (UTC)',
  afterEvent: 'ou après l’événement',
  eventAt: (type, when) => `${type} le ${when}`,
  sendAgain: 'Renvoyer',
};

export const partnersWords: Wording<typeof en> = { en, fr };
