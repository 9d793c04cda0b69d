import { data, Form, Link, redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ExternalProof, PasswordProofField } from '../components/external-sign-in.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { beginExternalSignIn, confirmableAmong, externalProof, providerNamed, spendProof } from '../lib/external-sign-in.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { requireSession } from '../lib/session.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/account-link';

const signInMethodsQuery = graphql(`
  query StorefrontLinkSignInMethods {
    me {
      signInMethods {
        hasPassword
        identities {
          provider
        }
      }
    }
  }
`);

const beginLinkMutation = graphql(`
  mutation StorefrontBeginIdentityLink($password: String, $externalIdentity: ExternalIdentityProof) {
    beginExternalIdentityLink(password: $password, externalIdentity: $externalIdentity) {
      ticket
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).signInMethods.title} | Vitrine` }];

/** `/account/link/<provider>`: the proof step before the customer signs in at the provider to add. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  const provider = providerNamed(context, params.provider);
  if (!provider) throw data({ message: 'There is no such way to sign in.' }, { status: 404 });
  try {
    const { signInMethods } = (await callApi(context, signInMethodsQuery, {}, session.accessToken)).me;
    if (signInMethods.identities.some((i) => i.provider === provider.name)) return redirect('/account');
    const proof = signInMethods.hasPassword ? null : await externalProof(request, context);
    return {
      label: provider.label,
      hasPassword: signInMethods.hasPassword,
      proof: proof && { label: proof.label },
      confirmWith: signInMethods.hasPassword ? [] : confirmableAmong(context, signInMethods.identities, session.signedInWith),
    };
  } catch (err) {
    return pageError(err);
  }
}

/**
 * The password again (or the fresh external sign-in's proof) gives accounts' ticket; the browser then goes to the
 * provider, and the callback adds the identity it signs in with (a document form: the answer is another site).
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  const provider = providerNamed(context, params.provider);
  if (!provider) throw data({ message: 'There is no such way to sign in.' }, { status: 404 });
  const password = (await request.formData()).get('password');
  const proof = await externalProof(request, context);
  if (!proof && (typeof password !== 'string' || !password)) return { error: t.signInMethods.linkMissing };
  try {
    const confirmation = proof ? { externalIdentity: { provider: proof.provider, idToken: proof.idToken } } : { password: password as string };
    const { ticket } = (await callApi(context, beginLinkMutation, confirmation, session.accessToken)).beginExternalIdentityLink;
    const response = await beginExternalSignIn(request, context, provider, { ticket });
    response.headers.append('Set-Cookie', await spendProof(request, context));
    return response;
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function AccountLink({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useI18n();
  const { label, hasPassword, proof, confirmWith } = loaderData;
  return (
    <>
      <p>
        <Link to="/account">{t.accountEmail.back}</Link>
      </p>
      <h1>{t.signInMethods.linkTitle(label)}</h1>
      <p>{t.signInMethods.linkIntro(label)}</p>
      {!hasPassword && <ExternalProof proof={proof} providers={confirmWith} next={`/account/link/${params.provider}`} />}
      <Form method="post" className="stacked" reloadDocument>
        {hasPassword && <PasswordProofField />}
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit" disabled={!hasPassword && !proof}>
          {t.signInMethods.linkContinue(label)}
        </button>
      </Form>
    </>
  );
}
