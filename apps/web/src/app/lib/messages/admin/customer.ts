import type { CustomerFlagKind } from '../../../../__generated__/app/graphql.js';
import type { Wording } from '../../i18n.js';

// A customer's page (routes/admin/customer.tsx): who they are, their flags, their latest orders.

const en = {
  /** The tab's title before the customer is known. */
  customer: 'Customer',
  notFound: 'There is no customer with this id.',
  chooseFlag: 'Choose one of the flags.',
  /** Each flag as accounts describes it (the schema's words), for staff choosing one. */
  flags: {
    PREORDER_ABUSE: 'Preorder abuse (kept by orders; ordering still works)',
    REFUSED_DELIVERY: 'Refused deliveries or cancelled unilaterally',
    BLOCKED: 'Blocked: new orders are refused',
  } as Record<CustomerFlagKind, string>,
  done: { flagged: 'The flag was set.', unflagged: 'The flag was lifted.' },
  email: 'Email',
  verified: (verified: boolean): string => (verified ? 'verified' : 'not verified yet'),
  region: 'Region',
  account: 'Account',
  joined: (day: string) => `Joined ${day}`,
  /** The account's roles, by accounts' value (a role not listed shows as it is). */
  roles: { customer: 'customer', staff: 'staff', admin: 'admin' } as Record<string, string>,
  id: (id: string) => `id ${id}`,
  flagsTitle: 'Flags',
  noFlag: 'No flag is set.',
  /** "“<reason>”, set <when> by staff member <who>". */
  flagSet: (reason: string, at: string, by: string) => `“${reason}”, set ${at} by staff member ${by}`,
  liftForm: (flag: string) => `Lift the flag ${flag}`,
  whyLift: 'Why lift it (audited)',
  lift: 'Lift the flag',
  setForm: 'Set a flag',
  flag: 'Flag',
  why: 'Why (for other staff and the audit; the customer never sees it)',
  set: 'Set the flag',
  orders: 'Orders',
  noOrder: 'No order yet.',
  order: (id: string) => `Order ${id}`,
  everyOrder: 'Every order of this customer',
};

const fr: typeof en = {
  customer: 'Client',
  notFound: 'Il n’y a aucun client avec cet identifiant.',
  chooseFlag: 'Choisissez l’un des signalements.',
  flags: {
    PREORDER_ABUSE: 'Abus de précommande (noté par le service des commandes ; commander reste possible)',
    REFUSED_DELIVERY: 'Livraisons refusées ou commandes annulées unilatéralement',
    BLOCKED: 'Bloqué : les nouvelles commandes sont refusées',
  },
  done: { flagged: 'Le signalement a été posé.', unflagged: 'Le signalement a été levé.' },
  email: 'E-mail',
  verified: (verified) => (verified ? 'vérifié' : 'pas encore vérifié'),
  region: 'Région',
  account: 'Compte',
  joined: (day) => `Inscrit le ${day}`,
  roles: { customer: 'client', staff: 'personnel', admin: 'administrateur' },
  id: (id) => `identifiant ${id}`,
  flagsTitle: 'Signalements',
  noFlag: 'Aucun signalement n’est posé.',
  flagSet: (reason, at, by) => `« ${reason} », posé le ${at} par le membre du personnel ${by}`,
  liftForm: (flag) => `Lever le signalement ${flag}`,
  whyLift: 'Pourquoi le lever (journalisé)',
  lift: 'Lever le signalement',
  setForm: 'Poser un signalement',
  flag: 'Signalement',
  why: 'Pourquoi (pour le reste du personnel et l’audit ; le client ne le voit jamais)',
  set: 'Poser le signalement',
  orders: 'Commandes',
  noOrder: 'Aucune commande pour l’instant.',
  order: (id) => `Commande ${id}`,
  everyOrder: 'Toutes les commandes de ce client',
};

export const customerWords: Wording<typeof en> = { en, fr };
