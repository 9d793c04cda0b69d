import { Form, Link, redirect } from 'react-router';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError } from '../lib/api.server.js';
import { pricedCart, type PricedLine } from '../lib/cart-products.server.js';
import { splitCart } from '../lib/cart-split.js';
import { readCart, saveCart } from '../lib/cart.server.js';
import { metaMessages, useI18n } from '../lib/i18n.js';
import { readSession } from '../lib/session.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/cart';

export const meta: Route.MetaFunction = ({ matches }) => [{ title: metaMessages(matches).cart.metaTitle }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const [session, cart] = await Promise.all([readSession(request, context), readCart(request, context)]);
  try {
    return { lines: await pricedCart(context, cart, session?.accessToken), error: null };
  } catch (err) {
    if (err instanceof ApiError) return { lines: [] as PricedLine[], error: await refusalFor(request, context, err) };
    throw err;
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const remove = form.get('remove');
  const cart = (await readCart(request, context)).filter((l) => l.productId !== remove);
  return redirect('/cart', { headers: { 'Set-Cookie': await saveCart(context, cart) } });
}

function Lines({ lines }: { lines: PricedLine[] }) {
  const { t, money, estimate } = useI18n();
  return (
    <ul className="cart-lines">
      {lines.map((l) => (
        <li key={l.productId}>
          <Link to={`/products/${l.productId}`}>{l.product.name}</Link> × {l.quantity}:{' '}
          {money({ ...l.product.price, amount: l.product.price.amount * l.quantity })}
          {l.product.releaseEstimate && <span className="muted"> {t.cart.release(estimate(l.product.releaseEstimate))}</span>}
          {l.product.notOrderableReason && <span className="error"> {l.product.notOrderableReason}</span>}
          <Form method="post" className="inline">
            <input type="hidden" name="remove" value={l.productId} />
            <button type="submit" className="link-button" aria-label={t.cart.removeLabel(l.product.name)}>
              {t.cart.remove}
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

export default function Cart({ loaderData }: Route.ComponentProps) {
  const { lines, error } = loaderData;
  const { preorders, inStock } = splitCart(lines);
  const { t } = useI18n();
  return (
    <>
      <h1>{t.cart.title}</h1>
      <ApiErrorMessage message={error} />
      {lines.length === 0 ? (
        <p>
          {t.cart.empty} <Link to="/">{t.cart.seeFigures}</Link>
        </p>
      ) : (
        <>
          {preorders.length > 0 && (
            <section aria-labelledby="cart-preorders">
              <h2 id="cart-preorders">{t.cart.preorders}</h2>
              <p>{t.cart.preordersHelp}</p>
              <Lines lines={preorders} />
            </section>
          )}
          {inStock.length > 0 && (
            <section aria-labelledby="cart-in-stock">
              <h2 id="cart-in-stock">{t.cart.inStock}</h2>
              <p>{t.cart.inStockHelp}</p>
              <Lines lines={inStock} />
            </section>
          )}
          <p>
            <Link to="/checkout" className="button">
              {t.cart.checkout}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
