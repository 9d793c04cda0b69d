import { Form, Link, redirect, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { CreateProductInput, ProductFilter, ProductStatus } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { formatEstimate, formatMoney, productStatusWords } from '../../lib/format.js';
import { toMinorUnits } from '../../lib/money-input.js';
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
/** "Closing soon": an open preorder window closing within this many hours of the store's clock. */
const closingWithin: Record<string, { hours: number; words: string }> = {
  '24h': { hours: 24, words: 'Closing within 24 hours' },
  '7d': { hours: 7 * 24, words: 'Closing within 7 days' },
};

export const meta: Route.MetaFunction = () => [{ title: 'Products | Back office | Vitrine' }];

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
  // Typed as amounts in the chosen currency; the API compares minor units. A bad amount or range is said, not guessed.
  const min = priceMin ? toMinorUnits(priceMin, currency) : undefined;
  const max = priceMax ? toMinorUnits(priceMax, currency) : undefined;
  const priceProblem =
    min === null || max === null
      ? `Enter the prices as amounts in ${currency}, e.g. 129.99.`
      : min !== undefined && max !== undefined && min > max
        ? 'The lowest price is above the highest.'
        : null;
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
  const price = toMinorUnits(values.price ?? '', currency);
  if (price === null || price === 0) return { error: `Enter the price as an amount in ${currency}, e.g. 129.99.`, values };
  const whole = (name: string) => (values[name] ? Number(values[name]) : undefined);
  for (const name of ['stock', 'limitedQuantity']) {
    const n = whole(name);
    if (n !== undefined && (!Number.isInteger(n) || n < 0))
      return { error: `${name === 'stock' ? 'Stock' : 'The limited run'} is a whole number of units.`, values };
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
    if (err instanceof ApiError) return { error: err.message, values };
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
  return (
    <>
      <h1>Products</h1>
      <section aria-labelledby="new-product">
        <h2 id="new-product">Add a product</h2>
        <Form method="post" className="stacked admin-form">
          <div className="field">
            <label htmlFor="name">Name</label>
            <input id="name" name="name" required maxLength={200} defaultValue={values.name} />
          </div>
          <div className="field">
            <label htmlFor="sku">SKU</label>
            <input id="sku" name="sku" required maxLength={64} defaultValue={values.sku} />
          </div>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="price">Price (tax included)</label>
              <input id="price" name="price" inputMode="decimal" required defaultValue={values.price} aria-describedby="price-help" />
              <p id="price-help" className="help">
                An amount such as 129.99.
              </p>
            </div>
            <div className="field">
              <label htmlFor="currency">Currency</label>
              <select id="currency" name="currency" defaultValue={values.currency || 'USD'}>
                {currencies.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={values.status || 'IN_STOCK'}>
              {startingStatuses.map((s) => (
                <option key={s} value={s}>
                  {productStatusWords(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="stock">Units in stock</label>
              <input id="stock" name="stock" type="number" min={0} step={1} defaultValue={values.stock} aria-describedby="stock-help" />
              <p id="stock-help" className="help">
                Received now into the warehouse below (none if left empty).
              </p>
            </div>
            <div className="field">
              <label htmlFor="warehouseId">Warehouse</label>
              <select id="warehouseId" name="warehouseId" defaultValue={values.warehouseId ?? ''}>
                <option value="">The status’s first warehouse</option>
                {warehouses.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name} ({w.code})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="studioId">Studio</label>
              <select id="studioId" name="studioId" defaultValue={values.studioId ?? ''}>
                <option value="">None</option>
                {studios.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="limitedQuantity">Limited run (units)</label>
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
                Announced or preorder only; empty: open-ended.
              </p>
            </div>
          </div>
          <ApiErrorMessage message={actionData?.error} />
          <button type="submit" disabled={submitting}>
            Add the product
          </button>
        </Form>
      </section>

      <section aria-labelledby="catalog">
        <h2 id="catalog">Catalog ({total})</h2>
        <Form method="get" className="filters" role="search">
          <div className="field">
            <label htmlFor="q">Name, SKU, series or studio</label>
            <input id="q" name="q" type="search" defaultValue={text} />
          </div>
          <div className="field">
            <label htmlFor="filter-status">Only products that are</label>
            <select id="filter-status" name="status" defaultValue={status ?? ''}>
              <option value="">In any status</option>
              {allStatuses.map((s) => (
                <option key={s} value={s}>
                  {productStatusWords(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-studio">Only products made by</label>
            <select id="filter-studio" name="studio" defaultValue={studioId ?? ''}>
              <option value="">Any studio</option>
              {studios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-series">Series (whole name)</label>
            <input id="filter-series" name="series" type="search" maxLength={100} defaultValue={series} />
          </div>
          <div className="field">
            <label htmlFor="filter-closing">Preorder window</label>
            <select id="filter-closing" name="closing" defaultValue={closing ?? ''}>
              <option value="">Any, or none</option>
              {Object.entries(closingWithin).map(([value, c]) => (
                <option key={value} value={value}>
                  {c.words}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="inline-fields">
            <legend>Price (tax included)</legend>
            <div className="field">
              <label htmlFor="filter-min">From</label>
              <input id="filter-min" name="min" inputMode="decimal" defaultValue={priceMin} aria-invalid={priceProblem ? true : undefined} />
            </div>
            <div className="field">
              <label htmlFor="filter-max">Up to</label>
              <input id="filter-max" name="max" inputMode="decimal" defaultValue={priceMax} aria-invalid={priceProblem ? true : undefined} />
            </div>
            <div className="field">
              <label htmlFor="filter-currency">In</label>
              <select id="filter-currency" name="currency" defaultValue={currency}>
                {currencies.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </div>
          </fieldset>
          <button type="submit">Search</button>
        </Form>
        <ApiErrorMessage message={priceProblem ? `${priceProblem} The list is not filtered by price.` : null} />
        <table className="data-table">
          <caption className="visually-hidden">Products, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">SKU</th>
              <th scope="col">Status</th>
              <th scope="col">Price</th>
              <th scope="col">Release</th>
              <th scope="col">Can be ordered</th>
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
                  {productStatusWords(p.status)}
                  {p.preorderCampaign && p.preorderCampaign.state !== 'OPEN' && (
                    <span className="muted"> (campaign {p.preorderCampaign.state.toLowerCase()})</span>
                  )}
                </td>
                <td>{formatMoney(p.price)}</td>
                <td>{p.releaseEstimate ? formatEstimate(p.releaseEstimate) : '—'}</td>
                <td>{p.availableQuantity ?? 'Open-ended'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {(next || paged) && (
          <nav aria-label="Pages of products" className="pager">
            {paged && <Link to={pageLink(null)}>First page</Link>}
            {next && <Link to={pageLink(next)}>Next page</Link>}
          </nav>
        )}
      </section>
    </>
  );
}
