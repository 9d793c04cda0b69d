import { Form, Link, redirect, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { CreateProductInput, ProductFilter, ProductStatus } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { productsWords } from '../../lib/messages/admin/products.js';
import { toMinorUnits } from '../../lib/money-input.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/products';
import { pageSizes } from '../../lib/page-sizes.js';

const productsQuery = graphql(`
  query BackOfficeProducts($first: Int!, $after: String, $filter: ProductFilter) {
    products(first: $first, after: $after, filter: $filter, sort: NEWEST) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          sku
          name
          status
          price {
            amount
            currency
          }
          releaseEstimate
          availableQuantity
          preorderCampaign {
            state
          }
        }
      }
    }
    studios {
      id
      name
    }
    warehouses {
      id
      code
      name
      retiredAt
    }
  }
`);
const clockQuery = graphql(`
  query BackOfficeProductsClock {
    sandboxClock {
      now
    }
  }
`);
const createProductMutation = graphql(`
  mutation BackOfficeCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
    }
  }
`);

/** The statuses a product may start in (CreateProductInput.status). */
const startingStatuses: ProductStatus[] = ['ANNOUNCED', 'PREORDER', 'IN_STOCK', 'CHINA_STOCK'];
const allStatuses: readonly ProductStatus[] = [...startingStatuses, 'PREORDER_CLOSED', 'RELEASED', 'SOLD_OUT', 'DISCONTINUED'];
const currencies = ['USD', 'EUR', 'JPY'] as const;
/** Products per page of the list (the API's cursor pages; the search is kept from page to page). */
const pageSize = pageSizes.BackOfficeProducts;
/** "Closing soon": an open preorder window closing within this many hours of the store's clock (worded in messages/admin/products.ts). */
const closingWithin: Record<string, { hours: number }> = {
  '24h': { hours: 24 },
  '7d': { hours: 7 * 24 },
};

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'products');

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const params = new URL(request.url).searchParams;
  const text = params.get('q')?.trim() ?? '';
  const status = (allStatuses as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ProductStatus) : null;
  const studioId = params.get('studio') || null;
  const series = params.get('series')?.trim().slice(0, 100) ?? '';
  const currency = (currencies as readonly string[]).includes(params.get('currency') ?? '') ? params.get('currency')! : 'USD';
  const priceMin = params.get('min')?.trim() ?? '';
  const priceMax = params.get('max')?.trim() ?? '';
  const closing = params.get('closing') && closingWithin[params.get('closing')!] ? params.get('closing')! : null;
  const after = params.get('after') || null;
  // Typed as amounts in the chosen currency; the API compares minor units. A bad amount or range is said (by the
  // page, in its words), not guessed.
  const locale = await requestLocale(request, context);
  const min = priceMin ? toMinorUnits(priceMin, currency, locale) : undefined;
  const max = priceMax ? toMinorUnits(priceMax, currency, locale) : undefined;
  const priceProblem: 'notAmounts' | 'lowestAboveHighest' | null =
    min === null || max === null ? 'notAmounts' : min !== undefined && max !== undefined && min > max ? 'lowestAboveHighest' : null;
  // "Closing soon" counts from the store's clock, which staff can move outside production.
  const now = closing ? (await callApi(context, clockQuery, {}, staff.accessToken).catch(pageError)).sandboxClock.now : null;
  const filter: ProductFilter = {
    ...(text ? { text } : {}),
    ...(status ? { status: [status] } : {}),
    ...(studioId ? { studioId } : {}),
    ...(series ? { series } : {}),
    ...(!priceProblem && (min != null || max != null) ? { priceRange: { ...(min != null ? { min } : {}), ...(max != null ? { max } : {}) } } : {}),
    ...(closing && now ? { preorderClosingBefore: new Date(Date.parse(now) + closingWithin[closing]!.hours * 3_600_000).toISOString() } : {}),
  };
  const result = await callApi(context, productsQuery, { first: pageSize, after, filter }, staff.accessToken).catch(pageError);
  return {
    products: result.products.edges.map((e) => e.node),
    total: result.products.totalCount,
    next: result.products.pageInfo.hasNextPage ? result.products.pageInfo.endCursor : null,
    paged: after !== null,
    studios: result.studios,
    // A retired warehouse takes no more units: not offered for a new product's stock.
    warehouses: result.warehouses.filter((w) => !w.retiredAt),
    text,
    status,
    studioId,
    series,
    currency,
    priceMin,
    priceMax,
    priceProblem,
    closing,
  };
}

