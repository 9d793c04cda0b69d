import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { StockLevelsTable } from '../../components/stock-levels-table.js';
import { StockTransferForm } from '../../components/stock-transfer-form.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { stockWords } from '../../lib/messages/admin/stock.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, formOutOfDate, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/stock';

const warehousesQuery = graphql(`
  query BackOfficeWarehouses {
    warehouses {
      id
      code
      name
      country
      heldByFactory
      allocationPriority
      retiredAt
    }
  }
`);
const productStockQuery = graphql(`
  query BackOfficeProductStock($id: ID, $sku: String, $beforeId: ID) {
    product(id: $id, sku: $sku) {
      id
      name
      sku
      status
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
      stockMovements(first: 50, beforeId: $beforeId) {
        id
        warehouseId
        kind
        quantity
        orderId
        reason
        transfer {
          id
          fromWarehouseId
          toWarehouseId
        }
        at
      }
    }
  }
`);
const reconciliationQuery = graphql(`
  query BackOfficeStockReconciliation($productIds: [ID!]!) {
    stockReconciliation(productIds: $productIds) {
      warehouseId
      storedOnHand
      ledgerOnHand
      storedReserved
      ledgerReserved
    }
  }
`);
const receiveMutation = graphql(`
  mutation BackOfficeReceiveStock($productId: ID!, $warehouseId: ID!, $quantity: Int!) {
    receiveStock(productId: $productId, warehouseId: $warehouseId, quantity: $quantity) {
      id
    }
  }
`);
const adjustMutation = graphql(`
  mutation BackOfficeAdjustStock($productId: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {
    adjustStock(productId: $productId, warehouseId: $warehouseId, delta: $delta, reason: $reason) {
      id
    }
  }
`);

const transferMutation = graphql(`
  mutation BackOfficeTransferStock($input: TransferStockInput!, $key: String) {
    transferStock(input: $input, idempotencyKey: $key) {
      id
    }
  }
`);

const doneKeys = ['received', 'adjusted'] as const;
type DoneKey = (typeof doneKeys)[number];
const doneKey = (value: string | null): DoneKey | null => doneKeys.find((k) => k === value) ?? null;
const wholeNumber = (value: string) => (/^-?\d{1,6}$/.test(value) ? Number(value) : null);

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'stock');

