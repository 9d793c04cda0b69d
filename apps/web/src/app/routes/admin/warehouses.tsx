import { Form, Link, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { addressFieldKeys, addressFromForm, WarehouseAddressFields } from '../../components/warehouse-address-fields.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { warehousesWords } from '../../lib/messages/admin/warehouses.js';
import { countryNameIn, returnAddressText } from '../../lib/returns.js';
import { wholeOrNull } from '../../lib/product-form.js';
import { refusalFor } from '../../lib/refusal.server.js';
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

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'warehouses');

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
  const w = wordsIn(warehousesWords, await requestLocale(request, context));
  try {
    if (intent === 'retire') {
      if (field(form, 'confirm') !== 'yes') return refused(w.confirmRetire);
      await callApi(context, retireMutation, { id: field(form, 'id') }, staff.accessToken);
      return backToPage(request, 'retired');
    }
    const allocationPriority = wholeOrNull(values.allocationPriority ?? '');
    if (allocationPriority === undefined || allocationPriority === null) return refused(w.priorityNumber);
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
    if (err instanceof ApiError) return refused(await refusalFor(request, context, err, { withProblems: true }));
    throw err;
  }
}

export default function BackOfficeWarehouses({ loaderData, actionData }: Route.ComponentProps) {
  const { warehouses, editing } = loaderData;
  const [params] = useSearchParams();
  const { locale, day } = useI18n();
  const words = useWords(warehousesWords);
  const frame = useWords(backOfficeWords);
  const submitting = useNavigation().state === 'submitting';
  const formsKey = useFormsKey(Boolean(actionData));
  const values: Record<string, string> = actionData?.intent === 'create' ? actionData.values : {};
  const editValues: Record<string, string> = actionData?.intent === 'update' ? actionData.values : {};
  const editLink = (id: string) => `?${new URLSearchParams({ edit: id })}`;
  return (
    <>
      <h1>{frame.sections.warehouses.title}</h1>
      <DoneMessage message={actionData ? null : (words.done[params.get('done') ?? ''] ?? null)} />
      <table className="data-table" data-testid="warehouses">
        <caption>{words.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{words.code}</th>
            <th scope="col">{words.name}</th>
            <th scope="col">{words.country}</th>
            <th scope="col">{words.priority}</th>
            <th scope="col">{words.heldByFactory}</th>
            <th scope="col">{words.returnAddress}</th>
            <th scope="col">{words.state}</th>
          </tr>
        </thead>
        <tbody>
          {warehouses.map((w) => (
            <tr key={w.id} aria-current={editing?.id === w.id ? 'true' : undefined}>
              <th scope="row">
                <Link to={editLink(w.id)} aria-label={words.change(w.code)}>
                  {w.code}
                </Link>
              </th>
              <td>{w.name}</td>
              <td>{w.country}</td>
              <td>{w.allocationPriority}</td>
              <td>{w.heldByFactory ? words.factoryYes : words.factoryNo}</td>
              <td>{w.returnAddress ? returnAddressText(w.returnAddress, countryNameIn(locale)) : words.noAddress}</td>
              <td>{w.retiredAt ? words.retiredOn(day(w.retiredAt)) : words.inUse}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {editing && (
        <section aria-labelledby="change-warehouse">
          <h2 id="change-warehouse">{words.changeHeading(editing.code, editing.country)}</h2>
          <p className="help">
            {words.stays}
            {editing.retiredAt && words.retiredHelp(day(editing.retiredAt))}
          </p>
          <Form key={`form-2-${formsKey}`} method="post" className="stacked admin-form" aria-label={words.correct(editing.code)}>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="id" value={editing.id} />
            <div className="inline-fields">
              <div className="field">
                <label htmlFor="edit-name">{words.name}</label>
                <input id="edit-name" name="name" required maxLength={120} defaultValue={editValues.name ?? editing.name} />
              </div>
              <div className="field">
                <label htmlFor="edit-allocationPriority">{words.priorityField}</label>
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
              <label htmlFor="edit-heldByFactory">{words.heldByFactoryField}</label>
              <p id="edit-heldByFactory-help" className="help">
                {words.heldByFactoryHelp}
              </p>
            </div>
            <WarehouseAddressFields idPrefix="edit" legend={words.returnAddressIn(editing.country)} current={editing.returnAddress} typed={editValues} />
            <ApiErrorMessage message={actionData?.intent === 'update' ? actionData.error : null} />
            <button type="submit" disabled={submitting}>
              {words.save(editing.code)}
            </button>
          </Form>
          {!editing.retiredAt && (
            <Form key={`form-3-${formsKey}`} method="post" className="admin-form" aria-label={words.retire(editing.code)}>
              <h3>{words.retire(editing.code)}</h3>
              <p className="help">{words.retireHelp}</p>
              <input type="hidden" name="intent" value="retire" />
              <input type="hidden" name="id" value={editing.id} />
              <div className="choice">
                <input type="checkbox" id="retire-confirm" name="confirm" value="yes" />
                <label htmlFor="retire-confirm">{words.retireConfirm(editing.code)}</label>
              </div>
              <ApiErrorMessage message={actionData?.intent === 'retire' ? actionData.error : null} />
              <button type="submit" disabled={submitting}>
                {words.retireSubmit}
              </button>
            </Form>
          )}
        </section>
      )}

      <Form key={`form-1-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="new-warehouse">
        <h2 id="new-warehouse">{words.add}</h2>
        <input type="hidden" name="intent" value="create" />
        <div className="inline-fields">
          <div className="field">
            <label htmlFor="code">{words.code}</label>
            <input id="code" name="code" required maxLength={16} spellCheck={false} defaultValue={values.code} aria-describedby="code-help" />
            <p id="code-help" className="help">
              {words.codeHelp}
            </p>
          </div>
          <div className="field">
            <label htmlFor="name">{words.name}</label>
            <input id="name" name="name" required maxLength={120} defaultValue={values.name} />
          </div>
        </div>
        <div className="inline-fields">
          <div className="field">
            <label htmlFor="country">{words.countryField}</label>
            <input id="country" name="country" required maxLength={2} spellCheck={false} defaultValue={values.country} />
          </div>
          <div className="field">
            <label htmlFor="allocationPriority">{words.priorityField}</label>
            <input id="allocationPriority" name="allocationPriority" inputMode="numeric" required defaultValue={values.allocationPriority ?? '100'} />
          </div>
        </div>
        <div className="field checkbox">
          <input id="heldByFactory" name="heldByFactory" type="checkbox" defaultChecked={actionData?.intent === 'create' ? actionData.heldByFactory : false} />
          <label htmlFor="heldByFactory">{words.heldByFactoryField}</label>
        </div>
        <WarehouseAddressFields idPrefix="new" legend={words.newReturnAddress} typed={values} />
        <ApiErrorMessage message={actionData?.intent === 'create' ? actionData.error : null} />
        <button type="submit" disabled={submitting}>
          {words.addSubmit}
        </button>
      </Form>
    </>
  );
}
