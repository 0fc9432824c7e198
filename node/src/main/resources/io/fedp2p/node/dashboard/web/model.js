// The page's copy of the server's DashboardHub: a snapshot on (re)connect, then events applied in order.

export class RunModel {
  constructor() {
    this.reset();
  }

  reset() {
    this.info = null;
    this.nodes = [];
    this.edges = [];
    this.marks = new Map();
    this.rounds = [];
    this.peers = [];
    this.progress = null;
    this.finished = false;
  }

  /** Replaces everything with a snapshot; returns the set of views to redraw. */
  applySnapshot(s) {
    this.reset();
    this.info = s.info;
    this.nodes = s.topology.nodes;
    this.edges = s.topology.edges;
    this.setMarks(s.marks);
    this.rounds = s.rounds;
    this.peers = s.peers;
    this.progress = s.progress;
    this.finished = s.finished;
    return new Set(['info', 'graph', 'charts', 'peers', 'progress']);
  }

  /** Applies one event; returns the set of views to redraw. */
  apply(type, data) {
    switch (type) {
      case 'info':
        this.info = data;
        return new Set(['info']);
      case 'topology':
        this.nodes = data.nodes;
        this.edges = data.edges;
        return new Set(['graph']);
      case 'marks':
        this.setMarks(data);
        return new Set(['graph']);
      case 'round': {
        while (this.rounds.length && this.rounds[this.rounds.length - 1].round >= data.round) this.rounds.pop();
        this.rounds.push(data);
        return new Set(['charts']);
      }
      case 'peers':
        this.peers = data;
        return new Set(['peers']);
      case 'progress':
        this.progress = data;
        return new Set(['progress']);
      case 'finished':
        this.finished = true;
        return new Set(['info', 'progress']);
      default:
        return new Set();
    }
  }

  setMarks(list) {
    this.marks = new Map(list.map((m) => [m.id, m]));
  }
}
