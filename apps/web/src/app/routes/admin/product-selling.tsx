import { Form, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { ProductStatus } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { StockLevelsTable } from '../../components/stock-levels-table.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { ProductPages } from '../../components/product-pages.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { formatMoney, productStatusWords } from '../../lib/format.js';
import { fromMinorUnits, toMinorUnits } from '../../lib/money-input.js';
import { countryCodes, wholeOrNull } from '../../lib/product-form.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
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

const done: Record<string, string> = {
  price: 'The price was changed; orders already placed keep theirs.',
  status: 'The status was changed.',
  downPayment: 'The down payment was saved.',
  rules: 'The sale rules were saved; later orders follow them.',
};

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.product.name ?? 'Product'}: selling | Back office | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { product, warehouses } = await callApi(context, sellingQuery, { id: params.id }, staff.accessToken).catch(pageError);
  if (!product) throw pageError(new ApiError('There is no product with this id.', 'NOT_FOUND'));
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
  try {
    if (intent === 'price') {
      const amount = toMinorUnits(field(form, 'price'), currency);
      if (amount === null) return { intent, error: `Enter the price as an amount in ${currency}, e.g. 129.99.` };
      await callApi(context, priceMutation, { id, price: { amount, currency }, reason }, staff.accessToken);
    } else if (intent === 'downPayment') {
      const required = form.get('downPaymentRequired') === 'on';
      const typed = field(form, 'downPaymentAmount');
      const amount = typed ? toMinorUnits(typed, currency) : null;
      if (typed && amount === null) return { intent, error: `Enter the down payment as an amount in ${currency}, e.g. 30.00.` };
      const downPayment = { required, amount: amount === null ? null : { amount, currency } };
      await callApi(context, downPaymentMutation, { id, downPayment }, staff.accessToken);
    } else if (intent === 'status') {
      await callApi(context, statusMutation, { id, status: field(form, 'status') as ProductStatus, reason }, staff.accessToken);
    } else if (intent === 'rules') {
      const maxPerOrder = wholeOrNull(field(form, 'maxPerOrder'));
      const maxPerCustomer = wholeOrNull(field(form, 'maxPerCustomer'));
      if (maxPerOrder === undefined || maxPerCustomer === undefined) return { intent, error: 'Limits are whole numbers of units (or empty: no limit).' };
      const regionBlocks = countryCodes(field(form, 'regionBlocks'));
      await callApi(context, saleRulesMutation, { id, regionBlocks, maxPerOrder, maxPerCustomer, reason }, staff.accessToken);
    } else if (intent === 'arrival') {
      const quantity = wholeOrNull(field(form, 'quantity'));
      if (!quantity) return { intent, error: 'Units arrived are a whole number above zero.' };
      const { arrivedAtWarehouse } = await callApi(context, arrivalMutation, { id, warehouseId: field(form, 'warehouseId'), quantity }, staff.accessToken);
      // What the arrival did goes back with the page, so the page after the redirect can say it.
      const url = new URL(request.url);
      url.searchParams.set('moved', String(arrivedAtWarehouse.movedFromPreorders));
      url.searchParams.set('surplus', String(arrivedAtWarehouse.surplus));
      return backToPage(new Request(url), intent);
    } else {
      return { intent, error: 'This form is out of date. Please reload the page.' };
    }
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: messageWithProblems(err) };
    throw err;
  }
  return backToPage(request, intent);
}

function doneMessage(params: URLSearchParams): string | null {
  const what = params.get('done');
  if (what === 'arrival') {
    const moved = Number(params.get('moved') ?? 0);
    const surplus = Number(params.get('surplus') ?? 0);
    return `The units arrived: ${moved} went to waiting preorders, ${surplus} can be sold.`;
  }
  return what ? (done[what] ?? null) : null;
}

