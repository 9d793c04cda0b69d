import { stageRate, type Settlement } from './pipeline.js';
import type { BenchOutcome } from './report.js';
import { cpuMsPerResponse, latencyHeader, latencyRow, ms, outcomes, rate, ratio, table } from './report-format.js';
import { wrongCustomer } from './workloads/authentication.js';
import { orderPollMs, type DropDayResult } from './workloads/drop-day.js';
import type { ListingRun } from './workloads/listing.js';
import type { LedgerSummary, PaymentsRun } from './workloads/payments.js';

// The report's sections for (c)-(g) and the order flow's settlement, one function each.

export function authSections(outcome: BenchOutcome): string[] {
  const out: string[] = [];
  const { login, me, tokenCost } = outcome;
  if (login) {
    out.push('## (c) login through the gateway', '');
    out.push(
      `The seeded customers sign in round-robin with their right password (\`${login.query}\`). Each sign-in verifies an argon2id hash (m=19 MiB, t=2, p=1), deliberately expensive so that guessing passwords is too; then it writes a refresh token and signs an ES256 access token. Only failed sign-ins are throttled, so none of these is. Expect tens of sign-ins per second per core, not thousands.`,
      '',
      table(
        ['Connections', ...latencyHeader, 'accounts CPU ms / login'],
        [[login.result.connections, ...latencyRow(login.result), cpuMsPerResponse(login.result, 'accounts')]],
      ),
      '',
    );
  }
  if (me) {
    out.push('## (d) me through the gateway', '');
    out.push(
      `\`${me.query}\` with the next customer's token per request; each answer must be that customer (\`${wrongCustomer}\` otherwise, which fails the run). The token is verified by the gateway and again by accounts, which then reads the customer row.`,
      '',
      table(['Connections', ...latencyHeader], [[me.result.connections, ...latencyRow(me.result)]]),
      '',
    );
  }
  if (tokenCost) {
    const { without, with: withToken } = tokenCost;
    out.push('## (e) What token verification costs at the gateway', '');
    out.push(
      `The same public query, \`${tokenCost.query}\`, through the gateway: first anonymous, then with a customer's \`Authorization: Bearer\` token (round-robin). With a token the gateway verifies the ES256 signature before anything else and forwards the header; catalog, like every subgraph, verifies it again. The CPU columns show where the extra work lands. After a warm-up of each, the measured time is split into four runs, without / with / with / without, and each side's are pooled, so drift or a burst of background work weighs on both alike.`,
      '',
      table(
        ['Authorization', 'Connections', ...latencyHeader, 'gateway CPU ms / req', 'catalog CPU ms / req'],
        [
          ['none', without.connections, ...latencyRow(without), cpuMsPerResponse(without, 'gateway'), cpuMsPerResponse(without, 'catalog')],
          ['Bearer token', withToken.connections, ...latencyRow(withToken), cpuMsPerResponse(withToken, 'gateway'), cpuMsPerResponse(withToken, 'catalog')],
        ],
      ),
      '',
      'With / without a token:',
      '',
      table(['req/s ratio', 'p50 ratio', 'p99 ratio'], [[ratio(tokenCost.throughputRatio), ratio(tokenCost.p50Ratio), ratio(tokenCost.p99Ratio)]]),
      '',
    );
  }
  return out;
}

export function listingSection(listing: ListingRun): string[] {
  return [
    '## (f) Catalog listing through the gateway',
    '',
    `\`${listing.query}\`, anonymous, after a warm-up. Each answer must hold min(50, totalCount) products, each with a price and an available quantity. \`totalCount\` makes catalog run a count over the whole table on top of the page query.`,
    '',
    `Run twice: the same query every time, which catalog's listing cache answers after the first (services/catalog/README.md, The listing cache: a page is forgotten when a change to a listing's tables is heard, and kept 5 s at most); then \`${listing.distinct.query}\` with a bound of its own per request (above every price, so the same products): no two requests are the same query, so every page is read from PostgreSQL, as the listing was before the cache.`,
    '',
    table(
      ['Query', 'Connections', ...latencyHeader],
      [
        ['the same every time (cached)', listing.result.connections, ...latencyRow(listing.result)],
        ['a distinct query per request (read)', listing.distinct.result.connections, ...latencyRow(listing.distinct.result)],
      ],
    ),
    '',
  ];
}

