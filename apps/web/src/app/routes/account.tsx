import { Form, Link, redirect, useSearchParams } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { AccountNotices } from '../components/account-notices.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ProductInterests } from '../components/product-interests.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { followEmailLink } from '../lib/email-links.server.js';
import { identityLinkProblems, providerButtons } from '../lib/external-sign-in.server.js';
import { isLocale, locales, messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { regions } from '../lib/regions.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import { SignInMethods } from './account-sign-in-methods.js';
import type { Route } from './+types/account';

const accountQuery = graphql(`
  query StorefrontAccount {
    me {
      displayName
      email
      emailVerified
      country
      signInMethods {
        hasPassword
        identities {
          id
          provider
          displayName
          linkedAt
        }
      }
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

/** The newest email's language: no API answers the chosen one (null there means "from your country"). */
const latestEmailQuery = graphql(`
  query StorefrontLatestEmail {
    myNotifications(first: 1) {
      language
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

const requestVerificationMutation = graphql(`
  mutation StorefrontRequestEmailVerification {
    requestEmailVerification
  }
`);

const unlinkMutation = graphql(`
  mutation StorefrontUnlinkExternalIdentity($id: ID!) {
    unlinkExternalIdentity(id: $id) {
      hasPassword
    }
  }
`);

const notificationLanguageMutation = graphql(`
  mutation StorefrontSetNotificationLanguage($language: NotificationLanguage!) {
    setNotificationLanguage(language: $language) {
      language
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).account.title} | Vitrine` }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  // An emailed link first: done, it redirects here saying so; refused, the page shows why.
  const link = await followEmailLink(context, new URL(request.url), session.accessToken, await requestLocale(request, context));
  try {
    const account = await callApi(context, accountQuery, {}, session.accessToken);
    // Notifications' answer only adds a sentence: its failure leaves the page readable.
    const latestEmailLanguage = await callApi(context, latestEmailQuery, {}, session.accessToken)
      .then(({ myNotifications }) => myNotifications[0]?.language ?? null)
      .catch((err: unknown) => {
        if (err instanceof ApiError) return null;
        throw err;
      });
    const said = new URL(request.url).searchParams.get('linkProblem');
    const linkProblem = identityLinkProblems.find((p) => p === said) ?? null;
    return { ...account, latestEmailLanguage, link, providers: providerButtons(context), linkProblem };
  } catch (err) {
    return pageError(err);
  }
}

/** The page's forms: region, withdraw an entry, the verification email again, the emails' language. */
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
    if (intent === 'verify') {
      await callApi(context, requestVerificationMutation, {}, session.accessToken);
      return redirect('/account?verificationSent=1');
    }
    if (intent === 'unlink') {
      const provider = field(form, 'provider');
      try {
        await callApi(context, unlinkMutation, { id: field(form, 'id') }, session.accessToken);
      } catch (err) {
        // The one refusal a customer meets here, said in the page's language.
        if (err instanceof ApiError && err.details.rule === 'LAST_SIGN_IN_METHOD') return { intent, error: t.signInMethods.lastMethod };
        throw err;
      }
      return redirect(`/account?unlinked=${encodeURIComponent(provider)}`);
    }
    if (intent === 'emailLanguage') {
      const language = field(form, 'language');
      if (!isLocale(language)) return { intent, error: t.errors.failed };
      await callApi(context, notificationLanguageMutation, { language }, session.accessToken);
      return redirect(`/account?emailLanguage=${language}`);
    }
    return { intent, error: t.errors.failed };
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: await refusalFor(request, context, err) };
    throw err;
  }
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { me, myProductInterests: interests, latestEmailLanguage, link, providers, linkProblem } = loaderData;
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  // No API answers the chosen language: the one just chosen, else the newest email's, else this site's.
  const justChosen = params.get('emailLanguage');
  const emailLanguage = isLocale(justChosen) ? justChosen : isLocale(latestEmailLanguage) ? latestEmailLanguage : locale;
  return (
    <>
      <h1>{t.account.title}</h1>
      <AccountNotices />
      {link && (
        <div className="error" role="alert">
          <p>{link.link === 'verifyEmail' ? t.accountEmail.verifyFailed : t.accountEmail.changeFailed}</p>
          <p>{link.error}</p>
        </div>
      )}
      <section aria-labelledby="account-details">
        <h2 id="account-details">{t.account.details}</h2>
        <dl className="facts">
          <dt>{t.account.name}</dt>
          <dd>{me.displayName}</dd>
          <dt>{t.account.email}</dt>
          <dd>
            {me.email} <strong>({me.emailVerified ? t.accountEmail.verified : t.accountEmail.notVerified})</strong>
          </dd>
        </dl>
        {!me.emailVerified && (
          <Form method="post" className="inline">
            <input type="hidden" name="intent" value="verify" />
            <button type="submit">{t.accountEmail.sendAgain}</button>
          </Form>
        )}
        {actionData?.intent === 'verify' && <ApiErrorMessage message={actionData.error} />}
        <ul className="account-links">
          <li>
            <Link to="/account/email">{t.accountEmail.changeTitle}</Link>
          </li>
          {/* The password's link ("Change my password" or "Set a password") is in the sign-in methods below. */}
          <li>
            <Link to="/account/messages">{t.emails.title}</Link>
          </li>
        </ul>
      </section>
      <SignInMethods
        methods={me.signInMethods}
        providers={providers}
        linkProblem={linkProblem}
        error={actionData?.intent === 'unlink' ? actionData.error : null}
      />
      <section aria-labelledby="account-email-language">
        <h2 id="account-email-language">{t.emails.language}</h2>
        <Form method="post" className="stacked" aria-labelledby="account-email-language">
          <input type="hidden" name="intent" value="emailLanguage" />
          <div className="field">
            <label htmlFor="email-language">{t.emails.languageLabel}</label>
            <select id="email-language" name="language" defaultValue={emailLanguage} aria-describedby="email-language-help">
              {locales.map((l) => (
                <option key={l} value={l}>
                  {t.emails.languageNames[l]}
                </option>
              ))}
            </select>
            <p id="email-language-help" className="help">
              {isLocale(latestEmailLanguage) ? t.emails.latestIn(t.emails.languageNames[latestEmailLanguage]) : t.emails.noneYet}
            </p>
          </div>
          {actionData?.intent === 'emailLanguage' && <ApiErrorMessage message={actionData.error} />}
          <button type="submit">{t.emails.save}</button>
        </Form>
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
      <ProductInterests interests={interests} error={actionData?.intent === 'withdraw' ? actionData.error : null} />
      <section aria-labelledby="account-delete">
        <h2 id="account-delete">{t.deleteAccount.title}</h2>
        <p>
          <Link to="/account/delete">{t.deleteAccount.link}</Link>
        </p>
      </section>
    </>
  );
}
