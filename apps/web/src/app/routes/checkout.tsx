import { useState } from 'react';
import { Form, Link, redirect, useNavigation } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { PaymentChoice } from '../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { pricedCart } from '../lib/cart-products.server.js';
import { splitCart } from '../lib/cart-split.js';
import { readCart, saveCart } from '../lib/cart.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale, ruleLanguage } from '../lib/locale.server.js';
import { planInWords } from '../lib/payment-plan.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/checkout';

const checkoutContextQuery = graphql(`
  query StorefrontCheckoutContext($language: RuleLanguage!) {
    me {
      displayName
      country
    }
    rateTable {
      methods {
        code
        label
      }
    }
    # An explicit null: orders answers the policy in force only when the argument is null, not when it is left out.
    storePolicy(version: null) {
      version
      sections(language: $language) {
        title
        rules {
          id
          text
        }
      }
    }
  }
`);
const estimateQuery = graphql(`
  query StorefrontShippingEstimate($items: [EstimateItemInput!]!, $destination: String!, $method: String!) {
    shippingEstimate(items: $items, destination: $destination, method: $method) {
      amount {
        amount
        currency
      }
      method
    }
  }
`);
// What each order would pay, priced by orders itself (the checkout's own rules), for each method and choice offered.
const previewQuery = graphql(`
  query StorefrontCheckoutPreview($input: CheckoutPreviewInput!) {
    checkoutPreview(input: $input) {
      dueAtOrder {
        amount
        currency
      }
      orders {
        kind
        lines {
          product {
            id
          }
          quantity
        }
        shippingEstimate {
          amount
          currency
        }
        dueAtOrder {
          amount
          currency
        }
        dueLater {
          amount
          currency
        }
      }
    }
  }
`);
const checkoutMutation = graphql(`
  mutation StorefrontCheckout($input: CheckoutInput!, $key: String!) {
    checkout(input: $input, idempotencyKey: $key) {
      id
      kind
    }
  }
`);