/** The warehouses; with a product (by SKU or id): its units per warehouse, its ledger and the ledger's check. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const params = new URL(request.url).searchParams;
  const sku = (params.get('sku') ?? '').trim();
  const id = params.get('product');
  const { warehouses } = await callApi(context, warehousesQuery, {}, staff.accessToken).catch(pageError);
  // A new key per page shown: sending the move form twice (a double click, a retry) moves the units once.
  const transferKey = crypto.randomUUID();
  if (!sku && !id) return { warehouses, sku, product: null, discrepancies: null, notFound: false, done: null, transferred: null, transferKey };
  const lookup = id ? { id } : { sku };
  const { product } = await callApi(context, productStockQuery, { ...lookup, beforeId: params.get('before') }, staff.accessToken).catch(pageError);
  if (!product) return { warehouses, sku, product: null, discrepancies: null, notFound: true, done: null, transferred: null, transferKey };
  const { stockReconciliation } = await callApi(context, reconciliationQuery, { productIds: [product.id] }, staff.accessToken).catch(pageError);
  const code = (warehouseId: string) => warehouses.find((w) => w.id === warehouseId)?.code ?? warehouseId.slice(0, 8);
  // The move just made, as the ledger now shows it (its destination's half): the page words it.
  const moved = product.stockMovements.find((m) => m.transfer && m.transfer.id === params.get('transfer') && m.quantity > 0);
  const transferred =
    params.get('done') === 'transferred' && moved?.transfer
      ? { quantity: moved.quantity, from: code(moved.transfer.fromWarehouseId), to: code(moved.transfer.toWarehouseId) }
      : null;
  return { warehouses, sku, product, discrepancies: stockReconciliation, notFound: false, done: doneKey(params.get('done')), transferred, transferKey };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const productId = field(form, 'productId');
  const warehouseId = field(form, 'warehouseId');
  const w = wordsIn(stockWords, await requestLocale(request, context));
  try {
    if (intent === 'receive') {
      const quantity = wholeNumber(field(form, 'quantity'));
      if (!quantity || quantity < 1) return { intent, error: w.receivedNumber };
      await callApi(context, receiveMutation, { productId, warehouseId, quantity }, staff.accessToken);
      return backToPage(request, 'received');
    }
    if (intent === 'adjust') {
      const delta = wholeNumber(field(form, 'delta'));
      if (!delta) return { intent, error: w.correctionNumber };
      await callApi(context, adjustMutation, { productId, warehouseId, delta, reason: field(form, 'reason') }, staff.accessToken);
      return backToPage(request, 'adjusted');
    }
    if (intent === 'transfer') {
      const quantity = wholeNumber(field(form, 'quantity'));
      if (!quantity || quantity < 1) return { intent, error: w.transferNumber };
      const input = {
        productId,
        fromWarehouseId: field(form, 'fromWarehouseId'),
        toWarehouseId: field(form, 'toWarehouseId'),
        quantity,
        reason: field(form, 'reason'),
      };
      const { transferStock } = await callApi(context, transferMutation, { input, key: field(form, 'idempotencyKey') || null }, staff.accessToken);
      return backToPage(request, 'transferred', { transfer: transferStock.id });
    }
    return { intent, error: await formOutOfDate(request, context) };
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function BackOfficeStock({ loaderData, actionData }: Route.ComponentProps) {
  const { warehouses, product, discrepancies } = loaderData;
  const { dateTime } = useI18n();
  const words = useWords(stockWords);
  const frame = useWords(backOfficeWords);
  const submitting = useNavigation().state === 'submitting';
  const warehouseName = (id: string | null | undefined) => (id ? (warehouses.find((w) => w.id === id)?.code ?? id.slice(0, 8)) : words.preorderPool);
  const { transferred } = loaderData;
  const doneMessage = transferred
    ? words.transferred(transferred.quantity, transferred.from, transferred.to)
    : loaderData.done
      ? words.done[loaderData.done]
      : null;
  const warehouseSelect = (id: string) => (
    <div className="field">
      <label htmlFor={id}>{words.warehouse}</label>
      <select id={id} name="warehouseId" required>
        {/* A retired warehouse takes no more units (and holds none): not offered. */}
        {warehouses
          .filter((w) => !w.retiredAt)
          .map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({w.code})
            </option>
          ))}
      </select>
    </div>
  );
  const last = product?.stockMovements.at(-1);
  const movementWords = (m: NonNullable<typeof product>['stockMovements'][number]) => {
    if (!m.transfer) return words.kinds[m.kind] ?? m.kind;
    return m.quantity < 0 ? words.movedTo(warehouseName(m.transfer.toWarehouseId)) : words.movedFrom(warehouseName(m.transfer.fromWarehouseId));
  };
  return (
    <>
      <h1>{frame.sections.stock.title}</h1>
      <DoneMessage message={actionData ? null : doneMessage} />
      <section aria-labelledby="warehouses">
        <h2 id="warehouses">{words.warehousesHeading}</h2>
        <ul>
          {warehouses.map((w) => (
            <li key={w.id}>
              {w.name} ({w.code}, {w.country}){w.heldByFactory && <span className="muted">{words.heldByFactory}</span>}
              {w.retiredAt && <span className="muted">{words.retired}</span>}
            </li>
          ))}
        </ul>
      </section>
      <Form method="get" className="filters" role="search" aria-label={words.find}>
        <div className="field">
          <label htmlFor="sku">{words.sku}</label>
          <input id="sku" name="sku" defaultValue={loaderData.sku} spellCheck={false} required />
        </div>
        <button type="submit">{words.show}</button>
      </Form>
      {loaderData.notFound && <ApiErrorMessage message={words.noSku(loaderData.sku)} />}
      {product && (
        <>
          <h2>
            <Link to={`/admin/products/${product.id}`}>{product.name}</Link> <span className="muted">({product.sku})</span>
          </h2>
          <p>
            {words.arrivalBefore}
            <Link to={`/admin/products/${product.id}/selling#arrival-heading`}>{words.arrivalLink}</Link>
            {words.arrivalAfter}
          </p>
          <StockLevelsTable levels={product.stockLevels} />
          <section aria-labelledby="reconciliation">
            <h3 id="reconciliation">{words.reconciliation}</h3>
            {discrepancies && discrepancies.length === 0 ? (
              <p data-testid="reconciliation">{words.countsMatch}</p>
            ) : (
              <ul data-testid="reconciliation">
                {discrepancies?.map((d) => (
                  <li key={d.warehouseId ?? 'pool'}>
                    {words.discrepancy(warehouseName(d.warehouseId), d.storedOnHand, d.ledgerOnHand, d.storedReserved, d.ledgerReserved)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className="inline-fields">
            <Form method="post" className="stacked admin-form" aria-label={words.receive}>
              <h3>{words.receive}</h3>
              <input type="hidden" name="intent" value="receive" />
              <input type="hidden" name="productId" value={product.id} />
              {warehouseSelect('receive-warehouse')}
              <div className="field">
                <label htmlFor="quantity">{words.unitsReceived}</label>
                <input id="quantity" name="quantity" type="number" min={1} step={1} required />
              </div>
              {actionData?.intent === 'receive' && <ApiErrorMessage message={actionData.error} />}
              <button type="submit" disabled={submitting}>
                {words.receiveSubmit}
              </button>
            </Form>
            <Form method="post" className="stacked admin-form" aria-label={words.correct}>
              <h3>{words.correct}</h3>
              <input type="hidden" name="intent" value="adjust" />
              <input type="hidden" name="productId" value={product.id} />
              {warehouseSelect('adjust-warehouse')}
              <div className="field">
                <label htmlFor="delta">{words.delta}</label>
                <input id="delta" name="delta" type="number" step={1} required />
              </div>
              <div className="field">
                <label htmlFor="adjust-reason">{words.reason}</label>
                <input id="adjust-reason" name="reason" maxLength={500} required />
              </div>
              {actionData?.intent === 'adjust' && <ApiErrorMessage message={actionData.error} />}
              <button type="submit" disabled={submitting}>
                {words.correctSubmit}
              </button>
            </Form>
            <StockTransferForm
              productId={product.id}
              levels={product.stockLevels}
              warehouses={warehouses}
              idempotencyKey={loaderData.transferKey}
              error={actionData?.intent === 'transfer' ? actionData.error : null}
              submitting={submitting}
            />
          </div>
          <h3>{words.ledger}</h3>
          <table className="data-table" data-testid="stock-ledger">
            <caption className="visually-hidden">{words.ledgerCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{words.when}</th>
                <th scope="col">{words.where}</th>
                <th scope="col">{words.movement}</th>
                <th scope="col">{words.units}</th>
                <th scope="col">{words.orderOrReason}</th>
              </tr>
            </thead>
            <tbody>
              {product.stockMovements.map((m) => (
                <tr key={m.id}>
                  <td>{dateTime(m.at)}</td>
                  <td>{warehouseName(m.warehouseId)}</td>
                  <td>{movementWords(m)}</td>
                  <td>{m.quantity > 0 ? `+${m.quantity}` : m.quantity}</td>
                  <td>{m.orderId ? <Link to={`/admin/orders/${m.orderId}`}>{words.order(m.orderId.slice(0, 8))}</Link> : (m.reason ?? '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {product.stockMovements.length === 50 && last && (
            <p className="pager">
              <a href={`?product=${product.id}&before=${last.id}`}>{words.older}</a>
            </p>
          )}
        </>
      )}
    </>
  );
}
