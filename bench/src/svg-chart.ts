// A small line chart written as SVG by hand (no chart library): panels stacked over one shared x axis, each with its
// own y axis, gridlines, a legend, and an optional vertical marker (e.g. "load stopped").

export interface ChartSeries {
  name: string;
  /** Points with a non-finite y are left out (a figure not measured at that instant). */
  points: readonly { x: number; y: number }[];
}

export interface ChartPanel {
  title: string;
  yLabel: string;
  series: readonly ChartSeries[];
}

export interface LineChart {
  title: string;
  xLabel: string;
  panels: readonly ChartPanel[];
  marker?: { x: number; label: string };
}

const width = 860;
const panelHeight = 250;
const margin = { left: 72, right: 190, top: 44, bottom: 46 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = panelHeight - 40 - margin.bottom;
// Distinguishable on white, and in the order a reader scans a legend.
const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Round tick positions covering [min, max]: steps of 1, 2 or 5 times a power of ten, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max <= min) max = min + 1;
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t < max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2))));

export function lineChartSvg(chart: LineChart): string {
  const finite = (s: ChartSeries) => s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xs = chart.panels.flatMap((panel) => panel.series.flatMap((s) => finite(s).map((p) => p.x)));
  const xTicks = niceTicks(Math.min(0, ...xs), Math.max(...xs, chart.marker?.x ?? 0, 1));
  const [x0, x1] = [xTicks[0]!, xTicks[xTicks.length - 1]!];
  const sx = (x: number) => margin.left + ((x - x0) / (x1 - x0)) * plotWidth;
  const height = margin.top + chart.panels.length * panelHeight;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(chart.title)}</text>`,
  ];

  for (const [index, panel] of chart.panels.entries()) {
    const top = margin.top + index * panelHeight + 30;
    const bottom = top + plotHeight;
    const ys = panel.series.flatMap((s) => finite(s).map((p) => p.y));
    // A backlog starts at zero; memory does not, and starting its axis at zero would flatten any growth.
    const yTicks = niceTicks(Math.min(...ys, Number.POSITIVE_INFINITY), Math.max(...ys, Number.NEGATIVE_INFINITY));
    const [y0, y1] = [yTicks[0]!, yTicks[yTicks.length - 1]!];
    const sy = (y: number) => bottom - ((y - y0) / (y1 - y0)) * plotHeight;
    out.push(`<g data-panel="${escapeXml(panel.title)}">`);
    out.push(`<text x="${margin.left}" y="${top - 10}" font-size="13" font-weight="bold">${escapeXml(panel.title)}</text>`);
    for (const t of yTicks) {
      out.push(`<line x1="${margin.left}" y1="${sy(t).toFixed(1)}" x2="${margin.left + plotWidth}" y2="${sy(t).toFixed(1)}" stroke="#e5e5e5"/>`);
      out.push(`<text x="${margin.left - 6}" y="${(sy(t) + 4).toFixed(1)}" text-anchor="end">${fmt(t)}</text>`);
    }
    for (const t of xTicks) {
      out.push(`<line x1="${sx(t).toFixed(1)}" y1="${bottom}" x2="${sx(t).toFixed(1)}" y2="${bottom + 5}" stroke="#333333"/>`);
      out.push(`<text x="${sx(t).toFixed(1)}" y="${bottom + 18}" text-anchor="middle">${fmt(t)}</text>`);
    }
    out.push(`<line class="axis" x1="${margin.left}" y1="${bottom}" x2="${margin.left + plotWidth}" y2="${bottom}" stroke="#333333"/>`);
    out.push(`<line class="axis" x1="${margin.left}" y1="${top}" x2="${margin.left}" y2="${bottom}" stroke="#333333"/>`);
    out.push(`<text class="x-label" x="${margin.left + plotWidth / 2}" y="${bottom + 36}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`);
    const yMid = (top + bottom) / 2;
    out.push(
      `<text class="y-label" x="${margin.left - 52}" y="${yMid}" text-anchor="middle" transform="rotate(-90 ${margin.left - 52} ${yMid})">${escapeXml(panel.yLabel)}</text>`,
    );
    if (chart.marker) {
      const x = sx(chart.marker.x).toFixed(1);
      out.push(`<line class="marker" x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="#555555" stroke-dasharray="4 3"/>`);
      out.push(`<text x="${x}" y="${top - 2}" text-anchor="middle" fill="#555555">${escapeXml(chart.marker.label)}</text>`);
    }
    for (const [i, series] of panel.series.entries()) {
      const color = palette[i % palette.length]!;
      const points = finite(series);
      if (points.length > 0) {
        const coords = points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
        out.push(`<polyline data-series="${escapeXml(series.name)}" points="${coords}" fill="none" stroke="${color}" stroke-width="1.8"/>`);
      }
      const ly = top + 6 + i * 18;
      const lx = margin.left + plotWidth + 14;
      out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 18}" y2="${ly}" stroke="${color}" stroke-width="3"/>`);
      out.push(`<text x="${lx + 24}" y="${ly + 4}">${escapeXml(series.name)}${points.length ? '' : ' (not measured)'}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
