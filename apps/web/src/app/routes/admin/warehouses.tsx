import { Form, Link, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { addressFieldKeys, addressFromForm, WarehouseAddressFields } from '../../components/warehouse-address-fields.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { formatDay } from '../../lib/format.js';
import { countryNameIn, returnAddressText } from '../../lib/returns.js';
import { wholeOrNull } from '../../lib/product-form.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/warehouses';

// The places that hold units, in the order in-stock sales draw from them (retired ones last), adding one (codes are
// unique), and one chosen with ?edit=<id>: its name, priority, factory flag and return address (where customers send
// items back) corrected, or retired once empty.
// A warehouse's code and country never change (catalog's rule: rate tables and delivery deadlines use them).

const warehousesQuery = graphql(`
  query BackOfficeWarehouseList {
    warehouses {
      id
      code
      name
      country
      heldByFactory
      allocationPriority
      retiredAt
      returnAddress {
        name
        line1
        line2
        postalCode
        city
        region
        country
      }
    }
  }
`);
const createMutation = graphql(`
  mutation BackOfficeCreateWarehouse($input: CreateWarehouseInput!) {
    createWarehouse(input: $input) {
      code
    }
  }
`);
const updateMutation = graphql(`
  mutation BackOfficeUpdateWarehouse($id: ID!, $input: UpdateWarehouseInput!) {
    updateWarehouse(id: $id, input: $input) {
      id
    }
  }
`);
const retireMutation = graphql(`
  mutation BackOfficeRetireWarehouse($id: ID!) {
    retireWarehouse(id: $id) {
      id
    }
  }
`);

const doneWords: Record<string, string> = {
  created: 'The warehouse was added.',
  saved: 'The warehouse was saved.',
  retired: 'The warehouse was retired: it takes no more units.',
};

export const meta: Route.MetaFunction = () => [{ title: 'Warehouses | Back office | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { warehouses } = await callApi(context, warehousesQuery, {}, staff.accessToken).catch(pageError);
  const editing = warehouses.find((w) => w.id === new URL(request.url).searchParams.get('edit')) ?? null;
  return { warehouses, editing };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const form = await request.formData();
  const intent = field(form, 'intent') || 'create';
  const values = Object.fromEntries(
    ['code', 'name', 'country', 'allocationPriority', ...addressFieldKeys.map((k) => `returnAddress.${k}`)].map((k) => [k, field(form, k)]),
  );
  const returnAddress = addressFromForm(values);
  const heldByFactory = form.get('heldByFactory') === 'on';
  const refused = (error: string) => ({ intent, error, values, heldByFactory });
  try {
    if (intent === 'retire') {
      if (field(form, 'confirm') !== 'yes') return refused('Tick the box to confirm: the warehouse was not retired.');
      await callApi(context, retireMutation, { id: field(form, 'id') }, staff.accessToken);
      return backToPage(request, 'retired');
    }
    const allocationPriority = wholeOrNull(values.allocationPriority ?? '');
    if (allocationPriority === undefined || allocationPriority === null) return refused('The priority is a whole number: 0 is drawn from first.');
    if (intent === 'update') {
      const input = { name: values.name!, allocationPriority, heldByFactory, ...(returnAddress ? { returnAddress } : {}) };
      await callApi(context, updateMutation, { id: field(form, 'id'), input }, staff.accessToken);
      return backToPage(request, 'saved');
    }
    const input = {
      code: values.code!.toUpperCase(),
      name: values.name!,
      country: values.country!.toUpperCase(),
      heldByFactory,
      allocationPriority,
      returnAddress,
    };
    await callApi(context, createMutation, { input }, staff.accessToken);
    return backToPage(request, 'created');
  } catch (err) {
    if (err instanceof ApiError) return refused(messageWithProblems(err));
    throw err;
  }
}

export default function BackOfficeWarehouses({ loaderData, actionData }: Route.ComponentProps) {
  const { warehouses, editing } = loaderData;
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const formsKey = useFormsKey(Boolean(actionData));
  const values: Record<string, string> = actionData?.intent === 'create' ? actionData.values : {};
  const editValues: Record<string, string> = actionData?.intent === 'update' ? actionData.values : {};
  const editLink = (id: string) => `?${new URLSearchParams({ edit: id })}`;
  return (
    <>
      <h1>Warehouses</h1>
      <DoneMessage message={actionData ? null : (doneWords[params.get('done') ?? ''] ?? null)} />
      <table className="data-table" data-testid="warehouses">
        <caption>Warehouses, in the order in-stock sales draw from them; retired ones last</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">Country</th>
            <th scope="col">Priority</th>
            <th scope="col">Held by the factory</th>
            <th scope="col">Return address</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {warehouses.map((w) => (
            <tr key={w.id} aria-current={editing?.id === w.id ? 'true' : undefined}>
              <th scope="row">
                <Link to={editLink(w.id)} aria-label={`Change ${w.code}`}>
                  {w.code}
                </Link>
              </th>
              <td>{w.name}</td>
              <td>{w.country}</td>
              <td>{w.allocationPriority}</td>
              <td>{w.heldByFactory ? 'Yes: used last, no after-sales' : 'No'}</td>
              <td>{w.returnAddress ? returnAddressText(w.returnAddress, countryNameIn('en')) : 'None yet'}</td>
              <td>{w.retiredAt ? `Retired on ${formatDay(w.retiredAt)}` : 'In use'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {editing && (
        <section aria-labelledby="change-warehouse">
          <h2 id="change-warehouse">
            Change {editing.code} ({editing.country})
          </h2>
          <p className="help">
            The code and country stay as they are (rate tables and delivery deadlines use them): a warehouse elsewhere is a new one.
            {editing.retiredAt && ` Retired on ${formatDay(editing.retiredAt)}: it takes no more units and sells none.`}
          </p>
          <Form key={`form-2-${formsKey}`} method="post" className="stacked admin-form" aria-label={`Correct ${editing.code}`}>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="id" value={editing.id} />
            <div className="inline-fields">
              <div className="field">
                <label htmlFor="edit-name">Name</label>
                <input id="edit-name" name="name" required maxLength={120} defaultValue={editValues.name ?? editing.name} />
              </div>
              <div className="field">
                <label htmlFor="edit-allocationPriority">Priority (0 is drawn from first)</label>
                <input
                  id="edit-allocationPriority"
                  name="allocationPriority"
                  inputMode="numeric"
                  required
                  defaultValue={editValues.allocationPriority ?? String(editing.allocationPriority)}
                />
              </div>
            </div>
            <div className="field checkbox">
              <input
                id="edit-heldByFactory"
                name="heldByFactory"
                type="checkbox"
                defaultChecked={actionData?.intent === 'update' ? actionData.heldByFactory : editing.heldByFactory}
                aria-describedby="edit-heldByFactory-help"
              />
              <label htmlFor="edit-heldByFactory">Held by the factory (China stock: sold last, no after-sales)</label>
              <p id="edit-heldByFactory-help" className="help">
                Changes only while the warehouse holds no unit.
              </p>
            </div>
            <WarehouseAddressFields idPrefix="edit" legend={`Return address (in ${editing.country})`} current={editing.returnAddress} typed={editValues} />
            <ApiErrorMessage message={actionData?.intent === 'update' ? actionData.error : null} />
            <button type="submit" disabled={submitting}>
              Save {editing.code}
            </button>
          </Form>
          {!editing.retiredAt && (
            <Form key={`form-3-${formsKey}`} method="post" className="admin-form" aria-label={`Retire ${editing.code}`}>
              <h3>Retire {editing.code}</h3>
              <p className="help">
                A retired warehouse stays listed with its ledger but receives no more units and sells none. Only an empty one can be retired: move or write off
                its units on the stock page first. This cannot be undone.
              </p>
              <input type="hidden" name="intent" value="retire" />
              <input type="hidden" name="id" value={editing.id} />
              <div className="choice">
                <input type="checkbox" id="retire-confirm" name="confirm" value="yes" />
                <label htmlFor="retire-confirm">Yes, retire {editing.code}</label>
              </div>
              <ApiErrorMessage message={actionData?.intent === 'retire' ? actionData.error : null} />
              <button type="submit" disabled={submitting}>
                Retire this warehouse
              </button>
            </Form>
          )}
        </section>
      )}

      <Form key={`form-1-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="new-warehouse">
        <h2 id="new-warehouse">Add a warehouse</h2>
        <input type="hidden" name="intent" value="create" />
        <div className="inline-fields">
          <div className="field">
            <label htmlFor="code">Code</label>
            <input id="code" name="code" required maxLength={16} spellCheck={false} defaultValue={values.code} aria-describedby="code-help" />
            <p id="code-help" className="help">
              2 to 16 letters, digits or dashes, e.g. FR-LYS.
            </p>
          </div>
          <div className="field">
            <label htmlFor="name">Name</label>
            <input id="name" name="name" required maxLength={120} defaultValue={values.name} />
          </div>
        </div>
        <div className="inline-fields">
          <div className="field">
            <label htmlFor="country">Country (ISO code, e.g. FR)</label>
            <input id="country" name="country" required maxLength={2} spellCheck={false} defaultValue={values.country} />
          </div>
          <div className="field">
            <label htmlFor="allocationPriority">Priority (0 is drawn from first)</label>
            <input id="allocationPriority" name="allocationPriority" inputMode="numeric" required defaultValue={values.allocationPriority ?? '100'} />
          </div>
        </div>
        <div className="field checkbox">
          <input id="heldByFactory" name="heldByFactory" type="checkbox" defaultChecked={actionData?.intent === 'create' ? actionData.heldByFactory : false} />
          <label htmlFor="heldByFactory">Held by the factory (China stock: sold last, no after-sales)</label>
        </div>
        <WarehouseAddressFields idPrefix="new" legend="Return address (optional, in the warehouse’s country)" typed={values} />
        <ApiErrorMessage message={actionData?.intent === 'create' ? actionData.error : null} />
        <button type="submit" disabled={submitting}>
          Add the warehouse
        </button>
      </Form>
    </>
  );
}
