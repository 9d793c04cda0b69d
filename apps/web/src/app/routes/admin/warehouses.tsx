import { Form, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { wholeOrNull } from '../../lib/product-form.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/warehouses';

// The places that hold units, in the order in-stock sales draw from them, and adding one (codes are unique).
// The API has no way to change or remove a warehouse once added.

const warehousesQuery = graphql(`
  query BackOfficeWarehouseList {
    warehouses {
      id
      code
      name
      country
      heldByFactory
      allocationPriority
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

export const meta: Route.MetaFunction = () => [{ title: 'Warehouses | Back office | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { warehouses } = await callApi(context, warehousesQuery, {}, staff.accessToken).catch(pageError);
  return { warehouses };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const form = await request.formData();
  const values = Object.fromEntries(['code', 'name', 'country', 'allocationPriority'].map((k) => [k, field(form, k)]));
  const heldByFactory = form.get('heldByFactory') === 'on';
  const allocationPriority = wholeOrNull(values.allocationPriority ?? '');
  if (allocationPriority === undefined || allocationPriority === null)
    return { error: 'The priority is a whole number: 0 is drawn from first.', values, heldByFactory };
  const input = { code: values.code!.toUpperCase(), name: values.name!, country: values.country!.toUpperCase(), heldByFactory, allocationPriority };
  try {
    await callApi(context, createMutation, { input }, staff.accessToken);
    return backToPage(request, 'created');
  } catch (err) {
    if (err instanceof ApiError) return { error: messageWithProblems(err), values, heldByFactory };
    throw err;
  }
}

export default function BackOfficeWarehouses({ loaderData, actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const formsKey = useFormsKey(Boolean(actionData));
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <>
      <h1>Warehouses</h1>
      <DoneMessage message={!actionData && params.get('done') === 'created' ? 'The warehouse was added.' : null} />
      <table className="data-table" data-testid="warehouses">
        <caption>Warehouses, in the order in-stock sales draw from them</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">Country</th>
            <th scope="col">Priority</th>
            <th scope="col">Held by the factory</th>
          </tr>
        </thead>
        <tbody>
          {loaderData.warehouses.map((w) => (
            <tr key={w.id}>
              <th scope="row">{w.code}</th>
              <td>{w.name}</td>
              <td>{w.country}</td>
              <td>{w.allocationPriority}</td>
              <td>{w.heldByFactory ? 'Yes: used last, no after-sales' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form key={`form-1-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="new-warehouse">
        <h2 id="new-warehouse">Add a warehouse</h2>
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
          <input id="heldByFactory" name="heldByFactory" type="checkbox" defaultChecked={actionData?.heldByFactory ?? false} />
          <label htmlFor="heldByFactory">Held by the factory (China stock: sold last, no after-sales)</label>
        </div>
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit" disabled={submitting}>
          Add the warehouse
        </button>
      </Form>
    </>
  );
}
