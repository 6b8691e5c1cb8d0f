/**
 * Hand-written SVG charts for the HTML report: no library, no script, no inline style (the
 * page's Content-Security-Policy allows only its one hashed stylesheet), colours from CSS
 * classes so light and dark themes apply. Each chart is an `img` with a title and a
 * description that says in words what the bars show; a table with the figures follows it.
 */
import { escapeHtml as h } from '../format/html-escape.js';

export interface ChartText {
  id: string;
  title: string;
  /** The chart's content in a sentence or two, for screen readers and text browsers. */
  description: string;
}

function frame(text: ChartText, width: number, height: number, body: string): string {
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${text.id}-t ${text.id}-d" preserveAspectRatio="xMinYMin meet"><title id="${text.id}-t">${h(text.title)}</title><desc id="${text.id}-d">${h(text.description)}</desc>${body}</svg>`;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Labels share the chart with bars: a long name is cut, the full one is in the table. */
function shorten(label: string, width: number): string {
  const chars = [...label];
  return chars.length <= width ? label : `${chars.slice(0, width - 1).join('')}…`;
}

function rect(x: number, y: number, w: number, height: number, cls: string, rx = 3): string {
  return `<rect class="${cls}" x="${r1(x)}" y="${r1(y)}" width="${r1(Math.max(0, w))}" height="${r1(height)}" rx="${rx}"/>`;
}

function text(x: number, y: number, content: string, cls: string, anchor = 'start'): string {
  return `<text class="${cls}" x="${r1(x)}" y="${r1(y)}" text-anchor="${anchor}">${h(content)}</text>`;
}

/** Stages as centred bars narrowing down the page, counts and conversions on the right. */
export function funnelChart(
  chart: ChartText,
  stages: { label: string; value: number; note: string; conversion: string }[],
): string {
  const rowH = 50;
  // Labels end at the bars: the longest status ("implementable") sets where the bars begin, so
  // no label runs off the left edge. About 8 units a character at the label's size.
  const longest = Math.max(0, ...stages.map((s) => [...s.label].length));
  const barLeft = Math.max(104, 24 + longest * 8);
  const barArea = 300;
  const width = barLeft + barArea + 116;
  const max = Math.max(1, ...stages.map((s) => s.value));
  const body = stages
    .map((stage, i) => {
      const y = 10 + i * rowH;
      const w = Math.max(4, (stage.value / max) * barArea);
      const x = barLeft + (barArea - w) / 2;
      return [
        text(barLeft - 12, y + 22, stage.label, 'label', 'end'),
        rect(x, y + 4, w, 26, `bar s${Math.min(i, 6)}`),
        text(barLeft + barArea + 16, y + 18, String(stage.value), 'value'),
        text(barLeft + barArea + 16, y + 34, stage.note, 'note'),
        stage.conversion
          ? text(barLeft + barArea / 2, y + 45, stage.conversion, 'conv', 'middle')
          : '',
      ].join('');
    })
    .join('');
  return frame(chart, width, 16 + stages.length * rowH, body);
}

/** Vertical bars over labelled buckets, each bar's count above it. */
export function columnChart(
  chart: ChartText,
  columns: { label: string; value: number }[],
  cls = 'bar c-latency',
): string {
  const width = 520;
  const height = 210;
  const top = 24;
  const base = 176;
  const slot = (width - 20) / Math.max(1, columns.length);
  const max = Math.max(1, ...columns.map((c) => c.value));
  const body = columns
    .map((column, i) => {
      const x = 10 + i * slot;
      const barH = (column.value / max) * (base - top);
      return [
        rect(x + slot * 0.15, base - barH, slot * 0.7, barH, cls, 2),
        text(x + slot / 2, base - barH - 6, String(column.value), 'value', 'middle'),
        text(x + slot / 2, base + 20, column.label, 'label', 'middle'),
      ].join('');
    })
    .join('');
  return frame(
    chart,
    width,
    height,
    `<line class="axis" x1="10" y1="${base}" x2="${width - 10}" y2="${base}"/>${body}`,
  );
}

/** One row of columns per series over shared months: small multiples read better than one
 * chart where votes dwarf ideas. */
export function monthlyChart(
  chart: ChartText,
  months: string[],
  series: { label: string; values: number[]; cls: string }[],
): string {
  const width = 560;
  const left = 90;
  const rowH = 74;
  const slot = (width - left - 10) / Math.max(1, months.length);
  const every = Math.ceil(months.length / 12);
  const rows = series
    .map((s, row) => {
      const base = 14 + row * rowH + 56;
      const max = Math.max(1, ...s.values);
      const total = s.values.reduce((a, b) => a + b, 0);
      const bars = s.values
        .map((v, i) => {
          const barH = (v / max) * 46;
          return `${rect(left + i * slot + slot * 0.12, base - barH, slot * 0.76, barH, `bar ${s.cls}`, 2)}${
            v === max && v > 0
              ? text(
                  left + i * slot + slot / 2,
                  base - barH - 4,
                  String(v),
                  'value small',
                  'middle',
                )
              : ''
          }`;
        })
        .join('');
      return `${text(0, base - 24, s.label, 'label')}${text(0, base - 8, `${total} in all`, 'note')}<line class="axis" x1="${left}" y1="${base}" x2="${width - 10}" y2="${base}"/>${bars}`;
    })
    .join('');
  const labels = months
    .map((m, i) =>
      i % every === 0
        ? text(
            left + i * slot + slot / 2,
            14 + series.length * rowH + 8,
            m,
            'label small',
            'middle',
          )
        : '',
    )
    .join('');
  return frame(chart, width, 30 + series.length * rowH, rows + labels);
}

/** Teams as an indented tree, each with a pair of bars: ideas and votes, sub-teams included. */
export function teamChart(
  chart: ChartText,
  rows: { label: string; depth: number; ideas: number; votes: number }[],
): string {
  const width = 540;
  const rowH = 30;
  const labelW = 170;
  const half = (width - labelW - 40) / 2;
  const maxIdeas = Math.max(1, ...rows.map((r) => r.ideas));
  const maxVotes = Math.max(1, ...rows.map((r) => r.votes));
  const legend = `${rect(labelW, 4, 12, 12, 'bar c-ideas', 2)}${text(labelW + 18, 14, 'ideas', 'note')}${rect(labelW + half + 20, 4, 12, 12, 'bar c-votes', 2)}${text(labelW + half + 38, 14, 'votes', 'note')}`;
  const body = rows
    .map((row, i) => {
      const y = 26 + i * rowH;
      const wi = (row.ideas / maxIdeas) * (half - 36);
      const wv = (row.votes / maxVotes) * (half - 36);
      return [
        text(
          8 + row.depth * 14,
          y + 15,
          shorten(row.label, 19 - row.depth * 2),
          row.depth === 0 ? 'label strong' : 'label',
        ),
        rect(labelW, y + 3, wi, 16, 'bar c-ideas', 2),
        text(labelW + wi + 5, y + 16, String(row.ideas), 'value small'),
        rect(labelW + half + 20, y + 3, wv, 16, 'bar c-votes', 2),
        text(labelW + half + 20 + wv + 5, y + 16, String(row.votes), 'value small'),
      ].join('');
    })
    .join('');
  return frame(chart, width, 32 + rows.length * rowH, legend + body);
}

/** Two 100% bars, ideas and votes, cut into one segment per level of the team tree. */
export function shareChart(
  chart: ChartText,
  levels: { label: string; ideas: number; votes: number }[],
): string {
  const width = 540;
  const left = 56;
  const barW = width - left - 10;
  const totalIdeas = levels.reduce((a, l) => a + l.ideas, 0);
  const totalVotes = levels.reduce((a, l) => a + l.votes, 0);
  const stacked = (y: number, key: 'ideas' | 'votes', total: number) => {
    let x = left;
    return levels
      .map((level, i) => {
        const w = total === 0 ? 0 : (level[key] / total) * barW;
        const part = `${rect(x, y, w, 26, `bar l${Math.min(i, 4)}`, 0)}${
          w > 44
            ? text(
                x + w / 2,
                y + 18,
                `${Math.round((level[key] / total) * 100)}%`,
                'inbar',
                'middle',
              )
            : ''
        }`;
        x += w;
        return part;
      })
      .join('');
  };
  const legend = levels
    .map((level, i) => {
      const x = left + i * (barW / Math.max(1, levels.length));
      return `${rect(x, 88, 12, 12, `bar l${Math.min(i, 4)}`, 2)}${text(x + 18, 99, level.label, 'note')}`;
    })
    .join('');
  return frame(
    chart,
    width,
    110,
    `${text(0, 22, 'ideas', 'label')}${stacked(4, 'ideas', totalIdeas)}${text(0, 62, 'votes', 'label')}${stacked(44, 'votes', totalVotes)}${legend}`,
  );
}