type Values = Record<string, string>;

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const form = await request.formData();
  const values: Values = Object.fromEntries(
    ['sku', 'name', 'price', 'currency', 'status', 'stock', 'warehouseId', 'studioId', 'limitedQuantity'].map((k) => [k, field(form, k)]),
  );
  const currency = values.currency || 'USD';
  const locale = await requestLocale(request, context);
  const price = toMinorUnits(values.price ?? '', currency, locale);
  if (price === null || price === 0) return { error: wordsIn(productsWords, locale).priceNotAmount(currency), values };
  const whole = (name: string) => (values[name] ? Number(values[name]) : undefined);
  for (const name of ['stock', 'limitedQuantity']) {
    const n = whole(name);
    if (n !== undefined && (!Number.isInteger(n) || n < 0)) {
      const w = wordsIn(productsWords, locale);
      return { error: name === 'stock' ? w.stockWhole : w.limitedWhole, values };
    }
  }
  const input: CreateProductInput = {
    sku: values.sku!,
    name: values.name!,
    price: { amount: price, currency },
    status: (values.status || 'IN_STOCK') as ProductStatus,
    ...(whole('stock') ? { stock: whole('stock') } : {}),
    ...(values.warehouseId ? { warehouseId: values.warehouseId } : {}),
    ...(values.studioId ? { studioId: values.studioId } : {}),
    ...(whole('limitedQuantity') ? { limitedQuantity: whole('limitedQuantity') } : {}),
  };
  try {
    const { createProduct } = await callApi(context, createProductMutation, { input }, staff.accessToken);
    return redirect(`/admin/products/${createProduct.id}?done=created`);
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err), values };
    throw err;
  }
}

