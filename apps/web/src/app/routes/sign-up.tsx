import { Form, Link, useSearchParams } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi } from '../lib/api.server.js';
import { field, signIn } from '../lib/sign-in.server.js';
import type { Route } from './+types/sign-up';

const signUpMutation = graphql(`
  mutation StorefrontSignUp($input: RegisterInput!) {
    signUp(input: $input)
  }
`);

/** Regions the storefront offers at sign-up (the account's region decides where orders ship and which licences apply). */
const regions = [
  ['FR', 'France'],
  ['DE', 'Germany'],
  ['BE', 'Belgium'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
  ['GB', 'United Kingdom'],
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['JP', 'Japan'],
] as const;

export const meta: Route.MetaFunction = () => [{ title: 'Create an account | Vitrine' }];

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const input = { email: field(form, 'email'), displayName: field(form, 'displayName'), country: field(form, 'country'), password: form.get('password') };
  const values = { email: input.email, displayName: input.displayName, country: input.country };
  if (typeof input.password !== 'string' || !input.email || !input.displayName || !input.country) {
    return { error: 'Fill in every field.', values };
  }
  try {
    // signUp never says whether the email already has an account; signing in right after tells the customer.
    await callApi(context, signUpMutation, { input: { ...input, password: input.password } });
    return await signIn(context, input.email, input.password, form.get('next'));
  } catch (err) {
    if (err instanceof ApiError) return { error: err.message, values };
    throw err;
  }
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const values = actionData?.values;
  return (
    <>
      <h1>Create an account</h1>
      <Form method="post" className="stacked">
        <input type="hidden" name="next" value={params.get('next') ?? '/'} />
        <div className="field">
          <label htmlFor="displayName">Your name</label>
          <input id="displayName" name="displayName" autoComplete="name" required maxLength={100} defaultValue={values?.displayName} />
        </div>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required defaultValue={values?.email} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required minLength={8} aria-describedby="password-help" />
          <p id="password-help" className="help">
            8 to 128 characters without spaces, with a lowercase and an uppercase letter, a digit and a symbol.
          </p>
        </div>
        <div className="field">
          <label htmlFor="country">Where you live</label>
          <select id="country" name="country" required defaultValue={values?.country ?? 'FR'} aria-describedby="country-help">
            {regions.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          <p id="country-help" className="help">
            Orders ship to this country, and some figures can only be sold in some countries.
          </p>
        </div>
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit">Create my account</button>
      </Form>
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
