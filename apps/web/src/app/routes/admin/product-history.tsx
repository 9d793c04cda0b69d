import { graphql } from '../../../__generated__/app/index.js';
import { ProductPages } from '../../components/product-pages.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { auditActionWords, auditDetails } from '../../lib/audit-words.js';
import { metaLocale, useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { productHistoryWords } from '../../lib/messages/admin/product-history.js';
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

export const meta: Route.MetaFunction = ({ data, matches }) => {
  const locale = metaLocale(matches);
  const w = wordsIn(productHistoryWords, locale);
  return [{ title: wordsIn(backOfficeWords, locale).title(w.title(data?.product.name ?? w.product)) }];
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { product } = await callApi(context, historyQuery, { id: params.id, first: entries }, staff.accessToken).catch(pageError);
  if (!product) throw pageError(new ApiError(wordsIn(productHistoryWords, await requestLocale(request, context)).notFound, 'NOT_FOUND'));
  return { product };
}

export default function BackOfficeProductHistory({ loaderData }: Route.ComponentProps) {
  const { product } = loaderData;
  const { locale, dateTime } = useI18n();
  const w = useWords(productHistoryWords);
  return (
    <>
      <h1>{product.name}</h1>
      <ProductPages productId={product.id} />
      <table className="data-table" data-testid="audit-trail">
        <caption>
          {w.caption}
          {product.auditTrail.length === entries ? w.latest(entries) : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">{w.when}</th>
            <th scope="col">{w.what}</th>
            <th scope="col">{w.why}</th>
            <th scope="col">{w.details}</th>
            <th scope="col">{w.by}</th>
          </tr>
        </thead>
        <tbody>
          {product.auditTrail.map((entry, i) => {
            const { reason, facts } = auditDetails(entry.details, locale);
            return (
              <tr key={`${entry.at}-${i}`}>
                <td>{dateTime(entry.at)}</td>
                <td>{auditActionWords(entry.action, locale)}</td>
                <td>{reason ?? '—'}</td>
                <td>
                  {facts.map((fact) => (
                    <div key={fact}>{fact}</div>
                  ))}
                </td>
                <td>{entry.actorId ? w.staff(entry.actorId.slice(0, 8)) : w.catalog}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
