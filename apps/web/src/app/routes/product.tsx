import { data as withStatus, Form, Link, redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { Countdown } from '../components/countdown.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { addToCart, readCart, saveCart } from '../lib/cart.server.js';
import { formatDay, formatEstimate, formatMoney, productStatusWords } from '../lib/format.js';
import { planInWords } from '../lib/payment-plan.js';
import { readSession } from '../lib/session.server.js';
import type { Route } from './+types/product';

const productQuery = graphql(`
  query StorefrontProduct($id: ID!) {
    sandboxClock {
      now
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

/** Statuses a customer can put in the cart (orders checks again at checkout). */
const orderable = new Set(['PREORDER', 'IN_STOCK', 'CHINA_STOCK']);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await readSession(request, context);
  try {
    const result = await callApi(context, productQuery, { id: params.id }, session?.accessToken);
    if (!result.product) throw withStatus({ message: 'There is no figure at this address.' }, { status: 404 });
    return { product: result.product, storeNow: result.sandboxClock.now, signedIn: Boolean(session), error: null };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') throw withStatus({ message: 'There is no figure at this address.' }, { status: 404 });
    return pageError(err);
  }
}

export const meta: Route.MetaFunction = ({ data }) =>
  data ? [{ title: `${data.product.name} | Vitrine` }, { name: 'description', content: data.product.description.slice(0, 160) || data.product.name }] : [];

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const quantity = Number(form.get('quantity'));
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) return { error: 'Choose a quantity from 1 to 99.' };
  const cart = addToCart(await readCart(request, context), params.id, quantity);
  return redirect('/cart', { headers: { 'Set-Cookie': await saveCart(context, cart) } });
}

export default function ProductPage({ loaderData, actionData }: Route.ComponentProps) {
  const { product: p, storeNow } = loaderData;
  const campaign = p.preorderCampaign;
  const plan = campaign?.paymentPlan;
  const canOrder = orderable.has(p.status) && p.orderableInMyRegion !== false && p.availableQuantity !== 0;
  return (
    <article className="product-page">
      <p>
        <Link to="/">All figures</Link>
      </p>
      <h1>{p.name}</h1>
      <p className="price">{formatMoney(p.price)}</p>
      <p>
        <span className={`badge badge-${p.status.toLowerCase()}`}>{productStatusWords(p.status)}</span>
        {p.studio && <> · by {p.studio.name}</>}
        {p.series && <> · {p.series}</>}
      </p>
      {p.images.length > 0 && (
        <ul className="gallery" aria-label="Pictures">
          {p.images.map((src, i) => (
            <li key={src}>
              <img src={src} alt={`${p.name}, picture ${i + 1} of ${p.images.length}`} width={480} height={480} />
            </li>
          ))}
        </ul>
      )}
      {p.description && <p>{p.description}</p>}

      <section aria-labelledby="specs">
        <h2 id="specs">Specifications</h2>
        <dl className="facts">
          <dt>Scale</dt>
          <dd>{p.scale ?? 'Not given'}</dd>
          <dt>Material</dt>
          <dd>{p.material ?? 'Not given'}</dd>
          <dt>Package size</dt>
          <dd>
            {p.packageDimensions
              ? `${p.packageDimensions.lengthMm / 10} × ${p.packageDimensions.widthMm / 10} × ${p.packageDimensions.heightMm / 10} cm`
              : 'Not given'}
          </dd>
          <dt>Package weight</dt>
          <dd>{p.weightGrams ? `${(p.weightGrams / 1000).toLocaleString('en')} kg` : 'Not given'}</dd>
          {p.licence && (
            <>
              <dt>Licence</dt>
              <dd>{p.licence}</dd>
            </>
          )}
        </dl>
      </section>

      {campaign && (
        <section aria-labelledby="preorder">
          <h2 id="preorder">Preorder</h2>
          {campaign.state === 'OPEN' && campaign.closesAt && (
            <p>
              Preorders close in <Countdown until={campaign.closesAt} storeNow={storeNow} /> (on {formatDay(campaign.closesAt)}).
            </p>
          )}
          {campaign.state === 'OPEN' && !campaign.closesAt && <p>Preorders are open until the maker closes them.</p>}
          {campaign.state === 'SCHEDULED' && <p>Preorders open on {formatDay(campaign.opensAt)}.</p>}
          {campaign.state === 'CLOSED' && <p>Preorders are closed{campaign.closeNote ? `: ${campaign.closeNote}` : '.'}</p>}
          {campaign.limitedQuantity != null && p.availableQuantity != null && (
            <p>
              Limited run of {campaign.limitedQuantity}: <strong>{p.availableQuantity} left</strong>.
            </p>
          )}
          <h3>How you pay</h3>
          {plan ? (
            planInWords({ ...plan, price: p.price, downPayment: p.downPayment.amount }).map((line) => <p key={line}>{line}</p>)
          ) : (
            <p>The store’s usual plan applies; checkout shows exactly what is due and when.</p>
          )}
        </section>
      )}

      <section aria-labelledby="release">
        <h2 id="release">Release date</h2>
        <p>{p.releaseEstimate ? `Expected ${formatEstimate(p.releaseEstimate)}.` : 'Not announced yet.'}</p>
        {p.releaseDateHistory.length > 0 && (
          <ol className="history">
            {p.releaseDateHistory.map((change) => (
              <li key={change.changedAt}>
                {change.oldEstimate
                  ? `Moved from ${formatEstimate(change.oldEstimate)} to ${formatEstimate(change.newEstimate)}: ${change.reason}`
                  : `Announced for ${formatEstimate(change.newEstimate)}: ${change.reason}`}{' '}
                <span className="muted">({formatDay(change.changedAt)})</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      {p.specChanges.length > 0 && (
        <section aria-labelledby="spec-changes">
          <h2 id="spec-changes">Changes to the specification</h2>
          <ul>
            {p.specChanges.map((c) => (
              <li key={c.id}>
                {c.changes.map((f) => `${f.field}: ${f.from ?? 'none'} → ${f.to ?? 'none'}`).join('; ')} ({c.reason}, {formatDay(c.changedAt)})
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="buy">
        <h2 id="buy">Order</h2>
        {p.notOrderableReason && <p className="notice">{p.notOrderableReason}</p>}
        {canOrder ? (
          <Form method="post" className="add-to-cart">
            <div className="field">
              <label htmlFor="quantity">Quantity</label>
              <input id="quantity" name="quantity" type="number" min={1} max={p.maxQuantityPerOrder ?? 99} defaultValue={1} required />
            </div>
            <button type="submit">{p.status === 'PREORDER' ? 'Preorder: add to cart' : 'Add to cart'}</button>
          </Form>
        ) : (
          !p.notOrderableReason && <p>This figure cannot be ordered right now.</p>
        )}
        <ApiErrorMessage message={actionData?.error} />
      </section>
    </article>
  );
}
