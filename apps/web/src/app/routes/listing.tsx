import { Form, Link } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { ProductFilter, ProductStatus } from '../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi } from '../lib/api.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { toMinorUnits } from '../lib/money-input.js';
import { readSession } from '../lib/session.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/listing';
import { pageSizes } from '../lib/page-sizes.js';

const pageSize = pageSizes.StorefrontListing;
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
    seriesNames
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

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaMessages(matches);
  return [{ title: t.listing.metaTitle }, { name: 'description', content: t.listing.metaDescription }];
};

/** The price filter's currency when no figure shows it yet (the store sells in one currency; the form carries it). */
const defaultCurrency = 'USD';

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const status = params.get('status') ?? '';
  const studio = params.get('studio') ?? '';
  const text = params.get('q')?.trim().slice(0, 100) ?? '';
  const series = params.get('series')?.trim().slice(0, 100) ?? '';
  const priceMin = params.get('min')?.trim() ?? '';
  const priceMax = params.get('max')?.trim() ?? '';
  const currency = /^[A-Z]{3}$/.test(params.get('currency') ?? '') ? params.get('currency')! : defaultCurrency;
  const closingSoon = params.get('closing') === 'soon';
  const myRegion = params.get('region') === 'mine';
  const after = params.get('after') || null;
  const query = { status, studio, text, series, priceMin, priceMax, currency, closingSoon, myRegion, after };
  const [session, locale] = await Promise.all([readSession(request, context), requestLocale(request, context)]);
  // Typed as amounts in the store's currency; the API takes minor units. A bad amount is said, not guessed.
  // French writes the decimal comma ("129,99"); English may group thousands with it ("1,200").
  const amount = (typed: string) => toMinorUnits(locale === 'fr' ? typed.replace(/\s/g, '').replace(',', '.') : typed, currency);
  const min = priceMin ? amount(priceMin) : undefined;
  const max = priceMax ? amount(priceMax) : undefined;
  const priceProblem = min === null || max === null || (min !== undefined && max !== undefined && min > max);
  try {
    // The store's clock decides what "closing soon" means (staff can move it outside production).
    const clock = closingSoon ? await callApi(context, clockQuery, {}, session?.accessToken) : null;
    const filter: ProductFilter = {
      ...(statuses.includes(status as ProductStatus) ? { status: [status as ProductStatus] } : {}),
      ...(studio ? { studioId: studio } : {}),
      ...(text ? { text } : {}),
      ...(series ? { series } : {}),
      ...(!priceProblem && (min != null || max != null) ? { priceRange: { ...(min != null ? { min } : {}), ...(max != null ? { max } : {}) } } : {}),
      // Only for a signed-in customer (the API needs to know their region); the page says so to others.
      ...(myRegion && session ? { availableInMyRegion: true } : {}),
      ...(clock ? { preorderClosingBefore: new Date(Date.parse(clock.sandboxClock.now) + closingSoonDays * 86_400_000).toISOString() } : {}),
    };
    const data = await callApi(context, listingQuery, { first: pageSize, after, filter }, session?.accessToken);
    return { data, error: priceProblem ? messagesFor(locale).listing.badPrice : null, query, signedIn: Boolean(session) };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return { data: null, error: await refusalFor(request, context, err), query, signedIn: Boolean(session) };
  }
}

