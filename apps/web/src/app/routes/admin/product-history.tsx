import { graphql } from '../../../__generated__/app/index.js';
import { ProductPages } from '../../components/product-pages.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { auditActionWords, auditDetails } from '../../lib/audit-words.js';
import { formatDateTime } from '../../lib/format.js';
import { requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/product-history';
import { pageSizes } from '../../lib/page-sizes.js';

// Every change made to a product, newest first, as catalog's audit log holds it (who, when, what, why): the price
// and status moves, sale rules, details, campaign and stock steps. The API gives the latest ones, without paging.

/** Entries shown, the newest (the API gives up to 200 at once, without paging). */
const entries = pageSizes.BackOfficeProductHistory;

const historyQuery = graphql(`
  query BackOfficeProductHistory($id: ID!, $first: Int!) {
    product(id: $id) {
      id
      name
      auditTrail(first: $first) {
        action
        actorId
        at
        details
      }
    }
  }
`);

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.product.name ?? 'Product'}: history | Back office | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { product } = await callApi(context, historyQuery, { id: params.id, first: entries }, staff.accessToken).catch(pageError);
  if (!product) throw pageError(new ApiError('There is no product with this id.', 'NOT_FOUND'));
  return { product };
}

export default function BackOfficeProductHistory({ loaderData }: Route.ComponentProps) {
  const { product } = loaderData;
  return (
    <>
      <h1>{product.name}</h1>
      <ProductPages productId={product.id} />
      <table className="data-table" data-testid="audit-trail">
        <caption>Every change, newest first{product.auditTrail.length === entries ? ` (the latest ${entries})` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Why</th>
            <th scope="col">Details</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {product.auditTrail.map((entry, i) => {
            const { reason, facts } = auditDetails(entry.details);
            return (
              <tr key={`${entry.at}-${i}`}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{auditActionWords(entry.action)}</td>
                <td>{reason ?? '—'}</td>
                <td>
                  {facts.map((fact) => (
                    <div key={fact}>{fact}</div>
                  ))}
                </td>
                <td>{entry.actorId ? `Staff ${entry.actorId.slice(0, 8)}` : 'Catalog'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