export default function BackOfficeProducts({ loaderData, actionData }: Route.ComponentProps) {
  const { products, total, studios, warehouses, text, status, studioId, series, currency, priceMin, priceMax, priceProblem, closing, next, paged } = loaderData;
  const kept = {
    ...(text ? { q: text } : {}),
    ...(status ? { status } : {}),
    ...(studioId ? { studio: studioId } : {}),
    ...(series ? { series } : {}),
    ...(priceMin || priceMax ? { currency, ...(priceMin ? { min: priceMin } : {}), ...(priceMax ? { max: priceMax } : {}) } : {}),
    ...(closing ? { closing } : {}),
  };
  const pageLink = (after: string | null) => `/admin/products?${new URLSearchParams({ ...kept, ...(after ? { after } : {}) })}`;
  const values: Values = actionData?.values ?? {};
  const submitting = useNavigation().state === 'submitting';
  const { t, money, estimate } = useI18n();
  const w = useWords(productsWords);
  const frame = useWords(backOfficeWords);
  const statusWords = (s: string) => t.productStatus[s] ?? s;
  const priceProblemWords = priceProblem === 'notAmounts' ? w.pricesNotAmounts(currency) : priceProblem ? w.lowestAboveHighest : null;
  return (
    <>
      <h1>{frame.sections.products.title}</h1>
      <section aria-labelledby="new-product">
        <h2 id="new-product">{w.add.heading}</h2>
        <Form method="post" className="stacked admin-form">
          <div className="field">
            <label htmlFor="name">{w.add.name}</label>
            <input id="name" name="name" required maxLength={200} defaultValue={values.name} />
          </div>
          <div className="field">
            <label htmlFor="sku">{w.add.sku}</label>
            <input id="sku" name="sku" required maxLength={64} defaultValue={values.sku} />
          </div>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="price">{w.add.price}</label>
              <input id="price" name="price" inputMode="decimal" required defaultValue={values.price} aria-describedby="price-help" />
              <p id="price-help" className="help">
                {w.add.priceHelp}
              </p>
            </div>
            <div className="field">
              <label htmlFor="currency">{w.add.currency}</label>
              <select id="currency" name="currency" defaultValue={values.currency || 'USD'}>
                {currencies.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="status">{w.add.status}</label>
            <select id="status" name="status" defaultValue={values.status || 'IN_STOCK'}>
              {startingStatuses.map((s) => (
                <option key={s} value={s}>
                  {statusWords(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="stock">{w.add.stock}</label>
              <input id="stock" name="stock" type="number" min={0} step={1} defaultValue={values.stock} aria-describedby="stock-help" />
              <p id="stock-help" className="help">
                {w.add.stockHelp}
              </p>
            </div>
            <div className="field">
              <label htmlFor="warehouseId">{w.add.warehouse}</label>
              <select id="warehouseId" name="warehouseId" defaultValue={values.warehouseId ?? ''}>
                <option value="">{w.add.firstWarehouse}</option>
                {warehouses.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name} ({h.code})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="studioId">{w.add.studio}</label>
              <select id="studioId" name="studioId" defaultValue={values.studioId ?? ''}>
                <option value="">{w.add.noStudio}</option>
                {studios.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="limitedQuantity">{w.add.limited}</label>
              <input
                id="limitedQuantity"
                name="limitedQuantity"
                type="number"
                min={1}
                step={1}
                defaultValue={values.limitedQuantity}
                aria-describedby="limited-help"
              />
              <p id="limited-help" className="help">
                {w.add.limitedHelp}
              </p>
            </div>
          </div>
          <ApiErrorMessage message={actionData?.error} />
          <button type="submit" disabled={submitting}>
            {w.add.submit}
          </button>
        </Form>
      </section>

      <section aria-labelledby="catalog">
        <h2 id="catalog">{w.catalog.heading(total)}</h2>
        <Form method="get" className="filters" role="search">
          <div className="field">
            <label htmlFor="q">{w.catalog.text}</label>
            <input id="q" name="q" type="search" defaultValue={text} />
          </div>
          <div className="field">
            <label htmlFor="filter-status">{w.catalog.status}</label>
            <select id="filter-status" name="status" defaultValue={status ?? ''}>
              <option value="">{w.catalog.anyStatus}</option>
              {allStatuses.map((s) => (
                <option key={s} value={s}>
                  {statusWords(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-studio">{w.catalog.studio}</label>
            <select id="filter-studio" name="studio" defaultValue={studioId ?? ''}>
              <option value="">{w.catalog.anyStudio}</option>
              {studios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-series">{w.catalog.series}</label>
            <input id="filter-series" name="series" type="search" maxLength={100} defaultValue={series} />
          </div>
          <div className="field">
            <label htmlFor="filter-closing">{w.catalog.closing}</label>
            <select id="filter-closing" name="closing" defaultValue={closing ?? ''}>
              <option value="">{w.catalog.anyClosing}</option>
              {Object.keys(closingWithin).map((value) => (
                <option key={value} value={value}>
                  {w.closing[value]}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="inline-fields">
            <legend>{w.catalog.price}</legend>
            <div className="field">
              <label htmlFor="filter-min">{w.catalog.from}</label>
              <input id="filter-min" name="min" inputMode="decimal" defaultValue={priceMin} aria-invalid={priceProblem ? true : undefined} />
            </div>
            <div className="field">
              <label htmlFor="filter-max">{w.catalog.upTo}</label>
              <input id="filter-max" name="max" inputMode="decimal" defaultValue={priceMax} aria-invalid={priceProblem ? true : undefined} />
            </div>
            <div className="field">
              <label htmlFor="filter-currency">{w.catalog.in}</label>
              <select id="filter-currency" name="currency" defaultValue={currency}>
                {currencies.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </div>
          </fieldset>
          <button type="submit">{w.catalog.search}</button>
        </Form>
        <ApiErrorMessage message={priceProblemWords ? w.notFilteredByPrice(priceProblemWords) : null} />
        <table className="data-table">
          <caption className="visually-hidden">{w.catalog.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{w.catalog.name}</th>
              <th scope="col">{w.catalog.sku}</th>
              <th scope="col">{w.catalog.statusColumn}</th>
              <th scope="col">{w.catalog.priceColumn}</th>
              <th scope="col">{w.catalog.release}</th>
              <th scope="col">{w.catalog.orderable}</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/admin/products/${p.id}`}>{p.name}</Link>
                </td>
                <td>{p.sku}</td>
                <td>
                  {statusWords(p.status)}
                  {p.preorderCampaign && p.preorderCampaign.state !== 'OPEN' && <span className="muted">{w.catalog.campaign(p.preorderCampaign.state)}</span>}
                </td>
                <td>{money(p.price)}</td>
                <td>{p.releaseEstimate ? estimate(p.releaseEstimate) : '—'}</td>
                <td>{p.availableQuantity ?? w.catalog.openEnded}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {(next || paged) && (
          <nav aria-label={w.catalog.pages} className="pager">
            {paged && <Link to={pageLink(null)}>{w.catalog.first}</Link>}
            {next && <Link to={pageLink(next)}>{w.catalog.next}</Link>}
          </nav>
        )}
      </section>
    </>
  );
}
