import { Link, data } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { isLocale, metaMessages, useI18n } from '../lib/i18n.js';
import { requireSession } from '../lib/session.server.js';
import type { Route } from './+types/message';

const messageQuery = graphql(`
  query StorefrontMyNotification($id: ID!) {
    myNotification(id: $id) {
      id
      status
      subject
      recipient
      language
      orderId
      createdAt
      sentAt
      text
    }
  }
`);

export const meta: Route.MetaFunction = ({ data: loaded, matches }) => [
  { title: `${loaded?.message.subject ?? metaMessages(matches).emails.title} | Vitrine` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  try {
    const { myNotification: message } = await callApi(context, messageQuery, { id: params.id }, session.accessToken);
    return { message };
  } catch (err) {
    // An id that is no message's id is simply not found, as someone else's message is.
    if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') throw data({ message: err.message }, { status: 404 });
    return pageError(err);
  }
}

/**
 * One email the store sent the customer, its text as sent (React escapes it; `pre-wrap` keeps its line breaks),
 * in the email's own language inside the page's.
 */
export default function MessagePage({ loaderData }: Route.ComponentProps) {
  const { message: m } = loaderData;
  const { t, dateTime } = useI18n();
  const lang = isLocale(m.language) ? m.language : undefined;
  return (
    <>
      <p>
        <Link to="/account/messages">{t.emails.back}</Link>
      </p>
      <h1 lang={lang}>{m.subject ?? t.emails.notSentYet}</h1>
      <p className="muted">
        {m.sentAt ? <time dateTime={m.sentAt}>{t.emails.sentOn(dateTime(m.sentAt))}</time> : (t.emails.status[m.status] ?? m.status)}
        {m.recipient && <> · {t.emails.to(m.recipient)}</>}
        {lang && <> · {t.emails.languageNames[lang]}</>}
      </p>
      {m.text ? (
        <section aria-labelledby="email-text">
          <h2 id="email-text" className="visually-hidden">
            {t.emails.textLabel}
          </h2>
          <div lang={lang} data-testid="email-text" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {m.text}
          </div>
        </section>
      ) : (
        <p>{t.emails.noText}</p>
      )}
      {m.orderId && (
        <p>
          <Link to={`/orders/${m.orderId}`}>{t.emails.order}</Link>
        </p>
      )}
    </>
  );
}
