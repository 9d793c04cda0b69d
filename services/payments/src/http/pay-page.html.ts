import { formatMoney, minorUnitDigits, money } from '../domain/money.js';
import type { PaymentPurpose } from '../domain/payment-purpose.js';
import type { PayPageLocale } from '../domain/return-address.js';
import { payPageWords, type PayPageWords } from './pay-page.words.js';

/** Everything that reaches the page from data goes through this. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface DueLine {
  orderId: string;
  purpose: PaymentPurpose;
  amount: number;
  currency: string;
  dueAt: Date | null;
}

/**
 * What the link asks of the page besides its token: the language (null: English, with payments' own money and
 * date format, as the emails' links have always shown it) and where "Back to the store" leads (already checked
 * against PAYMENTS_RETURN_ORIGINS; `returnRefused` when the link asked for another address).
 */
export interface PageSettings {
  locale: PayPageLocale | null;
  returnUrl: string | null;
  returnRefused: boolean;
}

export const plainPage: PageSettings = { locale: null, returnUrl: null, returnRefused: false };

const wordsOf = (settings: PageSettings): PayPageWords => payPageWords[settings.locale ?? 'en'];

function amountText(amount: number, currency: string, settings: PageSettings): string {
  if (!settings.locale) return formatMoney(money(amount, currency));
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(settings.locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    amount / 10 ** digits,
  );
}

function dateText(date: Date, settings: PageSettings): string {
  if (!settings.locale) return date.toISOString().slice(0, 10);
  return new Intl.DateTimeFormat(settings.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

const style = `body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
table{width:100%;border-collapse:collapse;margin:1rem 0}td,th{text-align:left;padding:.4rem 0;border-bottom:1px solid #ddd}
td.n{text-align:right}label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
.row{display:flex;gap:.6rem}.row>div{flex:1}button{margin-top:1.2rem;padding:.7rem 1.2rem;font-size:1rem}
.error{background:#fde8e8;padding:.7rem;border-radius:4px}.ok{background:#e6f6e6;padding:.7rem;border-radius:4px}small{color:#555}
a{color:#0b57d0}.back{margin-top:1.5rem}`;

/** The way back to the store, when the link gave an allowed address; a word on why not when it gave another one. */
function backToStore(settings: PageSettings): string {
  const words = wordsOf(settings);
  if (settings.returnUrl) return `<p class="back"><a href="${escapeHtml(settings.returnUrl)}">${escapeHtml(words.backToStore)}</a></p>`;
  if (settings.returnRefused) return `<p class="back"><small>${escapeHtml(words.returnRefused)}</small></p>`;
  return '';
}

export function page(title: string, body: string, settings: PageSettings = plainPage): string {
  return `<!doctype html><html lang="${settings.locale ?? 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Vitrine</title><style>${style}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}${backToStore(settings)}</main></body></html>`;
}

function duesTable(lines: readonly DueLine[], settings: PageSettings): string {
  const words = wordsOf(settings);
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(words.order)} <code>${escapeHtml(l.orderId.slice(0, 8))}</code> · ${escapeHtml(words.purpose[l.purpose])}${
          l.dueAt ? `<br><small>${escapeHtml(words.dueBy(dateText(l.dueAt, settings)))}</small>` : ''
        }</td><td class="n">${escapeHtml(amountText(l.amount, l.currency, settings))}</td></tr>`,
    )
    .join('');
  return `<table>${rows}<tr><th>${escapeHtml(words.total)}</th><th class="n">${escapeHtml(totalText(lines, settings))}</th></tr></table>`;
}

function totalText(lines: readonly DueLine[], settings: PageSettings): string {
  return amountText(
    lines.reduce((n, l) => n + l.amount, 0),
    lines[0]?.currency ?? 'USD',
    settings,
  );
}

/** The hidden fields that carry the link's token, the form's key, and the language and return address to the next page. */
function hiddenFields(options: { token: string; formKey: string; settings: PageSettings; returnParam?: string | null }): string {
  const field = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  return [
    field('t', options.token),
    field('k', options.formKey),
    options.settings.locale ? field('lang', options.settings.locale) : '',
    options.returnParam ? field('return', options.returnParam) : '',
  ].join('');
}

export interface FormOptions {
  token: string;
  formKey: string;
  settings?: PageSettings;
  /** The accepted return address, carried to the next page by the form. */
  returnParam?: string | null;
}

/** The card form: posts to the page itself, which hands the card to the sandbox provider (the number is never stored). */
export function payForm(options: FormOptions & { lines: readonly DueLine[]; error?: string; sandbox: boolean }): string {
  const settings = options.settings ?? plainPage;
  const words = wordsOf(settings);
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  if (!options.sandbox) {
    return page(words.payNow, `${duesTable(options.lines, settings)}<p>${escapeHtml(words.storefrontOnly)}</p>`, settings);
  }
  return page(
    words.payNow,
    `${duesTable(options.lines, settings)}${error}
<form method="post" action="/pay" autocomplete="off">
${hiddenFields({ ...options, settings })}
<label for="number">${escapeHtml(words.cardNumber)}</label><input id="number" name="number" inputmode="numeric" maxlength="23" required>
<div class="row"><div><label for="exp_month">${escapeHtml(words.month)}</label><input id="exp_month" name="exp_month" inputmode="numeric" maxlength="2" required></div>
<div><label for="exp_year">${escapeHtml(words.year)}</label><input id="exp_year" name="exp_year" inputmode="numeric" maxlength="4" required></div>
<div><label for="cvc">${escapeHtml(words.cvc)}</label><input id="cvc" name="cvc" inputmode="numeric" maxlength="4" required></div></div>
<button type="submit">${escapeHtml(words.pay(totalText(options.lines, settings)))}</button>
</form>
<p><small>${escapeHtml(words.sandboxCards)}</small></p>`,
    settings,
  );
}

export function confirmForm(options: FormOptions & { intentId: string }): string {
  const settings = options.settings ?? plainPage;
  const words = wordsOf(settings);
  return page(
    words.confirmTitle,
    `<p>${escapeHtml(words.confirmAsk)}</p>
<form method="post" action="/pay/confirm">${hiddenFields({ ...options, settings })}<input type="hidden" name="intent" value="${escapeHtml(options.intentId)}">
<button type="submit">${escapeHtml(words.confirm)}</button></form>`,
    settings,
  );
}

export function outcomePage(title: string, message: string, kind: 'ok' | 'error' = 'ok', settings: PageSettings = plainPage): string {
  return page(title, `<p class="${kind}" role="${kind === 'ok' ? 'status' : 'alert'}">${escapeHtml(message)}</p>`, settings);
}