export default function BackOfficeProductSelling({ loaderData, actionData }: Route.ComponentProps) {
  const { product, warehouses } = loaderData;
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const formsKey = useFormsKey(Boolean(actionData));
  const errorFor = (intent: string) => (actionData?.intent === intent ? actionData.error : null);
  const { currency } = product.price;
  return (
    <>
      <h1>{product.name}</h1>
      <ProductPages productId={product.id} />
      <DoneMessage message={actionData ? null : doneMessage(params)} />
      <dl className="facts" data-testid="selling-facts">
        <dt>SKU</dt>
        <dd>{product.sku}</dd>
        <dt>Status</dt>
        <dd>{productStatusWords(product.status)}</dd>
        <dt>Price</dt>
        <dd>{formatMoney(product.price)}</dd>
        <dt>Down payment</dt>
        <dd>{product.downPayment.amount ? `${formatMoney(product.downPayment.amount)} required` : 'None'}</dd>
        <dt>Not sold in</dt>
        <dd>{product.regionBlocks.length > 0 ? product.regionBlocks.join(', ') : 'Sold everywhere the store ships'}</dd>
        <dt>Per order</dt>
        <dd>{product.maxQuantityPerOrder ?? 'No limit'}</dd>
        <dt>Per customer</dt>
        <dd>{product.maxQuantityPerCustomer ?? 'No limit'}</dd>
        <dt>Can be ordered</dt>
        <dd>{product.availableQuantity ?? 'Open-ended'}</dd>
      </dl>

      <div className="inline-fields">
        <Form key={`form-1-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="price-heading">
          <h2 id="price-heading">Change the price</h2>
          <input type="hidden" name="intent" value="price" />
          <input type="hidden" name="currency" value={currency} />
          <div className="field">
            <label htmlFor="price">New price in {currency} (tax included)</label>
            <input id="price" name="price" inputMode="decimal" required defaultValue={fromMinorUnits(product.price.amount, currency)} />
          </div>
          <div className="field">
            <label htmlFor="price-reason">Reason (the audit log keeps it)</label>
            <input id="price-reason" name="reason" required maxLength={500} />
          </div>
          <ApiErrorMessage message={errorFor('price')} />
          <button type="submit" disabled={submitting}>
            Change the price
          </button>
        </Form>
        {product.allowedStatusMoves.length === 0 ? (
          <section className="stacked admin-form" aria-labelledby="status-heading">
            <h2 id="status-heading">Move the status</h2>
            <p data-testid="status-final">{productStatusWords(product.status)} is final: the catalog allows no move from it.</p>
          </section>
        ) : (
          <Form key={`form-2-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="status-heading">
            <h2 id="status-heading">Move the status</h2>
            <input type="hidden" name="intent" value="status" />
            <div className="field">
              <label htmlFor="status">New status</label>
              <select id="status" name="status" required defaultValue="">
                <option value="" disabled>
                  Choose one
                </option>
                {product.allowedStatusMoves.map((s) => (
                  <option key={s} value={s}>
                    {productStatusWords(s)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="status-reason">Reason (customers and the audit log read it)</label>
              <input id="status-reason" name="reason" required maxLength={500} />
            </div>
            <ApiErrorMessage message={errorFor('status')} />
            <button type="submit" disabled={submitting}>
              Move the status
            </button>
          </Form>
        )}
      </div>

      <Form key={`form-3-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="down-payment-heading">
        <h2 id="down-payment-heading">Down payment</h2>
        <p className="help">What a customer pays at order on plans that ask for one (e.g. pay on arrival): the rest is due later.</p>
        <input type="hidden" name="intent" value="downPayment" />
        <input type="hidden" name="currency" value={currency} />
        <div className="field checkbox">
          <input id="downPaymentRequired" name="downPaymentRequired" type="checkbox" defaultChecked={product.downPayment.required} />
          <label htmlFor="downPaymentRequired">A down payment is required</label>
        </div>
        <div className="field">
          <label htmlFor="downPaymentAmount">Amount in {currency} (required ones only)</label>
          <input
            id="downPaymentAmount"
            name="downPaymentAmount"
            inputMode="decimal"
            defaultValue={product.downPayment.amount ? fromMinorUnits(product.downPayment.amount.amount, currency) : ''}
          />
        </div>
        <ApiErrorMessage message={errorFor('downPayment')} />
        <button type="submit" disabled={submitting}>
          Save the down payment
        </button>
      </Form>

      <Form key={`form-4-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Sale rules</h2>
        <input type="hidden" name="intent" value="rules" />
        <div className="field">
          <label htmlFor="regionBlocks">Not sold in (country codes, e.g. DE, US)</label>
          <input id="regionBlocks" name="regionBlocks" defaultValue={product.regionBlocks.join(', ')} spellCheck={false} aria-describedby="blocks-help" />
          <p id="blocks-help" className="help">
            Where licensing forbids selling it; empty: nowhere.
          </p>
        </div>
        <div className="inline-fields">
          <div className="field">
            <label htmlFor="maxPerOrder">At most per order</label>
            <input id="maxPerOrder" name="maxPerOrder" inputMode="numeric" defaultValue={product.maxQuantityPerOrder ?? ''} />
          </div>
          <div className="field">
            <label htmlFor="maxPerCustomer">At most per customer</label>
            <input id="maxPerCustomer" name="maxPerCustomer" inputMode="numeric" defaultValue={product.maxQuantityPerCustomer ?? ''} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="rules-reason">Reason (customers and the audit log read it)</label>
          <input id="rules-reason" name="reason" required maxLength={500} />
        </div>
        <ApiErrorMessage message={errorFor('rules')} />
        <button type="submit" disabled={submitting}>
          Save the sale rules
        </button>
      </Form>

      <section aria-labelledby="arrival-heading">
        <h2 id="arrival-heading">Preorder stock arrived</h2>
        <StockLevelsTable levels={product.stockLevels} />
        <Form key={`form-5-${formsKey}`} method="post" className="stacked admin-form" aria-label="Record an arrival">
          <p className="help">
            Waiting preorders move onto the arrived units first (oldest first); the rest can be sold. Customers on pay-on-arrival plans are asked to pay.
          </p>
          <input type="hidden" name="intent" value="arrival" />
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="arrival-warehouse">Arrived at</label>
              <select id="arrival-warehouse" name="warehouseId" required>
                {warehouses.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name} ({w.code})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="arrival-quantity">Units arrived</label>
              <input id="arrival-quantity" name="quantity" inputMode="numeric" required />
            </div>
          </div>
          <ApiErrorMessage message={errorFor('arrival')} />
          <button type="submit" disabled={submitting}>
            Record the arrival
          </button>
        </Form>
      </section>
    </>
  );
}
