import { normaliseEmail } from '@vitrine/contracts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConfigError, DomainError } from '@vitrine/platform';
import type { AccountsSettings } from '../config/accounts-env.js';
import { Customer } from '../store/customer.entity.js';
import { registerCustomer } from './register-customer.js';

const variableOf: Record<string, string> = { email: 'BOOTSTRAP_ADMIN_EMAIL', password: 'BOOTSTRAP_ADMIN_PASSWORD', country: 'BOOTSTRAP_ADMIN_COUNTRY' };

/**
 * Creates the first admin from the environment when no account has that
 * email; otherwise does nothing (the password is not reset from the
 * environment). An existing account that is not an admin is never promoted:
 * whoever registered the address first would otherwise become admin.
 */
export async function bootstrapAdmin(em: EntityManager, settings: AccountsSettings): Promise<'created' | 'exists' | 'not-configured'> {
  const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password, BOOTSTRAP_ADMIN_COUNTRY: country } = settings;
  if (email === undefined || password === undefined) return 'not-configured';
  const existing = await em.findOne(Customer, { email: normaliseEmail(email) });
  if (existing) {
    if (existing.roles.includes('admin')) return 'exists';
    throw new ConfigError(['BOOTSTRAP_ADMIN_EMAIL: an account with this email exists and is not an admin; it will not be promoted (choose another address)']);
  }
  try {
    // The audit entry commits with the account: an admin never exists without its record.
    await registerCustomer(
      em.fork(),
      { email, password, country, displayName: 'Administrator' },
      { roles: ['customer', 'admin'], audit: { actor: null, action: 'admin.bootstrapped' } },
    );
    return 'created';
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    // Another replica bootstrapped the same admin a moment ago.
    if (err.code === 'CONFLICT' && (await em.fork().findOne(Customer, { email: normaliseEmail(email) }))?.roles.includes('admin')) return 'exists';
    // Configuration mistakes, named by variable: the password policy still applies to the admin.
    const problems = err.details.problems ?? [];
    throw new ConfigError(
      problems.length ? problems.map((p) => `${variableOf[p.field] ?? p.field}: ${p.reason} (${p.message})`) : [`BOOTSTRAP_ADMIN_EMAIL: ${err.message}`],
    );
  }
}
