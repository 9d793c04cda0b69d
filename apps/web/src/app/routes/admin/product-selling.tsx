import { Form, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { ProductStatus } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { StockLevelsTable } from '../../components/stock-levels-table.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { ProductPages } from '../../components/product-pages.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { metaLocale, useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { productSellingWords } from '../../lib/messages/admin/product-selling.js';
import { fromMinorUnits, toMinorUnits } from '../../lib/money-input.js';
import { countryCodes, wholeOrNull } from '../../lib/product-form.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, formOutOfDate, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/product-selling';

// How a product sells: its price, its status, where and how much of it may be sold, and preorder stock arriving
// at a warehouse. Which status moves are allowed and what a price may be are the API's rules: the status form
// offers the moves catalog lists for the product (allowedStatusMoves, its transition table), none where the status
// is final, and a refused move (the product moved meanwhile) shows the API's reason.

const sellingQuery = graphql(`
  query BackOfficeProductSelling($id: ID!) {
    product(id: $id) {
      id
      name
      sku
      status
      allowedStatusMoves
      price {
        amount
        currency
      }
      downPayment {
        required
        amount {
          amount
          currency
        }
      }
      regionBlocks
      maxQuantityPerOrder
      maxQuantityPerCustomer
      availableQuantity
      stockLevels {
        warehouse {
          id
          code
          name
        }
        onHand
        reserved
        available
      }
    }
    warehouses {
      id
      code
      name
      retiredAt
    }
  }
`);
const priceMutation = graphql(`
  mutation BackOfficeChangePrice($id: ID!, $price: MoneyInput!, $reason: String!) {
    changeProductPrice(productId: $id, price: $price, reason: $reason) {
      id
    }
  }
`);
const downPaymentMutation = graphql(`
  mutation BackOfficeDownPayment($id: ID!, $downPayment: DownPaymentInput!) {
    updateProduct(id: $id, input: { downPayment: $downPayment }) {
      id
    }
  }
`);
const statusMutation = graphql(`
  mutation BackOfficeChangeStatus($id: ID!, $status: ProductStatus!, $reason: String!) {
    changeProductStatus(productId: $id, status: $status, reason: $reason) {
      id
    }
  }
`);
const saleRulesMutation = graphql(`
  mutation BackOfficeSaleRules($id: ID!, $regionBlocks: [String!]!, $maxPerOrder: Int, $maxPerCustomer: Int, $reason: String!) {
    setProductSaleRules(
      productId: $id
      regionBlocks: $regionBlocks
      maxQuantityPerOrder: $maxPerOrder
      maxQuantityPerCustomer: $maxPerCustomer
      reason: $reason
    ) {
      id
    }
  }
`);
const arrivalMutation = graphql(`
  mutation BackOfficeArrival($id: ID!, $warehouseId: ID!, $quantity: Int!) {
    arrivedAtWarehouse(productId: $id, warehouseId: $warehouseId, quantity: $quantity) {
      movedFromPreorders
      surplus
    }
  }
`);

export const meta: Route.MetaFunction = ({ data, matches }) => {
  const locale = metaLocale(matches);
  return [{ title: wordsIn(backOfficeWords, locale).title(wordsIn(productSellingWords, locale).pageTitle(data?.product.name)) }];
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { product, warehouses } = await callApi(context, sellingQuery, { id: params.id }, staff.accessToken).catch(pageError);
  if (!product) throw pageError(new ApiError(wordsIn(productSellingWords, await requestLocale(request, context)).noProduct, 'NOT_FOUND'));
  // A retired warehouse takes no more units: not offered for an arrival.
  return { product, warehouses: warehouses.filter((w) => !w.retiredAt) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const id = params.id;
  const reason = field(form, 'reason');
  const currency = field(form, 'currency') || 'USD';
  const locale = await requestLocale(request, context);
  const w = wordsIn(productSellingWords, locale);
  try {
    if (intent === 'price') {
      const amount = toMinorUnits(field(form, 'price'), currency, locale);
      if (amount === null) return { intent, error: w.badPrice(currency) };
      await callApi(context, priceMutation, { id, price: { amount, currency }, reason }, staff.accessToken);
    } else if (intent === 'downPayment') {
      const required = form.get('downPaymentRequired') === 'on';
      const typed = field(form, 'downPaymentAmount');
      const amount = typed ? toMinorUnits(typed, currency, locale) : null;
      if (typed && amount === null) return { intent, error: w.badDownPayment(currency) };
      const downPayment = { required, amount: amount === null ? null : { amount, currency } };
      await callApi(context, downPaymentMutation, { id, downPayment }, staff.accessToken);
    } else if (intent === 'status') {
      await callApi(context, statusMutation, { id, status: field(form, 'status') as ProductStatus, reason }, staff.accessToken);
    } else if (intent === 'rules') {
      const maxPerOrder = wholeOrNull(field(form, 'maxPerOrder'));
      const maxPerCustomer = wholeOrNull(field(form, 'maxPerCustomer'));
      if (maxPerOrder === undefined || maxPerCustomer === undefined) return { intent, error: w.badLimits };
      const regionBlocks = countryCodes(field(form, 'regionBlocks'));
      await callApi(context, saleRulesMutation, { id, regionBlocks, maxPerOrder, maxPerCustomer, reason }, staff.accessToken);
    } else if (intent === 'arrival') {
      const quantity = wholeOrNull(field(form, 'quantity'));
      if (!quantity) return { intent, error: w.badQuantity };
      const { arrivedAtWarehouse } = await callApi(context, arrivalMutation, { id, warehouseId: field(form, 'warehouseId'), quantity }, staff.accessToken);
      // What the arrival did goes back with the page, so the page after the redirect can say it.
      const url = new URL(request.url);
      url.searchParams.set('moved', String(arrivedAtWarehouse.movedFromPreorders));
      url.searchParams.set('surplus', String(arrivedAtWarehouse.surplus));
      return backToPage(new Request(url), intent);
    } else {
      return { intent, error: await formOutOfDate(request, context) };
    }
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
  return backToPage(request, intent);
}

function doneMessage(params: URLSearchParams, w: typeof productSellingWords.en): string | null {
  const what = params.get('done');
  if (what === 'arrival') {
    const moved = Number(params.get('moved') ?? 0);
    const surplus = Number(params.get('surplus') ?? 0);
    return w.arrived(moved, surplus);
  }
  const done: Record<string, string> = w.done;
  return what ? (done[what] ?? null) : null;
}

export default function BackOfficeProductSelling({ loaderData, actionData }: Route.ComponentProps) {
  const { product, warehouses } = loaderData;
  const { locale, t, money } = useI18n();
  const w = useWords(productSellingWords);
  const statusWords = (status: string) => t.productStatus[status] ?? status;
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const formsKey = useFormsKey(Boolean(actionData));
  const errorFor = (intent: string) => (actionData?.intent === intent ? actionData.error : null);
  const { currency } = product.price;
  return (
    <>
      <h1>{product.name}</h1>
      <ProductPages productId={product.id} />
      <DoneMessage message={actionData ? null : doneMessage(params, w)} />
      <dl className="facts" data-testid="selling-facts">
        <dt>{w.facts.sku}</dt>
        <dd>{product.sku}</dd>
        <dt>{w.facts.status}</dt>
        <dd>{statusWords(product.status)}</dd>
        <dt>{w.facts.price}</dt>
        <dd>{money(product.price)}</dd>
        <dt>{w.facts.downPayment}</dt>
        <dd>{product.downPayment.amount ? w.facts.required(money(product.downPayment.amount)) : w.facts.none}</dd>
        <dt>{w.facts.notSoldIn}</dt>
        <dd>{product.regionBlocks.length > 0 ? product.regionBlocks.join(', ') : w.facts.soldEverywhere}</dd>
        <dt>{w.facts.perOrder}</dt>
        <dd>{product.maxQuantityPerOrder ?? w.facts.noLimit}</dd>
        <dt>{w.facts.perCustomer}</dt>
        <dd>{product.maxQuantityPerCustomer ?? w.facts.noLimit}</dd>
        <dt>{w.facts.canBeOrdered}</dt>
        <dd>{product.availableQuantity ?? w.facts.openEnded}</dd>
      </dl>

      <div className="inline-fields">
        <Form key={`form-1-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="price-heading">
          <h2 id="price-heading">{w.price.heading}</h2>
          <input type="hidden" name="intent" value="price" />
          <input type="hidden" name="currency" value={currency} />
          <div className="field">
            <label htmlFor="price">{w.price.field(currency)}</label>
            <input id="price" name="price" inputMode="decimal" required defaultValue={fromMinorUnits(product.price.amount, currency, locale)} />
          </div>
          <div className="field">
            <label htmlFor="price-reason">{w.price.reason}</label>
            <input id="price-reason" name="reason" required maxLength={500} />
          </div>
          <ApiErrorMessage message={errorFor('price')} />
          <button type="submit" disabled={submitting}>
            {w.price.submit}
          </button>
        </Form>
        {product.allowedStatusMoves.length === 0 ? (
          <section className="stacked admin-form" aria-labelledby="status-heading">
            <h2 id="status-heading">{w.status.heading}</h2>
            <p data-testid="status-final">{w.status.final(statusWords(product.status))}</p>
          </section>
        ) : (
          <Form key={`form-2-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="status-heading">
            <h2 id="status-heading">{w.status.heading}</h2>
            <input type="hidden" name="intent" value="status" />
            <div className="field">
              <label htmlFor="status">{w.status.field}</label>
              <select id="status" name="status" required defaultValue="">
                <option value="" disabled>
                  {w.status.choose}
                </option>
                {product.allowedStatusMoves.map((s) => (
                  <option key={s} value={s}>
                    {statusWords(s)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="status-reason">{w.status.reason}</label>
              <input id="status-reason" name="reason" required maxLength={500} />
            </div>
            <ApiErrorMessage message={errorFor('status')} />
            <button type="submit" disabled={submitting}>
              {w.status.submit}
            </button>
          </Form>
        )}
      </div>

      <Form key={`form-3-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="down-payment-heading">
        <h2 id="down-payment-heading">{w.downPayment.heading}</h2>
        <p className="help">{w.downPayment.help}</p>
        <input type="hidden" name="intent" value="downPayment" />
        <input type="hidden" name="currency" value={currency} />
        <div className="field checkbox">
          <input id="downPaymentRequired" name="downPaymentRequired" type="checkbox" defaultChecked={product.downPayment.required} />
          <label htmlFor="downPaymentRequired">{w.downPayment.required}</label>
        </div>
        <div className="field">
          <label htmlFor="downPaymentAmount">{w.downPayment.amount(currency)}</label>
          <input
            id="downPaymentAmount"
            name="downPaymentAmount"
            inputMode="decimal"
            defaultValue={product.downPayment.amount ? fromMinorUnits(product.downPayment.amount.amount, currency, locale) : ''}
          />
        </div>
        <ApiErrorMessage message={errorFor('downPayment')} />
        <button type="submit" disabled={submitting}>
          {w.downPayment.submit}
        </button>
      </Form>

      <Form key={`form-4-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="rules-heading">
        <h2 id="rules-heading">{w.rules.heading}</h2>
        <input type="hidden" name="intent" value="rules" />
        <div className="field">
          <label htmlFor="regionBlocks">{w.rules.notSoldIn}</label>
          <input id="regionBlocks" name="regionBlocks" defaultValue={product.regionBlocks.join(', ')} spellCheck={false} aria-describedby="blocks-help" />
          <p id="blocks-help" className="help">
            {w.rules.notSoldInHelp}
          </p>
        </div>
        <div className="inline-fields">
          <div className="field">
            <label htmlFor="maxPerOrder">{w.rules.perOrder}</label>
            <input id="maxPerOrder" name="maxPerOrder" inputMode="numeric" defaultValue={product.maxQuantityPerOrder ?? ''} />
          </div>
          <div className="field">
            <label htmlFor="maxPerCustomer">{w.rules.perCustomer}</label>
            <input id="maxPerCustomer" name="maxPerCustomer" inputMode="numeric" defaultValue={product.maxQuantityPerCustomer ?? ''} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="rules-reason">{w.rules.reason}</label>
          <input id="rules-reason" name="reason" required maxLength={500} />
        </div>
        <ApiErrorMessage message={errorFor('rules')} />
        <button type="submit" disabled={submitting}>
          {w.rules.submit}
        </button>
      </Form>

      <section aria-labelledby="arrival-heading">
        <h2 id="arrival-heading">{w.arrival.heading}</h2>
        <StockLevelsTable levels={product.stockLevels} />
        <Form key={`form-5-${formsKey}`} method="post" className="stacked admin-form" aria-label={w.arrival.form}>
          <p className="help">{w.arrival.help}</p>
          <input type="hidden" name="intent" value="arrival" />
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="arrival-warehouse">{w.arrival.warehouse}</label>
              <select id="arrival-warehouse" name="warehouseId" required>
                {warehouses.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name} ({w.code})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="arrival-quantity">{w.arrival.quantity}</label>
              <input id="arrival-quantity" name="quantity" inputMode="numeric" required />
            </div>
          </div>
          <ApiErrorMessage message={errorFor('arrival')} />
          <button type="submit" disabled={submitting}>
            {w.arrival.submit}
          </button>
        </Form>
      </section>
    </>
  );
}
