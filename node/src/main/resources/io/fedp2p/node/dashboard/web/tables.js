// The peer table (sortable by column) and the round-progress card.

import { bytes, clear, el, reputationColour, shortId } from './dom.js';

const COLUMNS = [
  { key: 'peerId', label: 'Peer', sort: (r) => r.peerId },
  { key: 'addrs', label: 'Address', sort: (r) => r.addrs[0] ?? '' },
  { key: 'reputation', label: 'Reputation', sort: (r) => r.reputation ?? -1 },
  { key: 'state', label: 'State', sort: (r) => (r.banned ? 0 : r.neighbour ? 2 : 1) },
  { key: 'accepted', label: 'Accepted', sort: (r) => r.accepted, num: true },
  { key: 'rejected', label: 'Rejected', sort: (r) => r.rejected, num: true },
  { key: 'lastOutcome', label: 'Last round', sort: (r) => r.lastOutcome ?? '' },
  { key: 'bytesIn', label: 'Bytes in', sort: (r) => r.bytesIn, num: true },
  { key: 'bytesOut', label: 'Bytes out', sort: (r) => r.bytesOut, num: true },
];

export class PeerTable {
  constructor(table, caption) {
    this.table = table;
    this.caption = caption;
    this.sortKey = 'reputation';
    this.descending = false;
  }

  render(peers) {
    const col = COLUMNS.find((c) => c.key === this.sortKey);
    const rows = peers.slice().sort((a, b) => {
      const x = col.sort(a);
      const y = col.sort(b);
      const c = x < y ? -1 : x > y ? 1 : a.peerId < b.peerId ? -1 : 1;
      return this.descending ? -c : c;
    });
    const banned = peers.filter((p) => p.banned).length;
    this.caption.textContent = `${peers.length} rows${banned ? ` · ${banned} banned` : ''}`;
    clear(this.table);
    const head = el('tr');
    for (const c of COLUMNS) {
      const sorted = c.key === this.sortKey;
      const button = el('button', { type: 'button' }, c.label + (sorted ? (this.descending ? ' ▾' : ' ▴') : ''));
      button.addEventListener('click', () => {
        this.descending = sorted ? !this.descending : false;
        this.sortKey = c.key;
        this.render(peers);
      });
      head.append(el('th', { scope: 'col', 'aria-sort': sorted ? (this.descending ? 'descending' : 'ascending') : null }, button));
    }
    const body = el('tbody');
    const top = Math.max(0, ...peers.map((p) => p.reputation ?? 0));
    for (const p of rows) body.append(row(p, top));
    if (rows.length === 0) body.append(el('tr', {}, el('td', { colspan: COLUMNS.length, class: 'muted' }, 'no peers yet')));
    this.table.append(el('thead', {}, head), body);
  }
}

function row(p, top) {
  const rep = p.reputation === null || p.reputation === undefined
    ? el('span', { class: 'muted' }, '—')
    : el('span', { title: 'bar: relative to the most trusted peer' }, repBar(top > 0 ? Math.max(0, p.reputation) / top : 0), p.reputation.toFixed(3));
  const state = p.banned
    ? el('span', { class: 'tag bad', title: p.reason ?? '' }, `banned${p.reason ? `: ${p.reason}` : ''}`)
    : p.neighbour ? el('span', { class: 'tag good' }, 'neighbour') : el('span', { class: 'tag' }, 'known');
  const outcome = p.lastOutcome ?? '';
  return el('tr', { class: p.banned ? 'banned' : null },
    el('td', { title: p.peerId }, el('code', {}, shortId(p.peerId)), p.byzantine ? ' ◆' : ''),
    el('td', { title: p.addrs.join('\n') }, p.addrs[0] ?? '—'),
    el('td', {}, rep),
    el('td', {}, state),
    el('td', { class: 'num' }, String(p.accepted)),
    el('td', { class: 'num' }, String(p.rejected)),
    el('td', { class: outcome && outcome !== 'accepted' ? 'bad' : null }, outcome || '—'),
    el('td', { class: 'num' }, bytes(p.bytesIn)),
    el('td', { class: 'num' }, bytes(p.bytesOut)));
}

function repBar(rep) {
  const bar = el('span', { class: 'repbar', 'aria-hidden': 'true' }, el('span'));
  bar.firstChild.style.width = `${Math.round(100 * Math.max(0, Math.min(1, rep)))}%`;
  bar.firstChild.style.background = reputationColour(rep);
  return bar;
}

export function renderProgress(box, progress, finished, last) {
  clear(box);
  if (!progress) return;
  const total = progress.totalRounds;
  const done = progress.round;
  box.append(el('div', { class: 'prog-row' },
    el('span', { class: 'prog-round', id: 'progress-round' }, `Round ${progress.round}`),
    el('span', { class: 'muted' }, total > 0 ? `of ${total}` : 'no round limit'),
    el('span', { class: 'pill' }, finished ? 'finished' : progress.phase)));
  if (total > 0) {
    const bar = el('div', { class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done }, el('span'));
    bar.firstChild.style.width = `${Math.min(100, (100 * done) / total)}%`;
    box.append(bar);
  }
  if (progress.steps > 0 && !finished) {
    const steps = el('div', { class: 'steps', 'aria-label': `gossip step ${progress.step} of ${progress.steps}` });
    for (let q = 0; q < progress.steps; q++) {
      const exchanging = progress.phase === 'exchange';
      steps.append(el('span', { class: exchanging && q < progress.step ? 'done' : exchanging && q === progress.step ? 'now' : null }));
    }
    box.append(el('div', { class: 'muted' }, progress.phase === 'exchange'
      ? `gossip step ${progress.step + 1} of ${progress.steps}` : `${progress.phase}; ${progress.steps} gossip steps per round`), steps);
  }
  if (last) box.append(lastRound(last));
  if (!finished) {
    const waiting = progress.waitingFor;
    box.append(el('div', { class: 'muted' }, waiting.length ? `waiting for ${waiting.length}:` : 'waiting for nobody'));
    const list = el('div', { class: 'waiting' });
    for (const w of waiting.slice(0, 40)) list.append(el('code', { title: w }, shortId(w)));
    if (waiting.length > 40) list.append(el('span', { class: 'muted' }, `+${waiting.length - 40} more`));
    box.append(list);
  }
}

function lastRound(r) {
  const parts = [`round ${r.round}`];
  if (r.accuracy) parts.push(`accuracy ${r.accuracy.mean.toFixed(3)}` + (r.accuracy.count > 1 ? ` (${r.accuracy.min.toFixed(3)}…${r.accuracy.max.toFixed(3)})` : ''));
  parts.push(`${r.accepted} accepted, ${r.rejected} rejected`);
  parts.push(`${bytes(r.bytes)} exchanged`);
  if (r.seconds > 0) parts.push(`${r.seconds.toFixed(1)} s`);
  return el('p', { class: 'muted last-round', id: 'last-round' }, `Last completed: ${parts.join(' · ')}`);
}
