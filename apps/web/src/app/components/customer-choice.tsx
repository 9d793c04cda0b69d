import { Link } from 'react-router';

/** A customer whose email starts with what staff typed (accounts' `customers` search). */
export interface CustomerMatch {
  id: string;
  email: string;
  displayName: string;
}

/** The filter field of a back-office list that finds a customer by the start of their email (accounts' search). */
export function CustomerEmailField({ defaultValue }: { defaultValue: string }) {
  return (
    <div className="field">
      <label htmlFor="email">Customer email (or its start)</label>
      <input id="email" name="email" type="search" defaultValue={defaultValue} />
    </div>
  );
}

/**
 * Several customers' emails start with what staff typed: each is a link to the same list filtered by that customer
 * (`?email=…&customer=<id>`). `whose` ends the heading: "Several customers match: whose <whose>?".
 */
export function CustomerChoice({ customers, email, whose }: { customers: readonly CustomerMatch[]; email: string; whose: string }) {
  if (customers.length < 2) return null;
  return (
    <section aria-labelledby="customers">
      <h2 id="customers">Several customers match: whose {whose}?</h2>
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
