import { Form, redirect } from 'react-router';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError } from '../lib/api.server.js';
import { finishWithRegion, pendingProvider } from '../lib/external-sign-in.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { regions } from '../lib/regions.js';
import { field } from '../lib/sign-in.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/auth-region';

// A new customer back from an external identity provider: accounts creates the account only with the country
// orders ship to, which the provider does not give. The ID token waits on the server meanwhile.

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).externalSignIn.regionTitle} | Vitrine` }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const provider = await pendingProvider(request, context);
  if (!provider) throw redirect('/sign-in?external=expired');
  return { label: provider.label };
}

export async function action({ request, context }: Route.ActionArgs) {
  const country = field(await request.formData(), 'country');
  if (!(regions as readonly string[]).includes(country)) return { error: messagesFor(await requestLocale(request, context)).externalSignIn.regionMissing };
  try {
    return await finishWithRegion(request, context, country);
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err) };
    throw err;
  }
}

export default function AuthRegion({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t.externalSignIn.regionTitle}</h1>
      <p>{t.externalSignIn.regionIntro(loaderData.label)}</p>
      <Form method="post" className="stacked">
        <div className="field">
          <label htmlFor="country">{t.signUp.country}</label>
          <select id="country" name="country" required defaultValue="" aria-describedby="country-help">
            <option value="" disabled>
              —
            </option>
            {regions.map((code) => (
              <option key={code} value={code}>
                {t.countries[code]}
              </option>
            ))}
          </select>
          <p id="country-help" className="help">
            {t.signUp.countryHelp}
          </p>
        </div>
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit">{t.externalSignIn.regionSubmit}</button>
      </Form>
    </>
  );
}
