import type { Wording } from '../../i18n.js';

// One partner's page (routes/admin/partner.tsx): its settings, webhook signing secret and API credentials.

const en = {
  title: 'Partner',
  noSuchPartner: 'There is no such partner.',
  /** What a partner's credential may be granted besides its own integration (partner.tsx's grantableScopes). */
  scopes: { 'logistics:fulfil': 'Pack, dispatch and track parcels (logistics:fulfil)' },
  /** The done notices the page's forms come back with (`removed` has its own words). */
  done: {
    created: 'The partner is registered. Give it the signing secret below.',
    rotated: 'A new signing secret is in use; the previous one also signs for 24 hours.',
    issued: 'API credentials issued. Give the partner the client id and secret below.',
    revoked: 'The credential is revoked: it gets no new token.',
    updated: 'The partner’s settings are saved. Deliveries still waiting go to its webhook as it is now.',
  },
  /**
   * What removing did: notifications' part always; the credentials revoked from here (`revoked` of them, "0" for none
   * in use), or null when this staff account may not, and accounts does it shortly after.
   */
  removed: (revoked: string | null) => {
    const stopped = 'The partner is removed: nothing more is sent to it and its deliveries still waiting are cancelled.';
    if (revoked === null) {
      return `${stopped} Its API credentials are revoked by accounts shortly after (revoking them from here needs the “partners:write” permission, which your staff account does not have).`;
    }
    return `${stopped} ${revoked === '0' ? 'It had no API credentials in use.' : `Its API credentials are revoked (${revoked}).`}`;
  },
  newSecretOf: (name: string) => `New webhook signing secret of ${name}`,
  clientSecretOf: (name: string, clientId: string) => `Client secret of “${name}” (client id ${clientId})`,
  confirmRemoval: 'Tick the box to confirm the removal: nothing was removed.',
  partlyRevoked: (refusal: string) =>
    `The partner is removed, but not every API credential could be revoked from here: ${refusal} Accounts revokes the rest shortly after.`,
  deliveryLog: 'Delivery log',
  removedBadge: 'Removed',
  /** After the "Removed" badge. */
  removedOn: (when: string) => ` on ${when}: nothing is sent to it any more; its delivery log stays.`,
  copyNow: 'Copy it now: it is shown this once.',
  noCopy: ' The store keeps no copy it can show again; if it is lost, make a new one.',
  webhook: 'Webhook',
  enabled: 'enabled',
  disabled: 'disabled',
  events: 'Events',
  registered: 'Registered',
  removedFact: 'Removed',
  previousSecret: 'Previous secret',
  stillSigns: (until: string) => `still signs until ${until}`,
  signing: 'Webhook signing secret',
  signingHelp: 'A new secret signs every delivery from now; the previous one also signs for 24 hours so the partner can switch without losing one.',
  rotate: 'Make a new signing secret',
  credentials: 'API credentials',
  needsPartnersWrite: 'Issuing and reading a partner’s API credentials needs the “partners:write” permission, which your staff account does not have.',
  noCredentials: 'This partner has no API credentials.',
  credentialsCaption: 'This partner’s API credentials, newest first',
  name: 'Name',
  clientId: 'Client id',
  permissions: 'Permissions',
  issued: 'Issued',
  state: 'State',
  ownIntegrationOnly: 'its own integration only',
  revokedOn: (when: string) => `Revoked ${when}`,
  revokeForm: (name: string) => `Revoke ${name}`,
  revoke: (name: string) => `Revoke “${name}”`,
  issue: 'Issue API credentials',
  credentialName: 'Name (where it is used)',
  grants: 'What its tokens may do besides the partner’s own integration',
  issueSubmit: 'Issue credentials',
};

