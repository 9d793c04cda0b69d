import { Form, Link } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { ApiError, callApi, messageWithProblems } from '../../lib/api.server.js';
import { formatDay } from '../../lib/format.js';
import { requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/customers';
import { pageSizes } from '../../lib/page-sizes.js';

const customersQuery = graphql(`
  query BackOfficeCustomers($search: CustomerSearchInput!, $first: Int!, $after: String) {
    customers(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          email
          displayName
          country
          createdAt
        }
      }
    }
  }
`);

export const meta: Route.MetaFunction = () => [{ title: 'Customers | Back office | Vitrine' }];

/**
 * Customers by the start of their email and/or part of their name (what accounts' search takes), newest accounts
 * first, 25 a page. Nothing is asked of the API before staff type something: it searches by a term only, and its
 * refusals (a name of one letter, say) are shown as it words them.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'customers:read');
  const params = new URL(request.url).searchParams;
  const email = (params.get('email') ?? '').trim();
  const name = (params.get('name') ?? '').trim();
  const form = { email, name };
  // Links only to what the staff member may open: a customer's page reads `customer(id)` (customers:flag), their
  // orders need orders:manage.
  const may = { open: staff.scopes.includes('customers:flag'), orders: staff.scopes.includes('orders:manage') };
  if (!email && !name) return { form, may, error: null, found: null };
  const search = { ...(email ? { email } : {}), ...(name ? { name } : {}) };
  try {
    const { customers } = await callApi(
      context,
      customersQuery,
      { search, first: pageSizes.BackOfficeCustomers, after: params.get('after') },
      staff.accessToken,
    );
    const nextQuery = customers.pageInfo.hasNextPage ? pageQuery(params, 'after', customers.pageInfo.endCursor ?? null) : null;
    return { form, may, error: null, found: { ...customers, nextQuery } };
  } catch (err) {
    if (err instanceof ApiError) return { form, may, error: messageWithProblems(err), found: null };
    throw err;
  }
}

export default function BackOfficeCustomers({ loaderData }: Route.ComponentProps) {
  const { form, may, error, found } = loaderData;
  return (
    <>
      <h1>Customers</h1>
      <Form method="get" className="filters" role="search" aria-label="Find customers">
        <div className="field">
          <label htmlFor="email">Email (or its start)</label>
          <input id="email" name="email" type="search" defaultValue={form.email} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="name">Name (or part of it)</label>
          <input id="name" name="name" type="search" defaultValue={form.name} />
        </div>
        <button type="submit">Find customers</button>
      </Form>
      <ApiErrorMessage message={error} />
      {found && (
        <section aria-labelledby="found">
          <h2 id="found">
            {found.totalCount} customer{found.totalCount === 1 ? '' : 's'}, newest accounts first
          </h2>
          <table className="data-table">
            <caption className="visually-hidden">Customers found, newest accounts first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Region</th>
                <th scope="col">Joined</th>
                {may.orders && <th scope="col">Orders</th>}
              </tr>
            </thead>
            <tbody>
              {found.edges.map(({ node: c }) => (
                <tr key={c.id}>
                  <td>{may.open ? <Link to={`/admin/customers/${c.id}`}>{c.displayName}</Link> : c.displayName}</td>
                  <td>{c.email}</td>
                  <td>{c.country}</td>
                  <td>{formatDay(c.createdAt)}</td>
                  {may.orders && (
                    <td>
                      <Link to={`/admin/orders?customer=${c.id}`} aria-label={`Orders of ${c.displayName}`}>
                        Orders
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <Pager next={found.nextQuery} nextLabel="Older accounts" />
        </section>
      )}
    </>
  );
}
