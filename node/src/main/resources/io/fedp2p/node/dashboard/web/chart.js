// A line chart of one per-round quantity: the mean as a line, min…max as a band. Long runs are downsampled to at
// most MAX_BUCKETS buckets (min of minima, mean of means, max of maxima), so 100,000 rounds draw as fast as 600.

import { clear, svg } from './dom.js';

const W = 560;
const H = 210;
const PAD = { left: 44, right: 56, top: 10, bottom: 26 };
const MAX_BUCKETS = 600;

export class LineChart {
  /**
   * @param box the container
   * @param opts {name, field ('accuracy' | 'loss'), fixed: [lo, hi] or null, format: v → string}
   */
  constructor(box, opts) {
    this.box = box;
    this.opts = opts;
  }

  render(rounds) {
    const pts = rounds.filter((r) => r[this.opts.field]).map((r) => ({ x: r.round, ...r[this.opts.field] }));
    this.box.dataset.points = String(pts.length);
    clear(this.box);
    const last = pts[pts.length - 1];
    const label = pts.length
      ? `${this.opts.name}: ${pts.length} rounds, last mean ${this.opts.format(last.mean)} (min ${this.opts.format(last.min)}, max ${this.opts.format(last.max)})`
      : `${this.opts.name}: no rounds yet`;
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label });
    root.append(svg('title', {}, label));
    this.box.append(root);
    if (pts.length === 0) {
      root.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, 'waiting for the first round…'));
      return;
    }
    const data = downsample(pts);
    const [x0, x1] = [data[0].x, Math.max(data[data.length - 1].x, data[0].x + 1)];
    const [y0, y1] = this.opts.fixed ?? niceRange(Math.min(...data.map((p) => p.min)), Math.max(...data.map((p) => p.max)));
    const sx = (x) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
    const sy = (y) => H - PAD.bottom - ((y - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom);
    this.axes(root, x0, x1, y0, y1, sx, sy);
    const upper = data.map((p) => `${sx(p.x).toFixed(1)},${sy(p.max).toFixed(1)}`);
    const lower = data.slice().reverse().map((p) => `${sx(p.x).toFixed(1)},${sy(p.min).toFixed(1)}`);
    root.append(svg('polygon', { class: 'band', points: upper.concat(lower).join(' ') }));
    root.append(svg('polyline', { class: 'mean', points: data.map((p) => `${sx(p.x).toFixed(1)},${sy(p.mean).toFixed(1)}`).join(' ') }));
    if (data.length <= 60) {
      for (const p of data) {
        root.append(svg('circle', { class: 'dot', cx: sx(p.x).toFixed(1), cy: sy(p.mean).toFixed(1), r: 2.6 },
          svg('title', {}, `round ${p.x}: mean ${this.opts.format(p.mean)}, min ${this.opts.format(p.min)}, max ${this.opts.format(p.max)}`)));
      }
    }
    root.append(svg('text', { class: 'last', x: sx(last.x) + 6, y: sy(last.mean) + 4 }, this.opts.format(last.mean)));
  }

  axes(root, x0, x1, y0, y1, sx, sy) {
    const ys = ticks(y0, y1, 5);
    const decimals = ys.length > 1 ? Math.max(0, Math.min(4, -Math.floor(Math.log10(ys[1] - ys[0] + 1e-12)))) : 2;
    for (const y of ys) {
      root.append(svg('line', { class: 'grid-line', x1: PAD.left, x2: W - PAD.right, y1: sy(y), y2: sy(y) }));
      root.append(svg('text', { class: 'tick', x: PAD.left - 6, y: sy(y) + 3, 'text-anchor': 'end' }, y.toFixed(decimals)));
    }
    for (const x of ticks(x0, x1, 6).filter((v) => Number.isInteger(v))) {
      root.append(svg('text', { class: 'tick', x: sx(x), y: H - PAD.bottom + 14, 'text-anchor': 'middle' }, String(x)));
    }
    root.append(svg('line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom }));
    root.append(svg('text', { class: 'tick', x: W - PAD.right, y: H - 2, 'text-anchor': 'end' }, 'round'));
  }
}

function downsample(pts) {
  if (pts.length <= MAX_BUCKETS) return pts;
  const size = Math.ceil(pts.length / MAX_BUCKETS);
  const out = [];
  for (let i = 0; i < pts.length; i += size) {
    const b = pts.slice(i, i + size);
    out.push({
      x: b[b.length - 1].x,
      min: Math.min(...b.map((p) => p.min)),
      mean: b.reduce((s, p) => s + p.mean, 0) / b.length,
      max: Math.max(...b.map((p) => p.max)),
    });
  }
  return out;
}

function niceRange(lo, hi) {
  if (lo === hi) return [lo - 0.5 * Math.abs(lo || 1), hi + 0.5 * Math.abs(hi || 1)];
  const pad = (hi - lo) * 0.08;
  return [Math.max(0, lo - pad) === 0 && lo >= 0 ? 0 : lo - pad, hi + pad];
}

function ticks(lo, hi, count) {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}
