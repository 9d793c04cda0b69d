import { Form, Link, redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ExternalProof, PasswordProofField } from '../components/external-sign-in.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { confirmableAmong, externalProof, spendProof } from '../lib/external-sign-in.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/account-email';

const currentEmailQuery = graphql(`
  query StorefrontCurrentEmail {
    me {
      email
      emailVerified
      signInMethods {
        identities {
          provider
        }
      }
    }
  }
`);

const requestEmailChangeMutation = graphql(`
  mutation StorefrontRequestEmailChange($newEmail: String!, $password: String, $externalIdentity: ExternalIdentityProof) {
    requestEmailChange(newEmail: $newEmail, password: $password, externalIdentity: $externalIdentity)
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).accountEmail.changeTitle} | Vitrine` }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  try {
    const { me } = await callApi(context, currentEmailQuery, {}, session.accessToken);
    const proof = await externalProof(request, context);
    return { me, proof: proof && { label: proof.label }, providers: confirmableAmong(context, me.signInMethods.identities, session.signedInWith) };
  } catch (err) {
    return pageError(err);
  }
}

/** Asks accounts to email a confirmation link to the new address; the account moves only once it is followed. */
export async function action({ request, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const newEmail = field(form, 'newEmail');
  const password = form.get('password');
  const proof = await externalProof(request, context);
  if (!newEmail || (!proof && (typeof password !== 'string' || !password))) return { error: t.accountEmail.missing };
  try {
    const confirmation = proof ? { externalIdentity: { provider: proof.provider, idToken: proof.idToken } } : { password: password as string };
    await callApi(context, requestEmailChangeMutation, { newEmail, ...confirmation }, session.accessToken);
    return redirect('/account?emailChangeRequested=1', { headers: { 'Set-Cookie': await spendProof(request, context) } });
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function AccountEmail({ loaderData, actionData }: Route.ComponentProps) {
  const { me, proof, providers } = loaderData;
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/account">{t.accountEmail.back}</Link>
      </p>
      <h1>{t.accountEmail.changeTitle}</h1>
      <p>{t.accountEmail.current(me.email)}</p>
      <p>{t.accountEmail.changeIntro}</p>
      <ExternalProof proof={proof} providers={providers} next="/account/email" />
      <Form method="post" className="stacked">
        <div className="field">
          <label htmlFor="newEmail">{t.accountEmail.newEmail}</label>
          <input id="newEmail" name="newEmail" type="email" autoComplete="email" required maxLength={254} />
        </div>
        {!proof && <PasswordProofField />}
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit">{t.accountEmail.send}</button>
      </Form>
    </>
  );
}
