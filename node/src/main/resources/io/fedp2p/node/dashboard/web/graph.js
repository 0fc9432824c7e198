// The topology view: SVG for up to FORCE_LIMIT vertices (each vertex a focusable group with a tooltip), a canvas
// with a circular layout and at most MAX_CANVAS_EDGES sampled edges above that.

import { clear, el, svg, reputationColour } from './dom.js';
import { FORCE_LIMIT, layout } from './layout.js';

const SIZE = 600; // SVG user units; the viewBox scales it to the card
const MAX_CANVAS_EDGES = 4000;

export class GraphView {
  constructor(figure, caption) {
    this.figure = figure;
    this.caption = caption;
    this.positions = new Map();
    this.topologyKey = '';
  }

  /** Redraws for the model's topology and marks. */
  render(model) {
    const { nodes, edges } = model;
    const key = nodes.map((v) => v.id).join('\u0000') + '|' + edges.map((e) => `${e.a}\u0000${e.b}`).join('\u0001');
    if (key !== this.topologyKey) {
      this.positions = layout(nodes, edges, this.positions);
      this.topologyKey = key;
    }
    this.figure.dataset.nodeCount = String(nodes.length);
    this.figure.dataset.edgeCount = String(edges.length);
    const byz = nodes.filter((v) => v.byzantine).length;
    const banned = nodes.filter((v) => model.marks.get(v.id)?.banned).length;
    this.caption.textContent = `${nodes.length} nodes · ${edges.length} links` +
      (byz ? ` · ${byz} Byzantine` : '') + (banned ? ` · ${banned} banned` : '');
    clear(this.figure);
    if (nodes.length === 0) {
      this.figure.append(svg('svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'img', 'aria-label': 'no topology yet' },
        svg('text', { x: SIZE / 2, y: SIZE / 2, 'text-anchor': 'middle', class: 'empty' }, 'waiting for the topology…')));
    } else if (nodes.length > FORCE_LIMIT) {
      this.drawCanvas(model);
    } else {
      this.drawSvg(model);
    }
  }

  drawSvg(model) {
    const { nodes, edges, marks } = model;
    const maxBytes = Math.max(1, ...edges.map((e) => e.bytes));
    const r = nodes.length <= 30 ? 11 : nodes.length <= 100 ? 7 : 4.5;
    const root = svg('svg', {
      viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'img',
      'aria-label': `topology: ${nodes.length} nodes and ${edges.length} links`,
    });
    const edgeLayer = svg('g', { class: 'edges' });
    for (const e of edges) {
      const p = this.positions.get(e.a);
      const q = this.positions.get(e.b);
      if (!p || !q) continue;
      const w = e.bytes > 0 ? Math.log1p(e.bytes) / Math.log1p(maxBytes) : 0;
      edgeLayer.append(svg('line', {
        class: 'edge', x1: p.x * SIZE, y1: p.y * SIZE, x2: q.x * SIZE, y2: q.y * SIZE,
        'stroke-width': (0.8 + 3.2 * w).toFixed(2), 'stroke-opacity': (0.25 + 0.5 * w).toFixed(2),
      }));
    }
    const nodeLayer = svg('g', { class: 'nodes' });
    for (const v of nodes) nodeLayer.append(this.vertex(v, marks.get(v.id), r, nodes.length <= 40));
    root.append(edgeLayer, nodeLayer);
    this.figure.append(root);
  }

  vertex(v, mark, r, labelled) {
    const p = this.positions.get(v.id);
    const cx = p.x * SIZE;
    const cy = p.y * SIZE;
    const banned = Boolean(mark?.banned);
    const fill = banned ? getComputedStyle(document.documentElement).getPropertyValue('--banned').trim()
      : reputationColour(mark?.reputation);
    const classes = ['node', v.self ? 'self' : '', banned ? 'banned' : '', v.byzantine ? 'byzantine' : ''].join(' ').trim();
    const g = svg('g', { class: classes, 'data-id': v.id, tabindex: 0 });
    const rep = mark && mark.reputation !== null && mark.reputation !== undefined ? mark.reputation.toFixed(3) : 'unknown';
    const tip = [v.self ? `${v.id} (this node)` : v.id, `reputation ${rep}`];
    if (v.byzantine) tip.push('Byzantine (simulation ground truth)');
    if (banned) tip.push(`banned${mark.reason ? `: ${mark.reason}` : ''}`);
    g.append(svg('title', {}, tip.join('\n')));
    if (v.byzantine) {
      const s = r * 1.35;
      g.append(svg('path', { d: `M${cx} ${cy - s}L${cx + s} ${cy}L${cx} ${cy + s}L${cx - s} ${cy}Z`, fill }));
    } else {
      g.append(svg('circle', { cx, cy, r, fill }));
    }
    if (banned) {
      const c = r * 0.5;
      g.append(svg('path', { class: 'cross', d: `M${cx - c} ${cy - c}L${cx + c} ${cy + c}M${cx + c} ${cy - c}L${cx - c} ${cy + c}` }));
    }
    if (v.self || banned) g.append(svg('circle', { class: 'ring', cx, cy, r: r + 4 }));
    if (labelled) g.append(svg('text', { class: 'label', x: cx, y: cy + r + 12, 'text-anchor': 'middle' }, v.label));
    return g;
  }

  drawCanvas(model) {
    const { nodes, edges, marks } = model;
    const canvas = el('canvas', { role: 'img', 'aria-label': `topology: ${nodes.length} nodes, circular layout` });
    this.figure.append(canvas);
    const box = this.figure.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    const side = Math.max(200, Math.min(box.width, Math.max(box.height, 420)));
    canvas.width = side * dpr;
    canvas.height = side * dpr;
    const ctx = canvas.getContext('2d');
    ctx.scale(dpr, dpr);
    const stride = Math.max(1, Math.ceil(edges.length / MAX_CANVAS_EDGES)); // simple downsampling
    ctx.strokeStyle = getComputedStyle(document.documentElement).getPropertyValue('--muted').trim();
    ctx.globalAlpha = 0.15;
    ctx.lineWidth = 0.5;
    ctx.beginPath();
    for (let i = 0; i < edges.length; i += stride) {
      const p = this.positions.get(edges[i].a);
      const q = this.positions.get(edges[i].b);
      if (!p || !q) continue;
      ctx.moveTo(p.x * side, p.y * side);
      ctx.lineTo(q.x * side, q.y * side);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
    const r = Math.max(1.5, Math.min(4, 600 / nodes.length));
    for (const v of nodes) {
      const p = this.positions.get(v.id);
      const m = marks.get(v.id);
      ctx.fillStyle = m?.banned ? '#2b2b2b' : reputationColour(m?.reputation);
      ctx.beginPath();
      if (v.byzantine) ctx.rect(p.x * side - r, p.y * side - r, 2 * r, 2 * r);
      else ctx.arc(p.x * side, p.y * side, r, 0, 2 * Math.PI);
      ctx.fill();
    }
    if (stride > 1) this.caption.textContent += ` · every ${stride}th link drawn`;
  }
}
