import { Form, Link, redirect } from 'react-router';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError } from '../lib/api.server.js';
import { pricedCart, type PricedLine } from '../lib/cart-products.server.js';
import { splitCart } from '../lib/cart-split.js';
import { readCart, saveCart } from '../lib/cart.server.js';
import { formatEstimate, formatMoney } from '../lib/format.js';
import { readSession } from '../lib/session.server.js';
import type { Route } from './+types/cart';

export const meta: Route.MetaFunction = () => [{ title: 'Your cart | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const [session, cart] = await Promise.all([readSession(request, context), readCart(request, context)]);
  try {
    return { lines: await pricedCart(context, cart, session?.accessToken), error: null };
  } catch (err) {
    if (err instanceof ApiError) return { lines: [] as PricedLine[], error: err.message };
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
  return (
    <ul className="cart-lines">
      {lines.map((l) => (
        <li key={l.productId}>
          <Link to={`/products/${l.productId}`}>{l.product.name}</Link> × {l.quantity}:{' '}
          {formatMoney({ ...l.product.price, amount: l.product.price.amount * l.quantity })}
          {l.product.releaseEstimate && <span className="muted"> (release {formatEstimate(l.product.releaseEstimate)})</span>}
          {l.product.notOrderableReason && <span className="error"> {l.product.notOrderableReason}</span>}
          <Form method="post" className="inline">
            <input type="hidden" name="remove" value={l.productId} />
            <button type="submit" className="link-button" aria-label={`Remove ${l.product.name}`}>
              Remove
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
  return (
    <>
      <h1>Your cart</h1>
      <ApiErrorMessage message={error} />
      {lines.length === 0 ? (
        <p>
          Your cart is empty. <Link to="/">See the figures</Link>
        </p>
      ) : (
        <>
          {preorders.length > 0 && (
            <section aria-labelledby="cart-preorders">
              <h2 id="cart-preorders">Preorders</h2>
              <p>Each preordered figure becomes an order of its own, paid by its own plan.</p>
              <Lines lines={preorders} />
            </section>
          )}
          {inStock.length > 0 && (
            <section aria-labelledby="cart-in-stock">
              <h2 id="cart-in-stock">In stock</h2>
              <p>These ship together, as one order paid in full.</p>
              <Lines lines={inStock} />
            </section>
          )}
          <p>
            <Link to="/checkout" className="button">
              Go to checkout
            </Link>
          </p>
        </>
      )}
    </>
  );
}
