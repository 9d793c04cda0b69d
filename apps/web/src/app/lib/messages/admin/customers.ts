import type { Wording } from '../../i18n.js';

// The customers page (routes/admin/customers.tsx): finding customers by email or name.

const en = {
  find: 'Find customers',
  email: 'Email (or its start)',
  name: 'Name (or part of it)',
  count: (n: number) => `${n} customer${n === 1 ? '' : 's'}, newest accounts first`,
  caption: 'Customers found, newest accounts first',
  nameColumn: 'Name',
  emailColumn: 'Email',
  region: 'Region',
  joined: 'Joined',
  orders: 'Orders',
  ordersOf: (name: string) => `Orders of ${name}`,
  older: 'Older accounts',
};

const fr: typeof en = {
  find: 'Trouver des clients',
  email: 'E-mail (ou son début)',
  name: 'Nom (ou une partie)',
  count: (n) => `${n} client${n > 1 ? 's' : ''}, les comptes les plus récents d’abord`,
  caption: 'Clients trouvés, les comptes les plus récents d’abord',
  nameColumn: 'Nom',
  emailColumn: 'E-mail',
  region: 'Région',
  joined: 'Inscription',
  orders: 'Commandes',
  ordersOf: (name) => `Commandes de ${name}`,
  older: 'Comptes plus anciens',
};

export const customersWords: Wording<typeof en> = { en, fr };
