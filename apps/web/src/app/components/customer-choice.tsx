import { Link } from 'react-router';
import { useWords } from '../lib/i18n.js';
import { backOfficeWords } from '../lib/messages/admin/back-office.js';

/** A customer whose email starts with what staff typed (accounts' `customers` search). */
export interface CustomerMatch {
  id: string;
  email: string;
  displayName: string;
}

/** The filter field of a back-office list that finds a customer by the start of their email (accounts' search). */
export function CustomerEmailField({ defaultValue }: { defaultValue: string }) {
  const w = useWords(backOfficeWords).customerChoice;
  return (
    <div className="field">
      <label htmlFor="email">{w.emailField}</label>
      <input id="email" name="email" type="search" defaultValue={defaultValue} />
    </div>
  );
}

/**
 * Several customers' emails start with what staff typed: each is a link to the same list filtered by that customer
 * (`?email=…&customer=<id>`). `whose` (in the page's language) ends the heading: "Several customers match: whose <whose>?".
 */
export function CustomerChoice({ customers, email, whose }: { customers: readonly CustomerMatch[]; email: string; whose: string }) {
  const w = useWords(backOfficeWords).customerChoice;
  if (customers.length < 2) return null;
  return (
    <section aria-labelledby="customers">
      <h2 id="customers">{w.several(whose)}</h2>
      <ul>
        {customers.map((c) => (
          <li key={c.id}>
            <Link to={`?${new URLSearchParams({ email, customer: c.id })}`}>
              {c.displayName} ({c.email})
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
