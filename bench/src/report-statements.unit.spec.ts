import { describe, expect, it } from 'vitest';
import { activitySection, idleStatementsSection, perPayment, statementsSection } from './report-statements.js';
import { shorten } from './statements.js';

describe("the report's statements section", () => {
  const window = {
    seconds: 10,
    transactions: 1200,
    transactionSeconds: 10,
    writeTransactions: 700,
    calls: 5000,
    evicted: 0,
    top: [
      { query: 'insert into "orders".outbox_message (id) values ($1)', calls: 200, rows: 150, totalMs: 40, planMs: 10 },
      { query: 'select `x` from bus.message', calls: 1000, rows: 0, totalMs: 100, planMs: 0 },
    ],
  };

  it('gives every figure per order (time with planning, and planning apart), and the idle share of the window', () => {
    const text = statementsSection(window, 100, 20).join('\n');
    expect(text).toContain('700 transactions that wrote (7.00 per order over 100 orders; transaction ids handed out, exact)');
    expect(text).toContain('1200 transactions in all (12.00 per order; pg_stat_database');
    expect(text).toContain('about 200 (2.00 per order) is what the stack does idle');
    expect(text).toContain('5000 statements (50.00 per order)');
    expect(text).toContain('| `insert into "orders".outbox_message (id) values ($1)` | 2.00 | 1.50 | 0.500 | 0.100 |');
    expect(text).toContain("| `select 'x' from bus.message` | 10.00 | 0.00 | 1.000 | 0.000 |");
  });

  it('says when the transactions were counted once their late reports were in, and takes the idle share over that time', () => {
    const text = statementsSection({ ...window, transactionSeconds: 21 }, 100, 20).join('\n');
    expect(text).toContain(
      '1200 transactions in all (12.00 per order; pg_stat_database, read 11 s after the quiet, once every backend that runs statements had reported them',
    );
    expect(text).toContain('so over 21.0 s; not in it: the notification reads of the connections that only listen');
    expect(text).toContain('about 420 (4.20 per order) is what the stack does idle');
    expect(statementsSection(window, 100, 20).join('\n')).toContain('whose counts arrive up to ten seconds late, so approximate');
  });

  it('says when pg_stat_statements dropped entries, so the statement count is a floor', () => {
    expect(statementsSection(window, 100, 20).join('\n')).not.toContain('dropped');
    const text = statementsSection({ ...window, evicted: 7 }, 100, 20).join('\n');
    expect(text).toContain('5000 statements (50.00 per order) (at least: pg_stat_statements dropped 7 times an entry to make room, with its calls)');
  });

  it("divides by payments when it is pay's window, under a heading of its own", () => {
    const text = statementsSection(window, 50, 20, perPayment).join('\n');
    expect(text).toContain("### Where a payment's database work goes (pg_stat_statements)");
    expect(text).toContain('From the first measured pay (after the warm-up and its consumers) until every consumer was quiet again');
    expect(text).toContain('700 transactions that wrote (14.00 per payment over 50 payments;');
    expect(text).toContain('| Statement | Calls per payment | Rows per payment | ms per payment | of which planning |');
    expect(text).not.toContain('per order');
  });

  it('says nothing without orders', () => {
    expect(statementsSection(window, 0, 20)).toEqual([]);
  });

  it('flattens and cuts long statements', () => {
    expect(shorten('select  a,\n  b\tfrom t')).toBe('select a, b from t');
    expect(shorten('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe("the report's sampled activity", () => {
  it('averages busy sessions per pool over the samples and lists the most frequent', () => {
    const rows = [
      { application: 'vitrine:orders:worker', state: 'idle in transaction', waiting: 'Client: ClientRead', query: 'select 1', samples: 30 },
      { application: 'vitrine:orders:worker', state: 'active', waiting: '-', query: 'update x', samples: 10 },
      { application: 'vitrine:catalog', state: 'active', waiting: 'Lock: tuple', query: 'update y', samples: 5 },
    ];
    const text = activitySection({ samples: 20, seconds: 1, rows }).join('\n');
    expect(text).toContain('| vitrine:orders:worker | 2.00 | 1.50 |');
    expect(text).toContain('| vitrine:catalog | 0.25 | 0.00 |');
    expect(text).toContain('| vitrine:catalog | active | Lock: tuple | `update y` | 0.25 |');
  });
});

describe("the report's idle statements", () => {
  it('gives rates per second', () => {
    const text = idleStatementsSection({
      seconds: 10,
      transactions: 1500,
      transactionSeconds: 10,
      writeTransactions: 0,
      calls: 3000,
      evicted: 0,
      top: [{ query: 'select $1', calls: 140, rows: 140, totalMs: 1, planMs: 0 }],
    }).join('\n');
    expect(text).toContain('1500 transactions (150.00/s), 3000 statements (300.00/s)');
    expect(text).toContain('| `select $1` | 14.00 | 14.00 |');
  });
});