export function dropSection(d: DropDayResult): string[] {
  const p = d.purchase;
  const rejectedReasons =
    d.ordersByStatus
      .filter((o) => o.status === 'REJECTED')
      .map((o) => `${o.reason || 'no reason'} ${o.count}`)
      .join(', ') || 'none';
  const step = (name: string, r: typeof p) => [
    name,
    Number.isFinite(r.perSecond) ? r.perSecond.toFixed(1) : 'n/a',
    ms(r.p50),
    ms(r.p90),
    ms(r.p99),
    ms(r.max),
    r.responses,
    outcomes(r),
  ];
  return [
    `## (g) Drop day: ${d.ok ? 'OK' : 'FAILED'}`,
    '',
    `${d.customers} customers, registered and signed in at set-up (${d.registrationWidth} at a time, ${d.setupSeconds.toFixed(1)} s, not measured), each buy 1 unit of \`${d.product.sku}\` (a PREORDER limited to ${d.units} units, sold under the deposit plan), all at once through the gateway, ${p.connections} at a time: \`checkout\` (one preorder line, shipping address and \`STANDARD\`, a fresh idempotency key), then \`order(id)\` every ${orderPollMs} ms until it is no longer \`PENDING\` (${d.orderPolls} reads in all), then, once the deposit is due, \`pay\` with the sandbox \`sandbox_visa\` token. A purchase is timed from sending the checkout to the deposit's SUCCEEDED answer; rates are over the ${p.seconds.toFixed(2)} s wall time of the whole drop. The figures below are read once no order for the product is \`PENDING\` or \`AWAITING_PAYMENT\`.`,
    '',
    table(
      ['Step', 'per s', 'p50', 'p90', 'p99', 'max', 'Count', 'Outcomes'],
      [
        step('Purchase (checkout sent → deposit SUCCEEDED)', p),
        step('checkout', d.checkout),
        step('Checkout answered → deposit SUCCEEDED', d.afterCheckout),
        step('pay', d.pay),
      ],
    ),
    '',
    `Purchases per customer: ${outcomes(p)}. Acknowledged checkouts ${d.acknowledged.length}; socket errors / timeouts over every request ${p.socketErrors} / ${p.timeouts}. Order status when the customer stopped waiting: ${
      Object.entries(d.acknowledgedStatus)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ') || 'none'
    }.`,
    '',
    `No order PENDING or AWAITING_PAYMENT ${d.settleSeconds.toFixed(1)} s after the load${d.settled ? '' : ' (gave up)'}; ${d.pendingAtLoadEnd} were pending when it stopped.`,
    '',
    table(
      ['Acknowledged', 'Holding a unit', 'SECURED (deposit paid)', 'REJECTED (reasons)', 'Units sold (reservations)', 'Preorder pool left'],
      [
        [
          d.acknowledged.length,
          `${d.confirmed} (expected ${Math.min(d.customers, d.units)})`,
          d.secured,
          `${d.rejected} (${rejectedReasons})`,
          `${d.unitsSold} (expected ${Math.min(d.customers, d.units)})`,
          d.stockLeft,
        ],
      ],
    ),
    '',
    table(
      ['Check', 'Result', 'Detail'],
      d.checks.map((c) => [c.name, c.ok ? 'OK' : 'MISMATCH', c.detail]),
    ),
    '',
  ];
}

export function settlementSection(s: Settlement): string[] {
  const { beforeLoad: b, atLoadEnd: e, final: f } = s;
  const during = (stage: 'placed' | 'decidedByCatalog' | 'appliedByOrders') => rate(stageRate(b, e, stage));
  const after = (stage: 'placed' | 'decidedByCatalog' | 'appliedByOrders') => rate(stageRate(e, f, stage));
  return [
    '### After the load',
    '',
    table(
      ['', 'Unsent outbox rows (orders)', 'Unsent outbox rows (catalog)', 'PENDING orders', "Orders accounts' projection lags on"],
      [
        ['When the load stopped', e.ordersOutboxUnsent, e.catalogOutboxUnsent, e.pendingOrders, e.accountsBehind],
        [
          s.settled ? `Settled ${s.settleSeconds.toFixed(1)} s later` : `Gave up ${s.settleSeconds.toFixed(1)} s later`,
          f.ordersOutboxUnsent,
          f.catalogOutboxUnsent,
          f.pendingOrders,
          f.accountsBehind,
        ],
      ],
    ),
    '',
    "Each stage of the asynchronous order flow, per second (orders stored; OrderPlaced handled by catalog, i.e. reserved or rejected; catalog's answer applied by orders):",
    '',
    table(
      ['Window', 'Stored', 'Decided by catalog', 'Applied by orders'],
      [
        [`During the load (${s.loadSeconds.toFixed(1)} s)`, during('placed'), during('decidedByCatalog'), during('appliedByOrders')],
        [`After the load (${s.settleSeconds.toFixed(1)} s)`, after('placed'), after('decidedByCatalog'), after('appliedByOrders')],
      ],
    ),
    '',
  ];
}

export function paymentsSection(p: PaymentsRun): string[] {
  return [
    '## (h) pay: deposits through the gateway',
    '',
    `Set-up (not measured, ${p.setupSeconds.toFixed(1)} s): the seeded customers checked out ${p.dues} preorders of \`${p.product.sku}\` (${p.product.price} minor units, the store's deposit plan) through the gateway, and orders announced each deposit (PaymentDue) to payments; then the bench waited until no service had applied an event for 2 s (the checkouts' emails and projections done). Each request then pays one of those deposits (${p.amount.amount} minor units ${p.amount.currency}, from the due, never from the client) with the sandbox provider's \`sandbox_visa\` token, a fresh idempotency key and the order owner's token: the real path (the order's money lock, the provider call, the ledger, PaymentSucceeded, which orders follows). \`NOT_SUCCEEDED\` would be a provider refusal; \`CONFLICT\` a due paid twice, or the run outlasting its ${p.dues} dues (raise \`BENCH_PAYMENT_DUES\`).`,
    '',
    table([...latencyHeader, 'payments CPU ms/response'], [[...latencyRow(p.result), cpuMsPerResponse(p.result, 'payments')]]),
    '',
  ];
}

export function ledgerSection(l: LedgerSummary): string[] {
  return [
    `## payments ledger reconciliation: ${l.balanced ? 'BALANCED' : 'DISCREPANCIES'}`,
    '',
    `Asked of payments (\`ledgerReconciliation\`, as the bootstrap admin) at the end of the run: every transaction sums to zero per currency, no order has been refunded more than it paid, and the ledger equals the provider's charges and refunds. ${l.transactions} transactions over ${l.orders} orders; ${l.processingIntents} payments still processing.`,
    '',
    table(
      ['Currency', 'Paid', 'Refunded', 'Refunded out', 'Held'],
      l.totals.map((t) => [t.currency, t.paid, t.refunded, t.refundedOut, t.held]),
    ),
    '',
    ...(l.discrepancies.length ? ['Discrepancies:', '', ...l.discrepancies.slice(0, 20).map((d) => `- ${d.kind}: \`${d.details}\``), ''] : []),
  ];
}