/** The payment choices the preorders of the cart offer: a deposit (the default) and full payment where every one allows it. */
function choicesOffered(lines: Parameters<typeof splitCart>[0]): (PaymentChoice | null)[] {
  const plans = splitCart(lines)
    .preorders.map((l) => l.product.preorderCampaign?.paymentPlan)
    .filter((p) => p?.kind === 'DEPOSIT');
  if (plans.length === 0) return [null];
  return plans.every((p) => p?.fullPaymentAllowed) ? ['DEPOSIT', 'FULL_PAYMENT'] : ['DEPOSIT'];
}

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).checkout.title} | Vitrine` }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  const cart = await readCart(request, context);
  if (cart.length === 0) throw redirect('/cart');
  const [lines, checkoutContext] = await Promise.all([
    pricedCart(context, cart, session.accessToken),
    callApi(context, checkoutContextQuery, { language: ruleLanguage(await requestLocale(request, context)) }, session.accessToken),
  ]).catch(pageError);
  const items = lines.map((l) => ({ productId: l.productId, quantity: l.quantity }));
  // One estimate per method for the whole cart to the account's country (orders may only ship there).
  const estimates = await Promise.all(
    checkoutContext.rateTable.methods.map(async (m) => {
      try {
        const { shippingEstimate } = await callApi(
          context,
          estimateQuery,
          { items, destination: checkoutContext.me.country, method: m.code },
          session.accessToken,
        );
        return { ...m, estimate: shippingEstimate.amount, problem: null };
      } catch (err) {
        if (err instanceof ApiError) return { ...m, estimate: null, problem: await refusalFor(request, context, err) };
        throw err;
      }
    }),
  );
  // Every method the cart can ship by with every choice offered: a handful of reads, so the figures shown follow
  // the form's choices (with JavaScript; without, the preselected ones are what is shown).
  const previews = await Promise.all(
    estimates
      .filter((m) => m.estimate)
      .flatMap((m) =>
        choicesOffered(lines).map(async (choice) => {
          const input = { lines: items, shippingMethod: m.code, ...(choice ? { paymentChoice: choice } : {}) };
          try {
            const { checkoutPreview } = await callApi(context, previewQuery, { input }, session.accessToken);
            return { method: m.code, choice, preview: checkoutPreview, problem: null };
          } catch (err) {
            if (err instanceof ApiError) return { method: m.code, choice, preview: null, problem: await refusalFor(request, context, err) };
            throw err;
          }
        }),
      ),
  );
  // A fresh key per visit of the page: a double submit or a retry of the same form places the orders once.
  return { lines, ...checkoutContext, estimates, previews, idempotencyKey: crypto.randomUUID() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const form = await request.formData();
  const cart = await readCart(request, context);
  const t = messagesFor(await requestLocale(request, context));
  if (cart.length === 0) return { error: t.checkout.emptyCart };
  const choice = field(form, 'paymentChoice');
  const key = field(form, 'idempotencyKey');
  const input = {
    lines: cart.map((l) => ({ productId: l.productId, quantity: l.quantity })),
    shippingAddress: {
      name: field(form, 'name'),
      line1: field(form, 'line1'),
      line2: field(form, 'line2') || null,
      city: field(form, 'city'),
      postalCode: field(form, 'postalCode'),
      country: field(form, 'country'),
      phone: field(form, 'phone') || null,
    },
    shippingMethod: field(form, 'shippingMethod'),
    ...(choice === 'DEPOSIT' || choice === 'FULL_PAYMENT' ? { paymentChoice: choice as PaymentChoice } : {}),
  };
  if (form.get('acceptTerms') !== 'yes') return { error: t.checkout.acceptFirst };
  try {
    const { checkout } = await callApi(context, checkoutMutation, { input, key }, session.accessToken);
    const next = checkout.length === 1 ? `/orders/${checkout[0]!.id}/pay` : '/orders?placed=' + checkout.length;
    return redirect(next, { headers: { 'Set-Cookie': await saveCart(context, []) } });
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err) };
    throw err;
  }
}

export default function Checkout({ loaderData, actionData }: Route.ComponentProps) {
  const { lines, me, estimates, previews, storePolicy, idempotencyKey } = loaderData;
  const { preorders, inStock } = splitCart(lines);
  const choices = choicesOffered(lines);
  const depositOffered = choices[0] === 'DEPOSIT';
  const fullAllowed = choices.includes('FULL_PAYMENT');
  const submitting = useNavigation().state === 'submitting';
  const { t, locale, money } = useI18n();
  // The form's preselected method and choice; the radios move them (with JavaScript) so the figures follow.
  const [method, setMethod] = useState(estimates[0]?.code ?? null);
  const [choice, setChoice] = useState(choices[0] ?? null);
  return (
    <>
      <h1>{t.checkout.title}</h1>
      <Form method="post" className="stacked">
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <section aria-labelledby="what-you-order">
          <h2 id="what-you-order">{t.checkout.whatYouOrder}</h2>
          {preorders.length > 0 && (
            <>
              <h3>{t.checkout.preorders}</h3>
              <ul>
                {preorders.map((l) => (
                  <li key={l.productId}>
                    {l.product.name} × {l.quantity}: {money({ ...l.product.price, amount: l.product.price.amount * l.quantity })}
                    {l.product.preorderCampaign?.paymentPlan && (
                      <span className="muted">
                        {' '}
                        (
                        {
                          planInWords(
                            {
                              ...l.product.preorderCampaign.paymentPlan,
                              price: { ...l.product.price, amount: l.product.price.amount * l.quantity },
                            },
                            locale,
                          )[0]
                        }
                        )
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {inStock.length > 0 && (
            <>
              <h3>{t.checkout.inStock}</h3>
              <ul>
                {inStock.map((l) => (
                  <li key={l.productId}>
                    {l.product.name} × {l.quantity}: {money({ ...l.product.price, amount: l.product.price.amount * l.quantity })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <Link to="/cart">{t.checkout.changeCart}</Link>
          </p>
        </section>

        {depositOffered && (
          <fieldset>
            <legend>{t.checkout.howToPay}</legend>
            <div className="choice">
              <input type="radio" id="pay-deposit" name="paymentChoice" value="DEPOSIT" defaultChecked onChange={() => setChoice('DEPOSIT')} />
              <label htmlFor="pay-deposit">{t.checkout.deposit}</label>
            </div>
            {fullAllowed && (
              <div className="choice">
                <input type="radio" id="pay-full" name="paymentChoice" value="FULL_PAYMENT" onChange={() => setChoice('FULL_PAYMENT')} />
                <label htmlFor="pay-full">{t.checkout.full}</label>
              </div>
            )}
          </fieldset>
        )}

        <fieldset>
          <legend>{t.checkout.address}</legend>
          <div className="field">
            <label htmlFor="name">{t.checkout.fullName}</label>
            <input id="name" name="name" autoComplete="name" required defaultValue={me.displayName} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="line1">{t.checkout.line1}</label>
            <input id="line1" name="line1" autoComplete="address-line1" required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="line2">{t.checkout.line2}</label>
            <input id="line2" name="line2" autoComplete="address-line2" maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="city">{t.checkout.city}</label>
            <input id="city" name="city" autoComplete="address-level2" required maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="postalCode">{t.checkout.postalCode}</label>
            <input id="postalCode" name="postalCode" autoComplete="postal-code" required maxLength={20} />
          </div>
          <div className="field">
            <label htmlFor="country">{t.checkout.country}</label>
            <input id="country" name="country" readOnly value={me.country} aria-describedby="country-help" />
            <p id="country-help" className="help">
              {t.checkout.countryHelp}
            </p>
          </div>
          <div className="field">
            <label htmlFor="phone">{t.checkout.phone}</label>
            <input id="phone" name="phone" type="tel" autoComplete="tel" maxLength={40} />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t.checkout.method}</legend>
          {estimates.map((m, i) => (
            <div className="choice" key={m.code}>
              <input
                type="radio"
                id={`method-${m.code}`}
                name="shippingMethod"
                value={m.code}
                defaultChecked={i === 0}
                disabled={!m.estimate}
                onChange={() => setMethod(m.code)}
              />
              <label htmlFor={`method-${m.code}`}>
                {m.label}: {m.estimate ? t.checkout.about(money(m.estimate)) : m.problem}
              </label>
            </div>
          ))}
          <p className="help">{t.checkout.estimateHelp}</p>
        </fieldset>

        <OrdersPreview
          shown={previews.find((p) => p.method === method && p.choice === choice)}
          methodLabel={estimates.find((m) => m.code === method)?.label ?? ''}
          names={new Map(lines.map((l) => [l.productId, l.product.name]))}
        />

        <section aria-labelledby="terms">
          <h2 id="terms">{t.checkout.terms(storePolicy.version)}</h2>
          {storePolicy.sections.map((section) => (
            <div key={section.title}>
              <h3>{section.title}</h3>
              <ul>
                {section.rules.map((rule) => (
                  <li key={rule.id}>{rule.text}</li>
                ))}
              </ul>
            </div>
          ))}
          <div className="choice">
            <input type="checkbox" id="acceptTerms" name="acceptTerms" value="yes" required />
            <label htmlFor="acceptTerms">{t.checkout.accept}</label>
          </div>
        </section>

        <ApiErrorMessage message={actionData?.error} />
        <button type="submit" disabled={submitting}>
          {t.checkout.place(inStock.length + preorders.length)}
        </button>
      </Form>
    </>
  );
}

type Preview = Route.ComponentProps['loaderData']['previews'][number];

/** Each order the checkout would place, with what it pays now and later: orders' own figures for the method and choice. */
function OrdersPreview({ shown, methodLabel, names }: { shown: Preview | undefined; methodLabel: string; names: ReadonlyMap<string, string> }) {
  const { t, money } = useI18n();
  if (!shown) return null;
  const { preview, problem } = shown;
  return (
    <section aria-labelledby="what-you-pay">
      <h2 id="what-you-pay">{t.checkout.whatYouPay}</h2>
      {preview ? (
        <>
          <p>{t.checkout.previewFor(methodLabel, shown.choice === 'DEPOSIT' ? 'deposit' : shown.choice === 'FULL_PAYMENT' ? 'full' : null)}</p>
          <ol>
            {preview.orders.map((o, i) => {
              const products = o.lines.map((l) => `${names.get(l.product.id) ?? l.product.id} × ${l.quantity}`).join(', ');
              const shipping = money(o.shippingEstimate);
              return (
                <li key={o.lines.map((l) => l.product.id).join()}>
                  {t.checkout.plannedOrder(i + 1, o.kind === 'PREORDER', products)}{' '}
                  {o.dueAtOrder.amount === 0
                    ? t.checkout.nothingNow(money(o.dueLater), shipping)
                    : o.dueLater.amount === 0
                      ? t.checkout.allNow(money(o.dueAtOrder), shipping)
                      : t.checkout.nowAndLater(money(o.dueAtOrder), money(o.dueLater), shipping)}
                </li>
              );
            })}
          </ol>
          <p>
            <strong>{t.checkout.totalNow(money(preview.dueAtOrder))}</strong>
          </p>
        </>
      ) : (
        <p role="alert">
          {t.checkout.previewRefused} {problem}
        </p>
      )}
    </section>
  );
}
