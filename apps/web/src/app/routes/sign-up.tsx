import { Form, Link, useSearchParams } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ExternalSignInButtons } from '../components/external-sign-in.js';
import { ApiError, callApi } from '../lib/api.server.js';
import { providerButtons } from '../lib/external-sign-in.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { regions } from '../lib/regions.js';
import { field, signIn } from '../lib/sign-in.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/sign-up';

const signUpMutation = graphql(`
  mutation StorefrontSignUp($input: RegisterInput!) {
    signUp(input: $input)
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).signUp.title} | Vitrine` }];

export function loader({ context }: Route.LoaderArgs) {
  return { providers: providerButtons(context) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const input = { email: field(form, 'email'), displayName: field(form, 'displayName'), country: field(form, 'country'), password: form.get('password') };
  const values = { email: input.email, displayName: input.displayName, country: input.country };
  if (typeof input.password !== 'string' || !input.email || !input.displayName || !input.country) {
    return { error: messagesFor(await requestLocale(request, context)).signUp.missing, values };
  }
  try {
    // signUp never says whether the email already has an account; signing in right after tells the customer.
    await callApi(context, signUpMutation, { input: { ...input, password: input.password } });
    return await signIn(context, input.email, input.password, form.get('next'));
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err), values };
    throw err;
  }
}

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const values = actionData?.values;
  const { t } = useI18n();
  return (
    <>
      <h1>{t.signUp.title}</h1>
      <Form method="post" className="stacked">
        <input type="hidden" name="next" value={params.get('next') ?? '/'} />
        <div className="field">
          <label htmlFor="displayName">{t.signUp.name}</label>
          <input id="displayName" name="displayName" autoComplete="name" required maxLength={100} defaultValue={values?.displayName} />
        </div>
        <div className="field">
          <label htmlFor="email">{t.signUp.email}</label>
          <input id="email" name="email" type="email" autoComplete="email" required defaultValue={values?.email} />
        </div>
        <div className="field">
          <label htmlFor="password">{t.signUp.password}</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required minLength={8} aria-describedby="password-help" />
          <p id="password-help" className="help">
            {t.signUp.passwordHelp}
          </p>
        </div>
        <div className="field">
          <label htmlFor="country">{t.signUp.country}</label>
          <select id="country" name="country" required defaultValue={values?.country ?? 'FR'} aria-describedby="country-help">
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
        <button type="submit">{t.signUp.submit}</button>
      </Form>
      <ExternalSignInButtons providers={loaderData.providers} next={params.get('next')} />
      <p>
        {t.signUp.already} <Link to="/sign-in">{t.signUp.signIn}</Link>
      </p>
    </>
  );
}
