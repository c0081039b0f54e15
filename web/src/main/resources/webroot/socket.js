// One live-room connection (protocol v1, docs/protocol.md): envelopes, request ids, a heartbeat, and
// reconnecting with backoff. It knows nothing about screens; they listen for message types and status.

/** Close codes after which reconnecting would be wrong: the game ended, another tab took over, kicked, or a client bug. */
const FINAL_CLOSES = new Map([
  [1000, 'left'],
  [1009, 'client_error'],
  [4000, 'over'],
  [4001, 'replaced'],
  [4003, 'kicked'],
  [4008, 'client_error'],
]);
const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 10000];
const HEARTBEAT_MS = 15000;
const PONG_WAIT_MS = 8000;
const REPLIES = new Set(['ok', 'answer_ack', 'pong', 'error']);

export function socketUrl() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

export class RoomSocket {
  /**
   * @param hello called on every (re)connect; returns the first message {type, ...fields}: `host`, `join` or `resume`
   */
  constructor(hello, { url = socketUrl() } = {}) {
    this.hello = hello;
    this.url = url;
    this.listeners = new Map();
    this.pending = new Map();
    this.nextId = 1;
    this.attempt = 0;
    this.state = 'idle';
    this.ws = null;
    this.onOnline = () => { if (this.state === 'waiting') this.reconnectNow(); };
    window.addEventListener('online', this.onOnline);
  }

  /** Listens for a server message type, or 'status' ({state, delayMs, reason}) and 'any'. Returns an unsubscribe. */
  on(type, listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type).add(listener);
    return () => this.listeners.get(type).delete(listener);
  }

  emit(type, payload) {
    for (const listener of [...(this.listeners.get(type) || [])]) listener(payload);
  }

  setState(state, extra = {}) {
    this.state = state;
    this.emit('status', { state, ...extra });
  }

  connect() {
    clearTimeout(this.retryTimer);
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.addEventListener('open', () => {
      const { type, ...fields } = this.hello();
      this.send(type, fields);
      this.startHeartbeat();
    });
    ws.addEventListener('message', (event) => this.receive(event.data));
    ws.addEventListener('close', (event) => {
      if (ws !== this.ws) return;
      this.closed(event.code, event.reason);
    });
    return this;
  }

  receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    this.lastHeard = Date.now();
    if (message.type === 'welcome') {
      this.attempt = 0;
      this.setState('open');
    }
    if (REPLIES.has(message.type) && message.re !== undefined && this.pending.has(message.re)) {
      const { resolve, reject } = this.pending.get(message.re);
      this.pending.delete(message.re);
      if (message.type === 'error') reject(Object.assign(new Error(message.message), { code: message.code }));
      else resolve(message);
    }
    this.emit(message.type, message);
    this.emit('any', message);
  }

  /** Sends a message and returns its id. */
  send(type, fields = {}) {
    const id = `c${this.nextId++}`;
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify({ v: 1, type, id, ...fields }));
    }
    return id;
  }

  /** Sends a message and resolves with its reply (`ok`, `answer_ack`, `pong`) or rejects with the `error`'s code and message. */
  request(type, fields = {}) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
      return Promise.reject(Object.assign(new Error('Not connected right now: try again in a moment.'), { code: 'offline' }));
    }
    const id = this.send(type, fields);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  startHeartbeat() {
    clearInterval(this.heartbeat);
    this.lastHeard = Date.now();
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastHeard > HEARTBEAT_MS + PONG_WAIT_MS) {
        // The network went quiet without a close event (a phone that slept, a dead Wi-Fi): start over.
        this.ws.close(3000, 'heartbeat timeout');
        this.closed(1006, 'heartbeat timeout');
        return;
      }
      this.send('ping');
    }, HEARTBEAT_MS);
  }

  closed(code, reason) {
    clearInterval(this.heartbeat);
    this.ws = null;
    for (const { reject } of this.pending.values()) reject(Object.assign(new Error('The connection dropped.'), { code: 'offline' }));
    this.pending.clear();
    if (this.state === 'stopped') return;
    if (FINAL_CLOSES.has(code)) {
      this.setState('closed', { code, reason: FINAL_CLOSES.get(code) });
      this.dispose();
      return;
    }
    const delayMs = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    // Jitter spreads a whole class reconnecting after the same Wi-Fi hiccup.
    const jittered = Math.round(delayMs * (0.8 + Math.random() * 0.4));
    this.attempt += 1;
    this.setState('waiting', { code, delayMs: jittered, attempt: this.attempt });
    this.retryTimer = setTimeout(() => this.connect(), jittered);
  }

  reconnectNow() {
    clearTimeout(this.retryTimer);
    this.connect();
  }

  /** Ends the connection on purpose: no reconnect. */
  stop() {
    this.setState('stopped');
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    if (this.ws) this.ws.close(1000);
    this.ws = null;
    this.dispose();
  }

  dispose() {
    window.removeEventListener('online', this.onOnline);
  }
}
