import type { Wording } from '../../i18n.js';

// The partner page's settings forms (routes/admin/partner-settings-forms.tsx): the event types, editing, removing.

const en = {
  retired: 'No longer offered to partners.',
  events: 'Events it receives',
  edit: 'Edit the partner',
  editHelp: 'Deliveries still waiting go to the webhook as saved here; those of an event it no longer receives are cancelled.',
  name: 'Name',
  webhookUrl: 'Webhook URL (https)',
  save: 'Save the changes',
  remove: 'Remove this partner',
  removeHelp:
    'Nothing more is sent to it: deliveries still waiting are cancelled (its delivery log stays, and says so), and its API credentials stop working. It stays ' +
    'in the list as removed; this cannot be undone (register it again instead).',
  confirm: (name: string) => `Yes, remove ${name}`,
};

const fr: typeof en = {
  retired: 'N’est plus proposé aux partenaires.',
  events: 'Événements qu’il reçoit',
  edit: 'Modifier le partenaire',
  editHelp: 'Les livraisons encore en attente partent vers le webhook tel qu’il est enregistré ici ; celles d’un événement qu’il ne reçoit plus sont annulées.',
  name: 'Nom',
  webhookUrl: 'URL du webhook (https)',
  save: 'Enregistrer les modifications',
  remove: 'Retirer ce partenaire',
  removeHelp:
    'Plus rien ne lui est envoyé : les livraisons encore en attente sont annulées (son journal de livraison reste, et l’indique), et ses identifiants d’API ' +
    'cessent de fonctionner. Il reste dans la liste comme retiré ; c’est irréversible (enregistrez-le de nouveau à la place).',
  confirm: (name) => `Oui, retirer ${name}`,
};

export const partnerSettingsFormsWords: Wording<typeof en> = { en, fr };
