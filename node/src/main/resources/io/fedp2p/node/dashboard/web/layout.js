// Graph layout in the unit square: Fruchterman–Reingold forces for small graphs, a circle for large ones.
// Deterministic (no randomness): the same graph gives the same picture, and vertices a browser already placed
// keep their place when the topology changes.

/** Above this many vertices the page uses the circular layout and a canvas. */
export const FORCE_LIMIT = 300;

/**
 * @param nodes [{id}]
 * @param edges [{a, b}]
 * @param previous Map id → {x, y} from the last layout (may be empty)
 * @returns Map id → {x, y}, coordinates in [0.1, 0.9]
 */
export function layout(nodes, edges, previous) {
  const n = nodes.length;
  if (n === 0) return new Map();
  if (n > FORCE_LIMIT) return circle(nodes);
  const known = nodes.every((v) => previous.has(v.id));
  if (known && previous.size === n) return previous;
  const index = new Map(nodes.map((v, i) => [v.id, i]));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let fresh = 0;
  nodes.forEach((v, i) => {
    const p = previous.get(v.id);
    if (p) {
      x[i] = p.x;
      y[i] = p.y;
    } else {
      const a = (2 * Math.PI * i) / n;
      x[i] = 0.5 + 0.35 * Math.cos(a);
      y[i] = 0.5 + 0.35 * Math.sin(a);
      fresh++;
    }
  });
  const links = edges.map((e) => [index.get(e.a), index.get(e.b)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const warm = fresh < n / 4;
  relax(x, y, links, warm ? 60 : n <= 60 ? 400 : 220, warm ? 0.03 : 0.12);
  return normalise(nodes, x, y);
}

function relax(x, y, links, iterations, startTemperature) {
  const n = x.length;
  const k = Math.sqrt(1 / n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ex = x[i] - x[j];
        let ey = y[i] - y[j];
        let d2 = ex * ex + ey * ey;
        if (d2 < 1e-9) {
          ex = 1e-3 * ((i % 7) - 3 + 0.5);
          ey = 1e-3 * ((j % 5) - 2 + 0.5);
          d2 = ex * ex + ey * ey;
        }
        const f = (k * k) / d2; // repulsion k²/d, along the unit vector e/d
        dx[i] += ex * f;
        dy[i] += ey * f;
        dx[j] -= ex * f;
        dy[j] -= ey * f;
      }
    }
    for (const [a, b] of links) {
      const ex = x[a] - x[b];
      const ey = y[a] - y[b];
      const d = Math.sqrt(ex * ex + ey * ey) + 1e-9;
      const f = d / k; // attraction d²/k, along e/d
      dx[a] -= ex * f;
      dy[a] -= ey * f;
      dx[b] += ex * f;
      dy[b] += ey * f;
    }
    const t = startTemperature * (1 - it / iterations) + 0.002;
    for (let i = 0; i < n; i++) {
      dx[i] += (0.5 - x[i]) * 0.05 * n * k; // gravity keeps separate components on screen
      dy[i] += (0.5 - y[i]) * 0.05 * n * k;
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) + 1e-12;
      const step = Math.min(len, t);
      x[i] += (dx[i] / len) * step;
      y[i] += (dy[i] / len) * step;
    }
  }
}

function normalise(nodes, x, y) {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    minX = Math.min(minX, x[i]); maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]); maxY = Math.max(maxY, y[i]);
  }
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const ox = (span - (maxX - minX)) / 2;
  const oy = (span - (maxY - minY)) / 2;
  const out = new Map();
  nodes.forEach((v, i) => {
    out.set(v.id, { x: 0.1 + (0.8 * (x[i] - minX + ox)) / span, y: 0.1 + (0.8 * (y[i] - minY + oy)) / span });
  });
  return out;
}

function circle(nodes) {
  const out = new Map();
  const n = nodes.length;
  nodes.forEach((v, i) => {
    const a = (2 * Math.PI * i) / n - Math.PI / 2;
    out.set(v.id, { x: 0.5 + 0.46 * Math.cos(a), y: 0.5 + 0.46 * Math.sin(a) });
  });
  return out;
}
