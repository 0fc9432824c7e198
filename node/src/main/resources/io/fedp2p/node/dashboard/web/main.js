// Entry point: keeps one EventSource to ./events, applies the snapshot and events to the model, and redraws the
// views that changed once per animation frame.

import { clear, el } from './dom.js';
import { GraphView } from './graph.js';
import { LineChart } from './chart.js';
import { RunModel } from './model.js';
import { PeerTable, renderProgress } from './tables.js';

const RECONNECT_MS = 3000;
const model = new RunModel();
const graph = new GraphView(document.getElementById('graph'), document.getElementById('graph-caption'));
const accuracy = new LineChart(document.getElementById('accuracy-chart'), {
  name: 'honest test accuracy', field: 'accuracy', fixed: [0, 1], format: (v) => v.toFixed(2),
});
const loss = new LineChart(document.getElementById('loss-chart'), {
  name: 'honest test loss', field: 'loss', fixed: null, format: (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3)),
});
const peers = new PeerTable(document.getElementById('peer-table'), document.getElementById('peers-caption'));
const connection = document.getElementById('connection');
let dirty = new Set();
let frame = 0;

function schedule(views) {
  for (const v of views) dirty.add(v);
  if (!frame) frame = requestAnimationFrame(draw);
}

function draw() {
  frame = 0;
  const views = dirty;
  dirty = new Set();
  if (views.has('info')) drawInfo();
  if (views.has('graph')) graph.render(model);
  if (views.has('charts')) {
    accuracy.render(model.rounds);
    loss.render(model.rounds);
  }
  if (views.has('peers')) peers.render(model.peers);
  if (views.has('progress') || views.has('charts')) {
    renderProgress(document.getElementById('progress'), model.progress, model.finished, model.rounds[model.rounds.length - 1]);
  }
}

function drawInfo() {
  const info = model.info;
  if (!info) return;
  document.title = `${info.title} · fedp2p`;
  document.getElementById('title').textContent = info.title;
  document.getElementById('mode').textContent = info.mode;
  const facts = clear(document.getElementById('facts'));
  for (const [k, v] of Object.entries(info.facts)) {
    if (v === '') continue;
    facts.append(el('div', {}, el('dt', {}, k), el('dd', { title: v }, v)));
  }
  document.querySelector('.peers h2').textContent = info.mode === 'node' ? 'Peers' : 'Nodes';
  document.getElementById('legend-self').hidden = info.mode !== 'node';
  document.getElementById('legend-byzantine').hidden = info.mode === 'node';
  if (model.finished) setConnection('finished', 'finished');
}

function setConnection(state, text) {
  connection.className = `conn ${state}`;
  connection.textContent = text;
}

function connect() {
  const source = new EventSource('events');
  source.addEventListener('open', () => setConnection(model.finished ? 'finished' : 'live', model.finished ? 'finished' : 'live'));
  source.addEventListener('snapshot', (e) => {
    schedule(model.applySnapshot(JSON.parse(e.data)));
    setConnection(model.finished ? 'finished' : 'live', model.finished ? 'finished' : 'live');
  });
  for (const type of ['info', 'topology', 'marks', 'round', 'peers', 'progress', 'finished']) {
    source.addEventListener(type, (e) => {
      schedule(model.apply(type, JSON.parse(e.data)));
      if (type === 'finished') setConnection('finished', 'finished');
    });
  }
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      // the browser gave up (e.g. the server answered with an error): try again ourselves
      setConnection('retry', 'disconnected, retrying…');
      source.close();
      setTimeout(connect, RECONNECT_MS);
    } else {
      setConnection('retry', 'reconnecting…');
    }
  });
}

connect();
