import { data as withStatus, Form, Link, redirect, useSearchParams } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { Countdown } from '../components/countdown.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { addToCart, readCart, saveCart } from '../lib/cart.server.js';
import { messagesFor, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { planInWords } from '../lib/payment-plan.js';
import { readSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/product';

const productQuery = graphql(`
  query StorefrontProduct($id: ID!) {
    sandboxClock {
      now
    }
    catalogSettings {
      waitlistOfferHours
    }
    product(id: $id) {
      id
      sku
      name
      description
      status
      price {
        amount
        currency
      }
      images
      scale
      material
      weightGrams
      packageDimensions {
        lengthMm
        widthMm
        heightMm
      }
      series
      licence
      studio {
        name
      }
      releaseEstimate
      releaseDateHistory {
        oldEstimate
        newEstimate
        reason
        changedAt
      }
      specChanges {
        id
        reason
        description
        changedAt
        changes {
          field
          from
          to
        }
      }
      downPayment {
        required
        amount {
          amount
          currency
        }
      }
      availableQuantity
      maxQuantityPerOrder
      orderableInMyRegion
      notOrderableReason
      preorderCampaign {
        state
        opensAt
        closesAt
        limitedQuantity
        closeNote
        paymentPlan {
          kind
          depositPercent
          fullPaymentAllowed
        }
      }
    }
  }
`);

const myInterestQuery = graphql(`
  query StorefrontMyProductInterest($productId: ID!) {
    myProductInterests(productId: $productId) {
      id
      kind
      state
    }
  }
`);

const notifyMeMutation = graphql(`
  mutation StorefrontNotifyMe($productId: ID!) {
    notifyMe(productId: $productId) {
      id
    }
  }
`);

const joinWaitlistMutation = graphql(`
  mutation StorefrontJoinWaitlist($productId: ID!, $quantity: Int!) {
    joinWaitlist(productId: $productId, quantity: $quantity) {
      id
    }
  }
`);

/** Statuses a customer can put in the cart (orders checks again at checkout). */
const orderable = new Set(['PREORDER', 'IN_STOCK', 'CHINA_STOCK']);
/** Where "notify me" may apply (catalog decides: announced, scheduled or sold out with a way back). */
const notifiable = new Set(['ANNOUNCED', 'SOLD_OUT', 'PREORDER', 'PREORDER_CLOSED']);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await readSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  try {
    const result = await callApi(context, productQuery, { id: params.id }, session?.accessToken);
    if (!result.product) throw withStatus({ message: t.product.notFound }, { status: 404 });
    const interests = session ? (await callApi(context, myInterestQuery, { productId: params.id }, session.accessToken)).myProductInterests : [];
    return {
      product: result.product,
      storeNow: result.sandboxClock.now,
      waitlistOfferHours: result.catalogSettings.waitlistOfferHours,
      signedIn: Boolean(session),
      interests,
    };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') throw withStatus({ message: t.product.notFound }, { status: 404 });
    return pageError(err);
  }
}

export const meta: Route.MetaFunction = ({ data }) =>
  data ? [{ title: `${data.product.name} | Vitrine` }, { name: 'description', content: data.product.description.slice(0, 160) || data.product.name }] : [];

/** Add to the cart (a cookie), or ask to be told / join the waitlist (catalog refuses with its reason where it does not apply). */
export async function action({ request, params, context }: Route.ActionArgs) {
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const intent = field(form, 'intent');
  if (intent === 'notify' || intent === 'waitlist') {
    const session = await readSession(request, context);
    if (!session) throw redirect(`/sign-in?next=${encodeURIComponent(`/products/${params.id}`)}`);
    try {
      if (intent === 'notify') await callApi(context, notifyMeMutation, { productId: params.id }, session.accessToken);
      else {
        const quantity = Number(form.get('quantity') ?? 1);
        if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) return { intent, error: t.product.badQuantity };
        await callApi(context, joinWaitlistMutation, { productId: params.id, quantity }, session.accessToken);
      }
      return redirect(`/products/${params.id}?following=${intent}`);
    } catch (err) {
      if (err instanceof ApiError) return { intent, error: await refusalFor(request, context, err) };
      throw err;
    }
  }
  const quantity = Number(form.get('quantity'));
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) return { intent: 'cart', error: t.product.badQuantity };
  const cart = addToCart(await readCart(request, context), params.id, quantity);
  return redirect('/cart', { headers: { 'Set-Cookie': await saveCart(context, cart) } });
}