export default function Listing({ loaderData }: Route.ComponentProps) {
  const { data, error, query, signedIn } = loaderData;
  const { t, money, estimate, timeLeft } = useI18n();
  const now = data ? Date.parse(data.sandboxClock.now) : Date.now();
  const currency = data?.products.edges[0]?.node.price.currency ?? query.currency;
  const next = new URLSearchParams({
    ...(query.status && { status: query.status }),
    ...(query.studio && { studio: query.studio }),
    ...(query.text && { q: query.text }),
    ...(query.series && { series: query.series }),
    ...(query.priceMin && { min: query.priceMin }),
    ...(query.priceMax && { max: query.priceMax }),
    ...((query.priceMin || query.priceMax) && { currency: query.currency }),
    ...(query.closingSoon && { closing: 'soon' }),
    ...(query.myRegion && { region: 'mine' }),
  });
  if (data?.products.pageInfo.endCursor) next.set('after', data.products.pageInfo.endCursor);
  const first = new URLSearchParams(next);
  first.delete('after');
  return (
    <>
      <h1>{t.listing.title}</h1>
      <search>
        <Form method="get" className="filters" aria-label={t.listing.filters}>
          <input type="hidden" name="currency" value={currency} />
          <div className="field">
            <label htmlFor="q">{t.listing.search}</label>
            <input id="q" name="q" type="search" defaultValue={query.text} maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="status">{t.listing.availability}</label>
            <select id="status" name="status" defaultValue={query.status}>
              <option value="">{t.listing.all}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t.productStatus[s] ?? s}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="studio">{t.listing.studio}</label>
            <select id="studio" name="studio" defaultValue={query.studio}>
              <option value="">{t.listing.allStudios}</option>
              {data?.studios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="series">{t.listing.series}</label>
            <input id="series" name="series" list="series-names" defaultValue={query.series} maxLength={100} aria-describedby="series-help" />
            <datalist id="series-names">
              {data?.seriesNames.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <p id="series-help" className="help">
              {t.listing.seriesHelp}
            </p>
          </div>
          <div className="field">
            <label htmlFor="min">{t.listing.priceFrom}</label>
            <input id="min" name="min" inputMode="decimal" defaultValue={query.priceMin} size={8} aria-describedby="price-help" />
          </div>
          <div className="field">
            <label htmlFor="max">{t.listing.priceTo}</label>
            <input id="max" name="max" inputMode="decimal" defaultValue={query.priceMax} size={8} aria-describedby="price-help" />
            <p id="price-help" className="help">
              {t.listing.priceHelp(currency)}
            </p>
          </div>
          <div className="field checkbox">
            <input id="closing" name="closing" type="checkbox" value="soon" defaultChecked={query.closingSoon} />
            <label htmlFor="closing">{t.listing.closingSoon(closingSoonDays)}</label>
          </div>
          {signedIn ? (
            <div className="field checkbox">
              <input id="region" name="region" type="checkbox" value="mine" defaultChecked={query.myRegion} />
              <label htmlFor="region">{t.listing.myRegion}</label>
            </div>
          ) : (
            <p className="help">{t.listing.myRegionSignIn}</p>
          )}
          <button type="submit">{t.listing.show}</button>
        </Form>
      </search>
      <ApiErrorMessage message={error} />
      {data && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t.listing.count(data.products.totalCount)}</h2>
          <ul className="product-grid">
            {data.products.edges.map(({ node: p }) => (
              <li key={p.id} className="product-card">
                {p.images[0] && <img src={p.images[0]} alt={p.name} loading="lazy" width={240} height={240} />}
                <h3>
                  <Link to={`/products/${p.id}`}>{p.name}</Link>
                </h3>
                <p className="price">{money(p.price)}</p>
                <p>
                  <span className={`badge badge-${p.status.toLowerCase()}`}>{t.productStatus[p.status] ?? p.status}</span>
                  {p.scale && <> · {p.scale}</>}
                  {p.studio && <> · {p.studio.name}</>}
                </p>
                {p.releaseEstimate && <p>{t.listing.release(estimate(p.releaseEstimate))}</p>}
                {p.preorderCampaign?.state === 'OPEN' && p.preorderCampaign.closesAt && (
                  <p>{t.listing.closesIn(timeLeft(Date.parse(p.preorderCampaign.closesAt), now))}</p>
                )}
                {p.preorderCampaign?.limitedQuantity != null && p.availableQuantity != null && (
                  <p>{t.listing.limited(p.availableQuantity, p.preorderCampaign.limitedQuantity)}</p>
                )}
              </li>
            ))}
          </ul>
          <nav aria-label={t.listing.pages} className="pager">
            {query.after && <Link to={`/?${first.toString()}`}>{t.listing.firstPage}</Link>}
            {data.products.pageInfo.hasNextPage && <Link to={`/?${next.toString()}`}>{t.listing.nextPage}</Link>}
          </nav>
        </section>
      )}
    </>
  );
}