const fr: typeof en = {
  title: 'Partenaire',
  noSuchPartner: 'Ce partenaire n’existe pas.',
  scopes: { 'logistics:fulfil': 'Emballer, expédier et suivre les colis (logistics:fulfil)' },
  done: {
    created: 'Le partenaire est enregistré. Transmettez-lui le secret de signature ci-dessous.',
    rotated: 'Un nouveau secret de signature est en service ; l’ancien signe aussi pendant 24 heures.',
    issued: 'Identifiants d’API émis. Transmettez au partenaire l’identifiant client et le secret ci-dessous.',
    revoked: 'L’identifiant est révoqué : il n’obtient plus de nouveau jeton.',
    updated: 'Les paramètres du partenaire sont enregistrés. Les livraisons encore en attente partent vers son webhook tel qu’il est maintenant.',
  },
  removed: (revoked) => {
    const stopped = 'Le partenaire est retiré : plus rien ne lui est envoyé et ses livraisons encore en attente sont annulées.';
    if (revoked === null) {
      return `${stopped} Ses identifiants d’API sont révoqués par le service accounts peu après (les révoquer d’ici demande l’autorisation « partners:write », que votre compte du personnel n’a pas).`;
    }
    return `${stopped} ${revoked === '0' ? 'Il n’avait aucun identifiant d’API en service.' : `Ses identifiants d’API sont révoqués (${revoked}).`}`;
  },
  newSecretOf: (name) => `Nouveau secret de signature du webhook de ${name}`,
  clientSecretOf: (name, clientId) => `Secret client de « ${name} » (identifiant client ${clientId})`,
  confirmRemoval: 'Cochez la case pour confirmer le retrait : rien n’a été retiré.',
  partlyRevoked: (refusal) =>
    `Le partenaire est retiré, mais tous ses identifiants d’API n’ont pas pu être révoqués d’ici : ${refusal} Le service accounts révoque les autres peu après.`,
  deliveryLog: 'Journal de livraison',
  removedBadge: 'Retiré',
  removedOn: (when) => ` le ${when} : plus rien ne lui est envoyé ; son journal de livraison reste.`,
  copyNow: 'Copiez-le maintenant : il n’est affiché que cette fois.',
  noCopy: ' La boutique n’en garde aucune copie qu’elle puisse afficher de nouveau ; s’il est perdu, créez-en un nouveau.',
  webhook: 'Webhook',
  enabled: 'activé',
  disabled: 'désactivé',
  events: 'Événements',
  registered: 'Enregistré le',
  removedFact: 'Retiré le',
  previousSecret: 'Ancien secret',
  stillSigns: (until) => `signe encore jusqu’au ${until}`,
  signing: 'Secret de signature du webhook',
  signingHelp:
    'Un nouveau secret signe chaque livraison dès maintenant ; l’ancien signe aussi pendant 24 heures pour que le partenaire puisse changer sans en perdre une.',
  rotate: 'Créer un nouveau secret de signature',
  credentials: 'Identifiants d’API',
  needsPartnersWrite:
    'Émettre et lire les identifiants d’API d’un partenaire demande l’autorisation « partners:write », que votre compte du personnel n’a pas.',
  noCredentials: 'Ce partenaire n’a aucun identifiant d’API.',
  credentialsCaption: 'Les identifiants d’API de ce partenaire, les plus récents d’abord',
  name: 'Nom',
  clientId: 'Identifiant client',
  permissions: 'Autorisations',
  issued: 'Émis le',
  state: 'État',
  ownIntegrationOnly: 'sa propre intégration seulement',
  revokedOn: (when) => `Révoqué le ${when}`,
  revokeForm: (name) => `Révoquer ${name}`,
  revoke: (name) => `Révoquer « ${name} »`,
  issue: 'Émettre des identifiants d’API',
  credentialName: 'Nom (là où il sert)',
  grants: 'Ce que ses jetons peuvent faire en plus de la propre intégration du partenaire',
  issueSubmit: 'Émettre les identifiants',
};

export const partnerWords: Wording<typeof en> = { en, fr };
