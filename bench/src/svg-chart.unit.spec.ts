import { describe, expect, it } from 'vitest';
import { escapeXml, lineChartSvg, niceTicks, type LineChart } from './svg-chart.js';

/**
 * Well-formed XML for what the chart writer emits (elements, quoted
 * attributes, text, the five entities): one root, every tag closed in order,
 * no raw `<` or `&` in text or attributes. Returns the elements in document
 * order with their attributes.
 */
function parseXml(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const elements: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const open: string[] = [];
  const entity = /&(amp|lt|gt|quot|apos);/g;
  const cleanText = (text: string) => {
    const bare = text.replace(entity, '');
    if (/[<&]/.test(bare)) throw new Error(`unescaped markup in ${JSON.stringify(text)}`);
  };
  let roots = 0;
  let at = 0;
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/y;
  while (at < xml.length) {
    const next = xml.indexOf('<', at);
    const text = xml.slice(at, next === -1 ? xml.length : next);
    cleanText(text);
    if (text.trim() && open.length === 0) throw new Error(`text outside the root: ${text}`);
    if (text.trim()) elements[elements.length - 1]!.text += text;
    if (next === -1) break;
    tag.lastIndex = next;
    const m = tag.exec(xml);
    if (!m) throw new Error(`malformed tag at ${next}: ${xml.slice(next, next + 60)}`);
    const [whole, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (open.pop() !== name) throw new Error(`</${name}> closes nothing open`);
    } else {
      if (open.length === 0 && ++roots > 1) throw new Error('more than one root');
      const attrs: Record<string, string> = {};
      for (const a of attrText!.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (a[1]! in attrs) throw new Error(`attribute ${a[1]} twice on <${name}>`);
        cleanText(a[2]!);
        attrs[a[1]!] = a[2]!;
      }
      elements.push({ name: name!, attrs, text: '' });
      if (!selfClosing) open.push(name!);
    }
    at = next + whole.length;
  }
  if (open.length) throw new Error(`unclosed: ${open.join(', ')}`);
  if (roots !== 1) throw new Error('no root');
  return elements;
}

const chart: LineChart = {
  title: 'Soak <test> & chart',
  xLabel: 'minutes since the load started',
  marker: { x: 1.5, label: 'load stopped' },
  panels: [
    {
      title: 'Resident memory',
      yLabel: 'RSS (MiB)',
      series: [
        { name: 'orders', points: [0, 0.5, 1, 1.5, 2].map((x) => ({ x, y: 180 + x * 4 })) },
        { name: 'gateway', points: [0, 0.5, 1, 1.5, 2].map((x) => ({ x, y: 310 - x })) },
      ],
    },
    {
      title: 'Event backlog',
      yLabel: 'events',
      series: [
        { name: 'unsent in outboxes', points: [0, 0.5, 1, 1.5, 2].map((x, i) => ({ x, y: [0, 12, 9, 3, 0][i]! })) },
        { name: 'past consumer positions', points: [0, 0.5, 1].map((x) => ({ x, y: Number.NaN })) },
      ],
    },
  ],
};

describe('lineChartSvg', () => {
  const svg = lineChartSvg(chart);
  const elements = parseXml(svg);
  const root = elements[0]!;
  const texts = elements.filter((e) => e.name === 'text').map((e) => e.text);

  it('writes one well-formed SVG document with its size in the viewBox', () => {
    expect(root).toMatchObject({ name: 'svg', attrs: { xmlns: 'http://www.w3.org/2000/svg' } });
    expect(root.attrs.viewBox).toBe(`0 0 ${root.attrs.width} ${root.attrs.height}`);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    expect(texts).toContain('Soak &lt;test&gt; &amp; chart');
  });

  it('draws one polyline per measured series, every point inside the picture', () => {
    const lines = elements.filter((e) => e.name === 'polyline');
    expect(lines.map((l) => l.attrs['data-series'])).toEqual(['orders', 'gateway', 'unsent in outboxes']);
    const [w, h] = [Number(root.attrs.width), Number(root.attrs.height)];
    for (const line of lines) {
      const points = line.attrs.points!.split(' ').map((p) => p.split(',').map(Number));
      expect(points).toHaveLength(5);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(w);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(h);
      }
    }
    // The orders series rises: its last point is drawn higher (smaller y) than its first.
    const orders = lines[0]!.attrs.points!.split(' ').map((p) => Number(p.split(',')[1]));
    expect(orders[4]).toBeLessThan(orders[0]!);
  });

  it('labels both axes of each panel, the ticks, the legend and the marker; an unmeasured series says so', () => {
    expect(elements.filter((e) => e.attrs.class === 'x-label').map((e) => e.text)).toEqual([
      'minutes since the load started',
      'minutes since the load started',
    ]);
    expect(elements.filter((e) => e.attrs.class === 'y-label').map((e) => e.text)).toEqual(['RSS (MiB)', 'events']);
    expect(elements.filter((e) => e.attrs.class === 'axis')).toHaveLength(4);
    expect(elements.filter((e) => e.attrs.class === 'marker')).toHaveLength(2);
    expect(texts).toEqual(
      expect.arrayContaining(['Resident memory', 'Event backlog', 'orders', 'gateway', 'load stopped', 'past consumer positions (not measured)']),
    );
    // x ticks every half minute from 0 to 2, on both panels.
    for (const tick of ['0', '0.5', '1', '1.5', '2']) expect(texts.filter((t) => t === tick).length).toBeGreaterThanOrEqual(2);
  });
});

describe('niceTicks', () => {
  it('covers the range with steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(183, 307)).toEqual([150, 200, 250, 300, 350]);
    expect(niceTicks(0, 1.6)).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('gives a range even to a flat or empty series', () => {
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)).toEqual([0, 1]);
  });
});

describe('escapeXml', () => {
  it('escapes what would break markup', () => {
    expect(escapeXml(`a<b>&"c"`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
  });
});
