import { Link } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { Pager, pageQuery } from '../components/pager.js';
import { callApi, pageError } from '../lib/api.server.js';
import { isLocale, metaMessages, useI18n } from '../lib/i18n.js';
import { requireSession } from '../lib/session.server.js';
import type { Route } from './+types/messages';
import { pageSizes } from '../lib/page-sizes.js';

/** Messages per page; "Older messages" follows notifications' cursor. */
const pageSize = pageSizes.StorefrontMyNotificationsPage;

const messagesQuery = graphql(`
  query StorefrontMyNotificationsPage($first: Int!, $after: String) {
    myNotificationsConnection(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          status
          subject
          recipient
          language
          orderId
          createdAt
          sentAt
        }
      }
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).emails.title} | Vitrine` }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  const params = new URL(request.url).searchParams;
  try {
    const { myNotificationsConnection: found } = await callApi(context, messagesQuery, { first: pageSize, after: params.get('after') }, session.accessToken);
    const pages = {
      next: found.pageInfo.hasNextPage ? pageQuery(params, 'after', found.pageInfo.endCursor ?? null) : null,
      first: params.has('after') ? pageQuery(params, 'after', null) : null,
    };
    return { messages: found.edges.map((e) => e.node), pages };
  } catch (err) {
    return pageError(err);
  }
}

/** The emails the store sent the customer (or is sending), newest first by pages, each opening its own page, with its order. */
export default function Messages({ loaderData }: Route.ComponentProps) {
  const { messages, pages } = loaderData;
  const { t, dateTime } = useI18n();
  return (
    <>
      <p>
        <Link to="/account">{t.accountEmail.back}</Link>
      </p>
      <h1>{t.emails.title}</h1>
      <p>{t.emails.intro}</p>
      {messages.length === 0 ? (
        <p>{t.emails.none}</p>
      ) : (
        <ul className="messages">
          {messages.map((m) => (
            <li key={m.id}>
              <strong lang={isLocale(m.language) ? m.language : undefined}>
                {m.subject ? (
                  <Link to={`/account/messages/${m.id}`} aria-label={t.emails.read(m.subject)}>
                    {m.subject}
                  </Link>
                ) : (
                  t.emails.notSentYet
                )}
              </strong>
              <br />
              <span className="muted">
                {t.emails.status[m.status] ?? m.status} · <time dateTime={m.sentAt ?? m.createdAt}>{dateTime(m.sentAt ?? m.createdAt)}</time>
                {m.recipient && <> · {t.emails.to(m.recipient)}</>}
                {isLocale(m.language) && <> · {t.emails.languageNames[m.language]}</>}
              </span>
              {m.orderId && (
                <>
                  {' '}
                  <Link to={`/orders/${m.orderId}`} aria-label={t.emails.orderLabel(m.subject ?? m.orderId.slice(0, 8).toUpperCase())}>
                    {t.emails.order}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager first={pages.first} firstLabel={t.emails.newest} next={pages.next} nextLabel={t.emails.older} />
    </>
  );
}