export default function ProductPage({ loaderData, actionData }: Route.ComponentProps) {
  const { product: p, storeNow, signedIn, interests, waitlistOfferHours } = loaderData;
  const { t, locale, money, day, estimate } = useI18n();
  const [params] = useSearchParams();
  const campaign = p.preorderCampaign;
  const plan = campaign?.paymentPlan;
  const canOrder = orderable.has(p.status) && p.orderableInMyRegion !== false && p.availableQuantity !== 0;
  // A limited run with nothing left: its waitlist (catalog checks the window is still open).
  const runSoldOut = campaign?.limitedQuantity != null && p.availableQuantity === 0;
  const active = interests.filter((i) => i.state === 'WAITING' || i.state === 'OFFERED');
  const following = params.get('following');
  return (
    <article className="product-page">
      <p>
        <Link to="/">{t.product.allFigures}</Link>
      </p>
      <h1>{p.name}</h1>
      <p className="price">{money(p.price)}</p>
      <p>
        <span className={`badge badge-${p.status.toLowerCase()}`}>{t.productStatus[p.status] ?? p.status}</span>
        {p.studio && <> · {t.product.by(p.studio.name)}</>}
        {p.series && <> · {p.series}</>}
      </p>
      {p.images.length > 0 && (
        <ul className="gallery" aria-label={t.product.pictures}>
          {p.images.map((src, i) => (
            <li key={src}>
              <img src={src} alt={t.product.picture(p.name, i + 1, p.images.length)} width={480} height={480} />
            </li>
          ))}
        </ul>
      )}
      {p.description && <p>{p.description}</p>}

      <section aria-labelledby="specs">
        <h2 id="specs">{t.product.specs}</h2>
        <dl className="facts">
          <dt>{t.product.scale}</dt>
          <dd>{p.scale ?? t.product.notGiven}</dd>
          <dt>{t.product.material}</dt>
          <dd>{p.material ?? t.product.notGiven}</dd>
          <dt>{t.product.packageSize}</dt>
          <dd>
            {p.packageDimensions
              ? `${[p.packageDimensions.lengthMm, p.packageDimensions.widthMm, p.packageDimensions.heightMm].map((mm) => (mm / 10).toLocaleString(locale)).join(' × ')} cm`
              : t.product.notGiven}
          </dd>
          <dt>{t.product.packageWeight}</dt>
          <dd>{p.weightGrams ? `${(p.weightGrams / 1000).toLocaleString(locale)} kg` : t.product.notGiven}</dd>
          {p.licence && (
            <>
              <dt>{t.product.licence}</dt>
              <dd>{p.licence}</dd>
            </>
          )}
        </dl>
      </section>

      {campaign && (
        <section aria-labelledby="preorder">
          <h2 id="preorder">{t.product.preorder}</h2>
          {campaign.state === 'OPEN' && campaign.closesAt && (
            <p>
              {t.product.closesIn} <Countdown until={campaign.closesAt} storeNow={storeNow} /> {t.product.closesOn(day(campaign.closesAt))}
            </p>
          )}
          {campaign.state === 'OPEN' && !campaign.closesAt && <p>{t.product.openUntilMaker}</p>}
          {campaign.state === 'SCHEDULED' && <p>{t.product.opensOn(day(campaign.opensAt))}</p>}
          {campaign.state === 'CLOSED' && <p>{t.product.closed(campaign.closeNote ?? null)}</p>}
          {campaign.limitedQuantity != null && p.availableQuantity != null && (
            <p>
              {t.product.limited(campaign.limitedQuantity)} <strong>{t.product.left(p.availableQuantity)}</strong>.
            </p>
          )}
          <h3>{t.product.howYouPay}</h3>
          {plan ? (
            planInWords({ ...plan, price: p.price, downPayment: p.downPayment.amount }, locale).map((line) => <p key={line}>{line}</p>)
          ) : (
            <p>{t.product.usualPlan}</p>
          )}
        </section>
      )}

      <section aria-labelledby="release">
        <h2 id="release">{t.product.releaseDate}</h2>
        <p>{p.releaseEstimate ? t.product.expected(estimate(p.releaseEstimate)) : t.product.notAnnounced}</p>
        {p.releaseDateHistory.length > 0 && (
          <ol className="history">
            {p.releaseDateHistory.map((change) => (
              <li key={change.changedAt}>
                {change.oldEstimate
                  ? t.product.moved(estimate(change.oldEstimate), estimate(change.newEstimate), change.reason)
                  : t.product.announced(estimate(change.newEstimate), change.reason)}{' '}
                <span className="muted">({day(change.changedAt)})</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      {p.specChanges.length > 0 && (
        <section aria-labelledby="spec-changes">
          <h2 id="spec-changes">{t.product.specChanges}</h2>
          <ul>
            {p.specChanges.map((c) => (
              <li key={c.id}>
                {c.changes.map((f) => `${f.field}: ${f.from ?? t.product.none} → ${f.to ?? t.product.none}`).join('; ')} ({c.reason}, {day(c.changedAt)})
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="buy">
        <h2 id="buy">{t.product.order}</h2>
        {p.notOrderableReason && <p className="notice">{p.notOrderableReason}</p>}
        {canOrder ? (
          <Form method="post" className="add-to-cart">
            <input type="hidden" name="intent" value="cart" />
            <div className="field">
              <label htmlFor="quantity">{t.product.quantity}</label>
              <input id="quantity" name="quantity" type="number" min={1} max={p.maxQuantityPerOrder ?? 99} defaultValue={1} required />
            </div>
            <button type="submit">{p.status === 'PREORDER' ? t.product.addPreorder : t.product.add}</button>
          </Form>
        ) : (
          !p.notOrderableReason && <p>{t.product.cannotOrder}</p>
        )}
        {actionData?.intent === 'cart' && <ApiErrorMessage message={actionData.error} />}
      </section>

      {(!canOrder || runSoldOut) && (notifiable.has(p.status) || runSoldOut) && (
        <section aria-labelledby="follow">
          <h2 id="follow">{t.product.interest}</h2>
          {following && (
            <p className="success" role="status">
              {following === 'waitlist' ? t.product.waitlisted : t.product.notified}
            </p>
          )}
          {active.length > 0 ? (
            <p>{t.product.following(active.map((i) => (i.kind === 'WAITLIST' ? t.product.joinWaitlist : t.product.notifyMe)).join(', '))}</p>
          ) : !signedIn ? (
            <p>
              <Link to={`/sign-in?next=${encodeURIComponent(`/products/${p.id}`)}`}>{t.product.signInToFollow}</Link>
            </p>
          ) : runSoldOut ? (
            <Form method="post" className="add-to-cart" aria-labelledby="follow">
              <input type="hidden" name="intent" value="waitlist" />
              <p className="help">{t.product.waitlistHelp(waitlistOfferHours)}</p>
              <div className="field">
                <label htmlFor="waitlist-quantity">{t.product.waitlistQuantity}</label>
                <input id="waitlist-quantity" name="quantity" type="number" min={1} max={p.maxQuantityPerOrder ?? 99} defaultValue={1} required />
              </div>
              <button type="submit">{t.product.joinWaitlist}</button>
            </Form>
          ) : (
            <Form method="post" aria-labelledby="follow">
              <input type="hidden" name="intent" value="notify" />
              <p className="help">{t.product.notifyHelp}</p>
              <button type="submit">{t.product.notifyMe}</button>
            </Form>
          )}
          {(actionData?.intent === 'notify' || actionData?.intent === 'waitlist') && <ApiErrorMessage message={actionData.error} />}
        </section>
      )}
    </article>
  );
}
