import { Form, Link, redirect, useSearchParams } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { regions } from '../lib/regions.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import type { Route } from './+types/account';

const accountQuery = graphql(`
  query StorefrontAccount {
    me {
      displayName
      email
      country
    }
    myProductInterests {
      id
      kind
      quantity
      state
      requestedAt
      position
      offer {
        quantity
        expiresAt
      }
      product {
        id
        name
      }
    }
  }
`);

const changeRegionMutation = graphql(`
  mutation StorefrontChangeRegion($country: String!) {
    changeRegion(country: $country) {
      country
    }
  }
`);

const withdrawMutation = graphql(`
  mutation StorefrontWithdrawInterest($id: ID!) {
    withdrawProductInterest(id: $id) {
      id
      state
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).account.title} | Vitrine` }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  try {
    return await callApi(context, accountQuery, {}, session.accessToken);
  } catch (err) {
    return pageError(err);
  }
}

/** Two forms: move to another region (refused with the API's reason while an order is open), withdraw an entry. */
export async function action({ request, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const intent = field(form, 'intent');
  try {
    if (intent === 'region') {
      const country = field(form, 'country');
      if (!(regions as readonly string[]).includes(country)) return { intent, error: t.errors.failed };
      const { changeRegion } = await callApi(context, changeRegionMutation, { country }, session.accessToken);
      return redirect(`/account?region=${changeRegion.country}`);
    }
    if (intent === 'withdraw') {
      await callApi(context, withdrawMutation, { id: field(form, 'id') }, session.accessToken);
      return redirect('/account?withdrawn=1');
    }
    return { intent, error: t.errors.failed };
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: err.message };
    throw err;
  }
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { me, myProductInterests: interests } = loaderData;
  const { t, day, dateTime } = useI18n();
  const [params] = useSearchParams();
  const movedTo = params.get('region');
  return (
    <>
      <h1>{t.account.title}</h1>
      {movedTo && (
        <p className="success" role="status">
          {t.account.regionChanged(t.countries[movedTo] ?? movedTo)}
        </p>
      )}
      {params.get('withdrawn') && (
        <p className="success" role="status">
          {t.account.withdrawn}
        </p>
      )}
      <section aria-labelledby="account-details">
        <h2 id="account-details">{t.account.details}</h2>
        <dl className="facts">
          <dt>{t.account.name}</dt>
          <dd>{me.displayName}</dd>
          <dt>{t.account.email}</dt>
          <dd>{me.email}</dd>
        </dl>
      </section>
      <section aria-labelledby="account-region">
        <h2 id="account-region">{t.account.region}</h2>
        <Form method="post" className="stacked" aria-labelledby="account-region">
          <input type="hidden" name="intent" value="region" />
          <div className="field">
            <label htmlFor="country">{t.signUp.country}</label>
            <select id="country" name="country" defaultValue={me.country} aria-describedby="region-help">
              {regions.map((code) => (
                <option key={code} value={code}>
                  {t.countries[code]}
                </option>
              ))}
            </select>
            <p id="region-help" className="help">
              {t.account.regionHelp}
            </p>
          </div>
          {actionData?.intent === 'region' && <ApiErrorMessage message={actionData.error} />}
          <button type="submit">{t.account.changeRegion}</button>
        </Form>
      </section>
      <section aria-labelledby="account-interests">
        <h2 id="account-interests">{t.account.interests}</h2>
        {actionData?.intent === 'withdraw' && <ApiErrorMessage message={actionData.error} />}
        {interests.length === 0 ? (
          <p>{t.account.noInterests}</p>
        ) : (
          <ul className="interests">
            {interests.map((i) => {
              const name = i.product?.name ?? t.account.unknownProduct;
              return (
                <li key={i.id}>
                  {i.product ? <Link to={`/products/${i.product.id}`}>{name}</Link> : name}
                  {t.layout.colon}
                  <strong>{t.account.kind[i.kind] ?? i.kind}</strong>
                  {i.kind === 'WAITLIST' && <>, {t.account.units(i.quantity)}</>} · {t.account.state[i.state] ?? i.state}
                  {i.position != null && <>, {t.account.position(i.position)}</>}
                  {i.offer && <>, {t.account.offerUntil(i.offer.quantity, dateTime(i.offer.expiresAt))}</>}{' '}
                  <span className="muted">({t.account.since(day(i.requestedAt))})</span>
                  <Form method="post" className="inline">
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="id" value={i.id} />{' '}
                    <button type="submit" className="link-button" aria-label={t.account.withdrawLabel(name)}>
                      {t.account.withdraw}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
