import { Form, Link, useSearchParams } from 'react-router';
import { ApiErrorMessage } from '../components/api-error.js';
import { ExternalSignInButtons } from '../components/external-sign-in.js';
import { ApiError } from '../lib/api.server.js';
import { externalSignInProblems, providerButtons } from '../lib/external-sign-in.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import { field, signIn } from '../lib/sign-in.server.js';
import type { Route } from './+types/sign-in';

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).signIn.title} | Vitrine` }];

export function loader({ request, context }: Route.LoaderArgs) {
  // An external sign-in that did not end signed in comes back here saying why (`?external=`).
  const said = new URL(request.url).searchParams.get('external');
  return { providers: providerButtons(context), problem: externalSignInProblems.find((p) => p === said) ?? null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = field(form, 'email');
  const password = form.get('password');
  if (!email || typeof password !== 'string' || !password) return { error: messagesFor(await requestLocale(request, context)).signIn.missing, email };
  try {
    return await signIn(context, email, password, form.get('next'));
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err, { signIn: true }), email };
    throw err;
  }
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <>
      <h1>{t.signIn.title}</h1>
      <ApiErrorMessage message={loaderData.problem && t.externalSignIn.problems[loaderData.problem]} />
      <Form method="post" className="stacked">
        <input type="hidden" name="next" value={params.get('next') ?? '/'} />
        <div className="field">
          <label htmlFor="email">{t.signIn.email}</label>
          <input id="email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.email} />
        </div>
        <div className="field">
          <label htmlFor="password">{t.signIn.password}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit">{t.signIn.submit}</button>
      </Form>
      <ExternalSignInButtons providers={loaderData.providers} next={params.get('next')} />
      <p>
        <Link to="/forgot-password">{t.signIn.forgot}</Link>
      </p>
      <p>
        {t.signIn.newHere} <Link to={`/sign-up${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>{t.signIn.create}</Link>
      </p>
    </>
  );
}
