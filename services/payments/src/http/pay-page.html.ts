import { formatMoney, money } from '../domain/money.js';
import { purposeLabels, type PaymentPurpose } from '../domain/payment-purpose.js';

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

const style = `body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
table{width:100%;border-collapse:collapse;margin:1rem 0}td,th{text-align:left;padding:.4rem 0;border-bottom:1px solid #ddd}
td.n{text-align:right}label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
.row{display:flex;gap:.6rem}.row>div{flex:1}button{margin-top:1.2rem;padding:.7rem 1.2rem;font-size:1rem}
.error{background:#fde8e8;padding:.7rem;border-radius:4px}.ok{background:#e6f6e6;padding:.7rem;border-radius:4px}small{color:#555}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Vitrine</title><style>${style}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function duesTable(lines: readonly DueLine[]): string {
  const rows = lines
    .map(
      (l) =>
        `<tr><td>Order <code>${escapeHtml(l.orderId.slice(0, 8))}</code> · ${escapeHtml(purposeLabels[l.purpose])}${
          l.dueAt ? `<br><small>due by ${escapeHtml(l.dueAt.toISOString().slice(0, 10))}</small>` : ''
        }</td><td class="n">${escapeHtml(formatMoney(money(l.amount, l.currency)))}</td></tr>`,
    )
    .join('');
  const currency = lines[0]?.currency ?? 'USD';
  const total = lines.reduce((n, l) => n + l.amount, 0);
  return `<table>${rows}<tr><th>Total</th><th class="n">${escapeHtml(formatMoney(money(total, currency)))}</th></tr></table>`;
}

/** The card form: posts to the page itself, which hands the card to the sandbox provider (the number is never stored). */
export function payForm(options: { token: string; formKey: string; lines: readonly DueLine[]; error?: string; sandbox: boolean }): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  if (!options.sandbox) {
    return page(
      'Pay now',
      `${duesTable(options.lines)}<p>Please pay from your order page in the store: card entry on this page needs the sandbox provider.</p>`,
    );
  }
  return page(
    'Pay now',
    `${duesTable(options.lines)}${error}
<form method="post" action="/pay" autocomplete="off">
<input type="hidden" name="t" value="${escapeHtml(options.token)}"><input type="hidden" name="k" value="${escapeHtml(options.formKey)}">
<label for="number">Card number</label><input id="number" name="number" inputmode="numeric" maxlength="23" required>
<div class="row"><div><label for="exp_month">Month</label><input id="exp_month" name="exp_month" inputmode="numeric" maxlength="2" required></div>
<div><label for="exp_year">Year</label><input id="exp_year" name="exp_year" inputmode="numeric" maxlength="4" required></div>
<div><label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" maxlength="4" required></div></div>
<button type="submit">Pay ${escapeHtml(
      formatMoney(
        money(
          options.lines.reduce((n, l) => n + l.amount, 0),
          options.lines[0]?.currency ?? 'USD',
        ),
      ),
    )}</button>
</form>
<p><small>Sandbox: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 has insufficient funds,
4000 0025 0000 3155 asks for a confirmation. Any future expiry date and any CVC.</small></p>`,
  );
}

export function confirmForm(options: { token: string; formKey: string; intentId: string }): string {
  return page(
    'Confirm your payment',
    `<p>Your bank asks you to confirm this payment.</p>
<form method="post" action="/pay/confirm"><input type="hidden" name="t" value="${escapeHtml(options.token)}">
<input type="hidden" name="k" value="${escapeHtml(options.formKey)}"><input type="hidden" name="intent" value="${escapeHtml(options.intentId)}">
<button type="submit">Confirm payment</button></form>`,
  );
}

export function outcomePage(title: string, message: string, kind: 'ok' | 'error' = 'ok'): string {
  return page(title, `<p class="${kind}" role="${kind === 'ok' ? 'status' : 'alert'}">${escapeHtml(message)}</p>`);
}
