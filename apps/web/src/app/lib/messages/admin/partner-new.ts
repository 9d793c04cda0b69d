import type { Wording } from '../../i18n.js';

// The page that registers a partner (routes/admin/partner-new.tsx).

const en = {
  title: 'Register a partner',
  help:
    'The store POSTs each event the partner subscribes to to its webhook, signed with a secret shown once, on the next page. Nothing is sent before an event ' +
    'happens.',
  name: 'Name',
  webhookUrl: 'Webhook URL (https)',
  submit: 'Register the partner',
  /** The heading of the secret shown once on the partner's page. */
  secretOf: (name: string) => `Webhook signing secret of ${name}`,
};

const fr: typeof en = {
  title: 'Enregistrer un partenaire',
  help:
    'La boutique envoie en POST à son webhook chaque événement auquel le partenaire est abonné, signé avec un secret affiché une seule fois, à la page suivante. ' +
    'Rien n’est envoyé avant qu’un événement ne se produise.',
  name: 'Nom',
  webhookUrl: 'URL du webhook (https)',
  submit: 'Enregistrer le partenaire',
  secretOf: (name) => `Secret de signature du webhook de ${name}`,
};

export const partnerNewWords: Wording<typeof en> = { en, fr };
