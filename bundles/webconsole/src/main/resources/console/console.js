// evi4j web console. Everything shown comes from outside (event names, params, sockets): it is only ever set as
// text (textContent, createTextNode, setAttribute on data-* and title), never parsed as HTML.
'use strict';
(function () {
  const STATE_MS = 1000, TAIL_MAX = 300, CHART_S = 300;
  const COLORS = ['#0b62c4', '#cf222e', '#1a7f37', '#8250df', '#bc4c00', '#0a7b83', '#bf3989', '#6e7781'];
  const $ = (id) => document.getElementById(id);
  let state = { events: [], sockets: [] }, fetchedAt = 0, miPath = '/mi', rpcId = 0, paused = false;
  let shown = 0, skipped = 0;
  const seconds = new Map();          // epoch second -> {event: raises}
  const colorOf = new Map();

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function num(v) { return Number(v).toLocaleString('en-US'); }
  function cell(value, cls) {
    const td = el('td', 'n' + (cls ? ' ' + cls : ''), num(value));
    if (Number(value) === 0) td.classList.add('zero');
    return td;
  }
  function fill(tbody, rows, emptyText, columns) {
    tbody.replaceChildren(...(rows.length ? rows : [emptyRow(emptyText, columns)]));
  }
  function emptyRow(text, columns) {
    const tr = el('tr', 'empty'), td = el('td', null, text);
    td.colSpan = columns; tr.append(td); return tr;
  }
  function ttlText(ttl) {
    if (ttl <= 0) return 'expired';
    const h = Math.floor(ttl / 3600), m = Math.floor(ttl % 3600 / 60), s = Math.floor(ttl % 60);
    const two = (n) => String(n).padStart(2, '0');
    return h ? h + ':' + two(m) + ':' + two(s) : m + ':' + two(s);
  }
  function colour(name) {
    if (!colorOf.has(name)) colorOf.set(name, COLORS[colorOf.size % COLORS.length]);
    return colorOf.get(name);
  }

  // ---- state: events, subscribers, MI sockets -------------------------------------------------------------------
  async function refresh() {
    try {
      const r = await fetch('/console/state', { cache: 'no-store' });
      if (!r.ok) throw new Error('HTTP ' + r.status);
      state = await r.json();
      fetchedAt = Date.now();
      const http = state.sockets.find((s) => s.socket.startsWith('http:'));
      if (http) miPath = http.socket.substring(5);
      render();
    } catch (e) {
      $('events-count').textContent = 'state unavailable: ' + e.message;
    }
  }

  function lastRate(name) {
    const now = Math.floor(Date.now() / 1000);
    let sum = 0;
    for (let t = now - 4; t <= now; t++) { const s = seconds.get(t); if (s && s[name]) sum += s[name]; }
    return Math.round(sum / 5 * 10) / 10;
  }

  function render() {
    const events = state.events;
    $('events-count').textContent = state.core ? events.length + ' published' : 'no Event Interface running';
    fill($('events').tBodies[0], events.map((ev) => {
      const tr = el('tr', 'pick');
      tr.dataset.event = ev.name;
      tr.title = 'pick ' + ev.name + ' in the forms';
      tr.append(el('td', 'name', ev.name), cell(ev.raised), cell(lastRate(ev.name)), cell(ev.subscribers.length));
      tr.addEventListener('click', () => pick(ev.name));
      return tr;
    }), 'no events published', 4);
    renderSubscribers();
    fill($('sockets').tBodies[0], state.sockets.map((s) => {
      const tr = el('tr');
      tr.append(el('td', 'sock', s.socket), cell(s.requests), cell(s.replies), cell(s.errors, s.errors ? 'bad' : ''),
        cell(s.refused, s.refused ? 'bad' : ''));
      return tr;
    }), 'no MI sockets open', 5);
    $('sockets-count').textContent = state.sockets.length || '';
    choices(events.map((e) => e.name));
  }

  function renderSubscribers() {
    const elapsed = fetchedAt ? (Date.now() - fetchedAt) / 1000 : 0;
    const rows = [];
    for (const ev of state.events) {
      for (const s of ev.subscribers) {
        const ttl = Math.max(0, Math.round(s.ttl - elapsed));
        const tr = el('tr');
        tr.dataset.event = ev.name;
        tr.dataset.socket = s.socket;
        const sock = el('td', 'sock');
        sock.append(document.createTextNode(s.socket));
        sock.title = s.socket + '  (encoder ' + s.encoder + ', expire ' + s.expire + ' s)'
          + (s.lastError ? '\nlast error: ' + s.lastError : '');
        if (s.lastError) {
          const mark = el('span', 'warn', '\u26a0');
          mark.title = 'last error: ' + s.lastError;
          sock.prepend(mark);
          tr.title = 'last error: ' + s.lastError;
        }
        const ttlCell = el('td', 'n' + (ttl < 60 ? ' expiring' : ''), ttlText(ttl));
        const x = el('button', 'x', '\u00d7');
        x.type = 'button';
        x.title = 'unsubscribe ' + s.socket + ' from ' + ev.name;
        x.addEventListener('click', () => unsubscribe(ev.name, s.socket));
        const action = el('td'); action.append(x);
        tr.append(el('td', 'name', ev.name), sock, ttlCell, cell(s.sent), cell(s.delivered),
          cell(s.failed, s.failed ? 'bad' : ''), cell(s.dropped, s.dropped ? 'bad' : ''),
          cell(s.undelivered, s.undelivered ? 'bad' : ''), action);
        rows.push(tr);
      }
    }
    fill($('subscribers').tBodies[0], rows, 'no live subscribers: subscribe a socket with the form', 9);
    const failing = state.events.reduce((n, ev) => n + ev.subscribers.filter((s) => s.lastError).length, 0);
    $('subscribers-count').textContent = rows.length ? rows.length + (failing ? ', ' + failing
      + ' with errors (\u26a0: hover for the last one)' : '') : '';
  }

  function choices(names) {
    for (const select of document.querySelectorAll('select.event-choice')) {
      const current = select.value;
      const have = Array.from(select.options).map((o) => o.value);
      if (have.length === names.length && have.every((n, i) => n === names[i])) continue;
      select.replaceChildren(...names.map((n) => { const o = el('option', null, n); o.value = n; return o; }));
      if (names.includes(current)) select.value = current;
    }
  }
  function pick(name) { $('sub-event').value = name; $('raise-event').value = name; }

  // ---- MI over HTTP (same origin, JSON-RPC) ---------------------------------------------------------------------
  async function mi(method, params) {
    const out = $('result');
    out.title = '';
    try {
      const r = await fetch(miPath, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', method: method, params: params, id: ++rpcId }) });
      const text = await r.text();
      const reply = text ? JSON.parse(text) : {};
      if (!r.ok || reply.error) {
        out.className = 'result bad';
        out.textContent = method + ': ' + (reply.error ? reply.error.code + ' ' + reply.error.message : 'HTTP ' + r.status);
        return false;
      }
      out.className = 'result ok';
      out.textContent = method + ': ' + JSON.stringify(reply.result);
      out.title = out.textContent;
      return true;
    } catch (e) {
      out.className = 'result bad';
      out.textContent = method + ': ' + e.message;
      return false;
    } finally {
      refresh();
    }
  }
  function unsubscribe(event, socket) { return mi('event_subscribe', { event: event, socket: socket, expire: 0 }); }

  $('subscribe-form').addEventListener('submit', (e) => {
    e.preventDefault();
    mi('event_subscribe', { event: $('sub-event').value, socket: $('sub-socket').value.trim(),
      expire: Number($('sub-expire').value || 3600) });
  });
  $('unsub-button').addEventListener('click', () => unsubscribe($('sub-event').value, $('sub-socket').value.trim()));
  $('raise-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('raise-params').value.trim();
    let params;
    try {
      params = text ? JSON.parse(text) : undefined;
    } catch (err) {
      $('result').className = 'result bad';
      $('result').textContent = 'params are not JSON: ' + err.message;
      return;
    }
    mi('raise_event', params === undefined ? { event: $('raise-event').value }
      : { event: $('raise-event').value, params: params });
  });
  $('pause').addEventListener('click', () => {
    paused = !paused;
    $('pause').textContent = paused ? 'Resume' : 'Pause';
  });

  // ---- live tail and chart (server-sent events) -----------------------------------------------------------------
  function tailLine(ev) {
    const li = el('li', 'fresh');
    li.dataset.event = ev.name;
    li.append(el('span', 't', new Date(ev.time).toLocaleTimeString('en-GB')), document.createTextNode(' '),
      el('span', 'e', ev.name), document.createTextNode(' '));
    for (const p of ev.params) {
      if (p.name !== null) li.append(el('span', 'k', p.name + '='));
      li.append(el('span', 'v', p.value === null ? 'null' : typeof p.value === 'string' ? '"' + p.value + '"' : p.value));
      li.append(document.createTextNode(' '));
    }
    li.title = li.textContent;
    setTimeout(() => li.classList.remove('fresh'), 1500);
    return li;
  }
  function onRaised(batch) {
    skipped += batch.skipped;
    if (paused) { skipped += batch.events.length; } else {
      const tail = $('tail');
      for (const ev of batch.events) { tail.prepend(tailLine(ev)); shown++; }
      while (tail.children.length > TAIL_MAX) tail.lastChild.remove();
    }
    $('tail-count').textContent = num(shown) + ' shown' + (skipped ? ', ' + num(skipped) + ' sampled out' : '');
  }
  function onRates(msg) {
    for (const s of msg.seconds) seconds.set(s.t, s.r);
    const oldest = Math.floor(Date.now() / 1000) - CHART_S;
    for (const t of seconds.keys()) if (t < oldest) seconds.delete(t);
    drawChart();
  }
  function connect() {
    const source = new EventSource('/console/events');
    source.onopen = () => { $('link').textContent = 'live'; $('link').className = 'link up'; };
    source.onerror = () => { $('link').textContent = 'reconnecting'; $('link').className = 'link down'; };
    source.addEventListener('raised', (m) => onRaised(JSON.parse(m.data)));
    source.addEventListener('rates', (m) => onRates(JSON.parse(m.data)));
  }

  // a tick step of 1, 2 or 5 times a power of ten giving at most 5 intervals up to the highest value
  function niceStep(v) {
    const raw = Math.max(v, 4) / 5, p = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }
  function drawChart() {
    const canvas = $('chart'), ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = 150;
    if (canvas.width !== Math.round(w * ratio)) { canvas.width = Math.round(w * ratio); canvas.height = h * ratio; }
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    const now = Math.floor(Date.now() / 1000), left = 44, right = w - 6, top = 6, bottom = h - 18;
    const totals = new Map();
    for (const r of seconds.values()) for (const k in r) totals.set(k, (totals.get(k) || 0) + r[k]);
    const names = Array.from(totals.keys()).sort((a, b) => totals.get(b) - totals.get(a)).slice(0, COLORS.length);
    let max = 0;
    for (const r of seconds.values()) for (const n of names) max = Math.max(max, r[n] || 0);
    const step = niceStep(max);
    max = step * Math.max(1, Math.ceil(max / step));
    const x = (t) => left + (right - left) * (t - (now - CHART_S)) / CHART_S;
    const y = (v) => bottom - (bottom - top) * v / max;
    g.font = '11px system-ui, sans-serif'; g.fillStyle = '#656d76'; g.strokeStyle = '#eaeef2'; g.lineWidth = 1;
    g.textAlign = 'right'; g.textBaseline = 'middle';
    for (let v = 0; v <= max; v += step) {
      const py = Math.round(y(v)) + 0.5;
      g.beginPath(); g.moveTo(left, py); g.lineTo(right, py); g.stroke();
      g.fillText(num(v), left - 6, py);
    }
    g.textBaseline = 'top';
    for (let m = 5; m >= 0; m--) {
      g.textAlign = m === 5 ? 'left' : m === 0 ? 'right' : 'center';
      g.fillText(m ? '\u2212' + m + ' min' : 'now', x(now - m * 60), bottom + 4);
    }
    for (const n of names) {
      g.strokeStyle = colour(n); g.lineWidth = 1.5; g.beginPath();
      for (let t = now - CHART_S; t <= now; t++) {
        const r = seconds.get(t), v = r && r[n] ? r[n] : 0;
        if (t === now - CHART_S) g.moveTo(x(t), y(v)); else g.lineTo(x(t), y(v));
      }
      g.stroke();
    }
    const legend = $('legend');
    legend.replaceChildren(...(names.length ? names.map((n) => {
      const item = el('span'), key = el('span', 'key');
      key.style.background = colour(n);
      item.append(key, document.createTextNode(n + '  ' + num(lastRate(n)) + '/s'));
      return item;
    }) : [el('span', 'muted', 'no events raised in the last 5 minutes')]));
  }

  // ---- start ----------------------------------------------------------------------------------------------------
  function tick() {
    $('clock').textContent = new Date().toLocaleTimeString('en-GB');
    renderSubscribers();
  }
  fetch(miPath, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'version', id: 0 }) })
    .then((r) => r.json()).then((v) => { $('server').textContent = v.result ? v.result.Server : ''; })
    .catch(() => {});
  refresh();
  connect();
  drawChart();
  setInterval(refresh, STATE_MS);
  setInterval(tick, 1000);
  window.addEventListener('resize', drawChart);
})();
