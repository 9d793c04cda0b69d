import { Form, Link } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { ProductFilter, ProductStatus } from '../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi } from '../lib/api.server.js';
import { formatEstimate, formatMoney, productStatusWords, timeLeft } from '../lib/format.js';
import { readSession } from '../lib/session.server.js';
import type { Route } from './+types/listing';

const pageSize = 12;
/** "Closing soon": preorder windows that close within this many days of the store's now. */
const closingSoonDays = 7;
const statuses: ProductStatus[] = ['PREORDER', 'ANNOUNCED', 'IN_STOCK', 'RELEASED', 'PREORDER_CLOSED', 'SOLD_OUT'];

const listingQuery = graphql(`
  query StorefrontListing($first: Int!, $after: String, $filter: ProductFilter) {
    sandboxClock {
      now
    }
    studios {
      id
      name
    }
    products(first: $first, after: $after, filter: $filter, sort: NEWEST) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          status
          price {
            amount
            currency
          }
          images
          scale
          series
          releaseEstimate
          availableQuantity
          studio {
            name
          }
          preorderCampaign {
            state
            closesAt
            limitedQuantity
          }
        }
      }
    }
  }
`);

const clockQuery = graphql(`
  query StorefrontClock {
    sandboxClock {
      now
    }
  }
`);

export const meta: Route.MetaFunction = () => [
  { title: 'Figures and statues: preorders and in stock | Vitrine' },
  { name: 'description', content: 'Collectible figures and statues: open preorders, release dates and payment plans.' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const status = params.get('status') ?? '';
  const studio = params.get('studio') ?? '';
  const text = params.get('q')?.trim().slice(0, 100) ?? '';
  const closingSoon = params.get('closing') === 'soon';
  const after = params.get('after') || null;
  const session = await readSession(request, context);
  try {
    // The store's clock decides what "closing soon" means (staff can move it outside production).
    const clock = closingSoon ? await callApi(context, clockQuery, {}, session?.accessToken) : null;
    const filter: ProductFilter = {
      ...(statuses.includes(status as ProductStatus) ? { status: [status as ProductStatus] } : {}),
      ...(studio ? { studioId: studio } : {}),
      ...(text ? { text } : {}),
      ...(clock ? { preorderClosingBefore: new Date(Date.parse(clock.sandboxClock.now) + closingSoonDays * 86_400_000).toISOString() } : {}),
    };
    const data = await callApi(context, listingQuery, { first: pageSize, after, filter }, session?.accessToken);
    return { data, error: null, query: { status, studio, text, closingSoon, after } };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return { data: null, error: err.message, query: { status, studio, text, closingSoon, after } };
  }
}

export default function Listing({ loaderData }: Route.ComponentProps) {
  const { data, error, query } = loaderData;
  const now = data ? Date.parse(data.sandboxClock.now) : Date.now();
  const next = new URLSearchParams({
    ...(query.status && { status: query.status }),
    ...(query.studio && { studio: query.studio }),
    ...(query.text && { q: query.text }),
    ...(query.closingSoon && { closing: 'soon' }),
  });
  if (data?.products.pageInfo.endCursor) next.set('after', data.products.pageInfo.endCursor);
  const first = new URLSearchParams(next);
  first.delete('after');
  return (
    <>
      <h1>Figures and statues</h1>
      <search>
        <Form method="get" className="filters" aria-label="Filter the figures">
          <div className="field">
            <label htmlFor="q">Search</label>
            <input id="q" name="q" type="search" defaultValue={query.text} maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="status">Availability</label>
            <select id="status" name="status" defaultValue={query.status}>
              <option value="">All</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {productStatusWords(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="studio">Studio</label>
            <select id="studio" name="studio" defaultValue={query.studio}>
              <option value="">All studios</option>
              {data?.studios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field checkbox">
            <input id="closing" name="closing" type="checkbox" value="soon" defaultChecked={query.closingSoon} />
            <label htmlFor="closing">Preorders closing within {closingSoonDays} days</label>
          </div>
          <button type="submit">Show figures</button>
        </Form>
      </search>
      <ApiErrorMessage message={error} />
      {data && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {data.products.totalCount} {data.products.totalCount === 1 ? 'figure' : 'figures'}
          </h2>
          <ul className="product-grid">
            {data.products.edges.map(({ node: p }) => (
              <li key={p.id} className="product-card">
                {p.images[0] && <img src={p.images[0]} alt={p.name} loading="lazy" width={240} height={240} />}
                <h3>
                  <Link to={`/products/${p.id}`}>{p.name}</Link>
                </h3>
                <p className="price">{formatMoney(p.price)}</p>
                <p>
                  <span className={`badge badge-${p.status.toLowerCase()}`}>{productStatusWords(p.status)}</span>
                  {p.scale && <> · {p.scale}</>}
                  {p.studio && <> · {p.studio.name}</>}
                </p>
                {p.releaseEstimate && <p>Release: {formatEstimate(p.releaseEstimate)}</p>}
                {p.preorderCampaign?.state === 'OPEN' && p.preorderCampaign.closesAt && (
                  <p>Preorders close in {timeLeft(Date.parse(p.preorderCampaign.closesAt), now)}</p>
                )}
                {p.preorderCampaign?.limitedQuantity != null && p.availableQuantity != null && (
                  <p>
                    Limited run: {p.availableQuantity} of {p.preorderCampaign.limitedQuantity} left
                  </p>
                )}
              </li>
            ))}
          </ul>
          <nav aria-label="Pages" className="pager">
            {query.after && <Link to={`/?${first.toString()}`}>First page</Link>}
            {data.products.pageInfo.hasNextPage && <Link to={`/?${next.toString()}`}>Next page</Link>}
          </nav>
        </section>
      )}
    </>
  );
}
