// DOM helpers. Every string from the server (peer ids, addresses, agent strings, reasons) is peer- or
// user-controlled: it is only ever set as text (textContent, attribute values), never parsed as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element with attributes and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element with attributes and children. */
export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

/** Removes all children. */
export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** 1234567 → "1.2 MB". */
export function bytes(n) {
  if (!Number.isFinite(n) || n <= 0) return '0 B';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  const i = Math.min(units.length - 1, Math.floor(Math.log10(n) / 3));
  const v = n / 10 ** (3 * i);
  return `${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

/** The last six characters of a long id, as the graph labels show it. */
export function shortId(id) {
  return id.length <= 8 ? id : `…${id.slice(-6)}`;
}

/**
 * A colour for a relative reputation in [0, 1] (null: unknown), in three bins that match the legend: trusted
 * (≥ 2/3, blue), doubtful (≥ 1/3, amber), distrusted (red). Blue and red stay apart for common colour blindness.
 */
export function reputationColour(rep) {
  const css = getComputedStyle(document.documentElement);
  const v = (name) => css.getPropertyValue(name).trim();
  if (rep === null || rep === undefined || !Number.isFinite(rep)) return v('--rep-none');
  return rep >= 2 / 3 ? v('--rep-high') : rep >= 1 / 3 ? v('--rep-mid') : v('--rep-low');
}
