import { Form, Link } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { ApiError, callApi } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { useI18n, useWords } from '../../lib/i18n.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { customersWords } from '../../lib/messages/admin/customers.js';
import { refusalFor } from '../../lib/refusal.server.js';
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

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'customers');

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
    if (err instanceof ApiError) return { form, may, error: await refusalFor(request, context, err, { withProblems: true }), found: null };
    throw err;
  }
}

export default function BackOfficeCustomers({ loaderData }: Route.ComponentProps) {
  const { form, may, error, found } = loaderData;
  const { day } = useI18n();
  const w = useWords(customersWords);
  const frame = useWords(backOfficeWords);
  return (
    <>
      <h1>{frame.sections.customers.title}</h1>
      <Form method="get" className="filters" role="search" aria-label={w.find}>
        <div className="field">
          <label htmlFor="email">{w.email}</label>
          <input id="email" name="email" type="search" defaultValue={form.email} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="name">{w.name}</label>
          <input id="name" name="name" type="search" defaultValue={form.name} />
        </div>
        <button type="submit">{w.find}</button>
      </Form>
      <ApiErrorMessage message={error} />
      {found && (
        <section aria-labelledby="found">
          <h2 id="found">{w.count(found.totalCount)}</h2>
          <table className="data-table">
            <caption className="visually-hidden">{w.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{w.nameColumn}</th>
                <th scope="col">{w.emailColumn}</th>
                <th scope="col">{w.region}</th>
                <th scope="col">{w.joined}</th>
                {may.orders && <th scope="col">{w.orders}</th>}
              </tr>
            </thead>
            <tbody>
              {found.edges.map(({ node: c }) => (
                <tr key={c.id}>
                  <td>{may.open ? <Link to={`/admin/customers/${c.id}`}>{c.displayName}</Link> : c.displayName}</td>
                  <td>{c.email}</td>
                  <td>{c.country}</td>
                  <td>{day(c.createdAt)}</td>
                  {may.orders && (
                    <td>
                      <Link to={`/admin/orders?customer=${c.id}`} aria-label={w.ordersOf(c.displayName)}>
                        {w.orders}
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <Pager next={found.nextQuery} nextLabel={w.older} />
        </section>
      )}
    </>
  );
}
