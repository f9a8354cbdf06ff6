// tradebatch web console: one module, no build step. It calls the JSON API with the bearer token kept in
// sessionStorage (this tab only, gone when it closes). Every value from the API reaches the page as a text node or an
// attribute value (h() and svg() below): never through innerHTML, so no API string is ever parsed as markup.

const TOKEN_KEY = 'tradebatch.token';
const POLL_MS = 2000;
const RUNNING = new Set(['STARTING', 'STARTED', 'STOPPING']);
const STATUSES = ['STARTING', 'STARTED', 'STOPPING', 'STOPPED', 'COMPLETED', 'FAILED', 'ABANDONED', 'UNKNOWN'];

const main = document.getElementById('main');
let poller = null;   // the current view's refresh timer
let viewSeq = 0;     // a view rendered after a newer route started is dropped
let jobsCache = null;

// --- DOM helpers: text only

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k === 'dataset') Object.entries(v).forEach(([dk, dv]) => { el.dataset[dk] = String(dv); });
    else if (k === 'style') Object.entries(v).forEach(([sk, sv]) => { el.style[sk] = sv; }); // CSSOM: allowed by the CSP
    else if (k in el && !(el instanceof SVGElement) && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// --- formatting

const fmtNum = (n) => (n === null || n === undefined ? '' : Number(n).toLocaleString('en-US'));
function fmtBytes(n) {
  if (n === null || n === undefined) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = Number(n);
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return (i === 0 ? v : v.toFixed(1)) + ' ' + units[i];
}
function fmtSeconds(s) {
  if (s === null || s === undefined || Number.isNaN(s)) return '';
  s = Math.max(0, Math.round(s));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return (hh ? hh + ':' + String(mm).padStart(2, '0') : String(mm)) + ':' + String(ss).padStart(2, '0');
}
/** The API's local times ("2025-01-01T10:00:00.123") shown to the second. */
const fmtTime = (t) => (t ? String(t).replace('T', ' ').slice(0, 19) : '');
function duration(start, end) {
  if (!start) return '';
  const a = Date.parse(start);
  const b = end ? Date.parse(end) : Date.now();
  return Number.isNaN(a) || Number.isNaN(b) ? '' : fmtSeconds((b - a) / 1000);
}
/** Candle times as the trading system stores them: UTC text "YYYY-MM-DD HH:MM:SS.ffffff". */
const candleMs = (t) => Date.parse(String(t).replace(' ', 'T').slice(0, 23) + 'Z');
function intervalMs(code) {
  const m = /^(\d+)([mhdw])$/.exec(code || '');
  if (!m) return null;
  return Number(m[1]) * { m: 60e3, h: 3600e3, d: 86400e3, w: 604800e3 }[m[2]];
}
const statusBadge = (s) => h('span', { class: 'status ' + s, dataset: { status: s } }, s);

// --- the API

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && problem.detail) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

async function api(path, options = {}) {
  const headers = { Accept: 'application/json' };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = 'Bearer ' + token;
  const init = { method: options.method || 'GET', headers, cache: 'no-store' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const r = await fetch(path, init);
  if (options.raw && r.ok) return r;
  const type = r.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await r.json() : null;
  if (r.status === 401 && !options.signingIn) {
    signOut('The server refused the token (401): sign in again.');
  }
  if (!r.ok) throw new ApiError(r.status, data);
  return data;
}

async function jobs() {
  if (!jobsCache) jobsCache = await api('/api/jobs');
  return jobsCache;
}

// --- sign in / out

function showSignedIn(name) {
  document.getElementById('who-name').textContent = name;
  document.getElementById('who').hidden = false;
  document.getElementById('nav').hidden = false;
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  jobsCache = null;
  stopPolling();
  document.getElementById('who').hidden = true;
  document.getElementById('nav').hidden = true;
  renderSignIn(message);
}

function renderSignIn(message) {
  viewSeq++;
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true,
    placeholder: 'TRADEBATCH_API_TOKEN' });
  const error = h('p', { id: 'signin-error', class: 'error' }, message || '');
  const form = h('form', { id: 'signin', class: 'card signin', onsubmit: async (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    try {
      const me = await api('/api/system/whoami', { signingIn: true });
      showSignedIn(me.name);
      if (!location.hash || location.hash === '#/' || location.hash === '#') location.hash = '#/executions';
      else route();
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      error.textContent = e.status === 401 ? 'That token is not accepted by the server.' : 'Sign in failed: ' + e.message;
    }
  } },
  h('h1', {}, 'Sign in'),
  h('p', { class: 'muted' }, 'The API token of this server (TRADEBATCH_API_TOKEN). It stays in this browser tab only.'),
  h('div', { class: 'field' }, h('label', { for: 'token' }, 'API token'), input),
  error,
  h('button', { type: 'submit', id: 'signin-submit' }, 'Sign in'));
  show(form);
  input.focus();
}

// --- routing

function stopPolling() {
  if (poller) clearInterval(poller);
  poller = null;
}

/** Refreshes the view of route seq every POLL_MS; a view already left (a slow first load) starts nothing. */
function poll(seq, fn) {
  if (seq !== viewSeq) return;
  stopPolling();
  poller = setInterval(fn, POLL_MS);
}

async function route() {
  stopPolling();
  if (!sessionStorage.getItem(TOKEN_KEY)) { renderSignIn(); return; }
  const seq = ++viewSeq;
  const parts = (location.hash.replace(/^#\/?/, '') || 'executions').split('/').map(decodeURIComponent);
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.view === parts[0]));
  const views = { executions: parts[1] ? () => executionView(seq, parts[1]) : () => executionsView(seq),
    launch: () => launchView(seq, parts[1]), schedules: () => schedulesView(seq), stores: () => storesView(seq),
    coverage: () => coverageView(seq, parts[1], parts[2]) };
  const view = views[parts[0]] || views.executions;
  try {
    await view();
  } catch (e) {
    if (seq === viewSeq && e.status !== 401) show(h('div', { class: 'banner' }, 'Error: ' + e.message));
  }
}

const current = (seq) => seq === viewSeq;

/** The view's content; null and nested arrays allowed, as in h() (replaceChildren would print them). */
function show(...children) {
  main.replaceChildren();
  append(main, children);
}

// --- executions

function progressCell(p) {
  if (!p) return '';
  const pct = p.total ? Math.min(100, (100 * p.done) / p.total) : null;
  const bar = h('div', { class: 'bar' + (pct === null ? ' indeterminate' : '') },
    h('span', { style: pct === null ? {} : { width: pct.toFixed(1) + '%' } }));
  const bits = [];
  if (pct !== null) bits.push(pct.toFixed(0) + '%');
  else if (p.done !== undefined) bits.push(fmtNum(p.done) + ' ' + (p.unit || ''));
  if (p.rowsPerSecond) bits.push(fmtNum(p.rowsPerSecond) + ' rows/s');
  if (p.etaSeconds !== null && p.etaSeconds !== undefined) bits.push('ETA ' + fmtSeconds(p.etaSeconds));
  return h('div', { class: 'progress' }, bar, h('span', { class: 'eta' }, bits.join(' · ')));
}

/** The running step's progress of an execution's detail (the last running step). */
function runningProgress(detail) {
  const steps = (detail.steps || []).filter((s) => s.progress);
  return steps.length ? steps[steps.length - 1].progress : null;
}

async function executionsView(seq) {
  const catalog = await jobs();
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const jobSelect = h('select', { id: 'filter-job' }, h('option', { value: '' }, 'all jobs'),
    catalog.map((j) => h('option', { value: j.name }, j.name)));
  const statusSelect = h('select', { id: 'filter-status' }, h('option', { value: '' }, 'any status'),
    STATUSES.map((s) => h('option', { value: s }, s)));
  const tbody = h('tbody');
  const updated = h('span', { id: 'updated', class: 'muted' });
  let shown = null;
  const refresh = async () => {
    const q = new URLSearchParams({ limit: '50' });
    if (jobSelect.value) q.set('job', jobSelect.value);
    if (statusSelect.value) q.set('status', statusSelect.value);
    const page = await api('/api/executions?' + q);
    const running = page.executions.filter((e) => RUNNING.has(e.status));
    const details = await Promise.all(running.map((e) => api(e.url).catch(() => null)));
    const progress = new Map(details.filter(Boolean).map((d) => [d.id, runningProgress(d)]));
    if (!current(seq)) return;
    // a running row changes every tick (its duration), a finished table does not
    const signature = JSON.stringify([page.executions, [...progress], running.length ? Date.now() : 0]);
    updated.textContent = 'updated ' + new Date().toLocaleTimeString('en-GB');
    if (signature === shown) return; // redraw only what changed: a row stays put while the operator clicks it
    shown = signature;
    tbody.replaceChildren(...page.executions.map((e) => h('tr', { class: 'clickable', dataset: { id: e.id, status: e.status },
      onclick: () => { location.hash = '#/executions/' + e.id; } },
    h('td', {}, h('a', { href: '#/executions/' + e.id }, '#' + e.id)),
    h('td', {}, e.job),
    h('td', {}, statusBadge(e.status)),
    h('td', { class: 'hide-phone' }, fmtTime(e.startTime)),
    h('td', { class: 'num hide-phone' }, duration(e.startTime, e.endTime)),
    h('td', { class: 'num' }, fmtNum(e.read)),
    h('td', { class: 'num' }, fmtNum(e.written)),
    h('td', { class: 'num hide-phone' }, fmtNum(e.skipped)),
    h('td', {}, RUNNING.has(e.status) ? progressCell(progress.get(e.id) || {}) : ''))));
    if (!page.executions.length) {
      tbody.replaceChildren(h('tr', {}, h('td', { colspan: 9, class: 'muted' }, 'No executions yet.')));
    }
  };
  jobSelect.value = params.get('job') || '';
  statusSelect.value = params.get('status') || '';
  jobSelect.addEventListener('change', refresh);
  statusSelect.addEventListener('change', refresh);
  if (!current(seq)) return;
  show(
    h('h1', {}, 'Executions'),
    h('div', { class: 'toolbar' },
      h('div', { class: 'field' }, h('label', { for: 'filter-job' }, 'Job'), jobSelect),
      h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'), statusSelect),
      h('a', { class: 'button', href: '#/launch' }, 'Launch a job…'), updated),
    h('div', { class: 'table-wrap' }, h('table', { id: 'executions' },
      h('thead', {}, h('tr', {}, h('th', {}, 'ID'), h('th', {}, 'Job'), h('th', {}, 'Status'),
        h('th', { class: 'hide-phone' }, 'Started'), h('th', { class: 'num hide-phone' }, 'Duration'),
        h('th', { class: 'num' }, 'Read'), h('th', { class: 'num' }, 'Written'),
        h('th', { class: 'num hide-phone' }, 'Skipped'), h('th', {}, 'Progress'))),
      tbody)));
  await refresh();
  poll(seq, () => refresh().catch(() => {}));
}

async function executionView(seq, id) {
  const message = h('p', { id: 'action-message', class: 'muted' }); // kept across refreshes
  const render = async () => {
    const e = await api('/api/executions/' + encodeURIComponent(id));
    if (!current(seq)) return e;
    const running = RUNNING.has(e.status);
    const act = (label, path, enabled, cls) => h('button', { type: 'button', id: label.toLowerCase(), class: cls,
      disabled: !enabled, onclick: async (ev) => {
        ev.target.disabled = true;
        try {
          const r = await api(path, { method: 'POST' });
          if (r.id !== e.id) location.hash = '#/executions/' + r.id;
          else { message.textContent = 'Stop requested: it ends at the next chunk boundary.'; await render(); }
        } catch (err) {
          message.textContent = err.message;
          message.className = 'error';
        }
      } }, label);
    const rejects = e.rejects ? h('button', { type: 'button', id: 'rejects', class: 'secondary', onclick: () => download(e.rejects) },
      'Download rejects (CSV)') : h('span', { class: 'muted', id: 'rejects-none' }, 'No rejected lines.');
    const steps = (e.steps || []).map((s) => h('tr', { dataset: { step: s.name } },
      h('td', {}, s.name), h('td', {}, statusBadge(s.status)),
      h('td', { class: 'num' }, fmtNum(s.read)), h('td', { class: 'num' }, fmtNum(s.written)),
      h('td', { class: 'num' }, fmtNum(s.filtered)), h('td', { class: 'num' }, fmtNum(s.skipped)),
      h('td', { class: 'num' }, fmtNum(s.commits)), h('td', { class: 'num' }, fmtNum(s.rollbacks)),
      h('td', { class: 'num' }, duration(s.startTime, s.endTime)), h('td', {}, RUNNING.has(s.status) ? progressCell(s.progress || {}) : '')));
    show(
      h('p', {}, h('a', { href: '#/executions' }, '← Executions')),
      h('h1', { id: 'detail-title' }, 'Execution #' + e.id + ' · ' + e.job + ' ', statusBadge(e.status)),
      h('div', { class: 'actions' },
        act('Stop', '/api/executions/' + e.id + '/stop', running && e.runningHere, 'danger'),
        act('Restart', '/api/executions/' + e.id + '/restart', e.status === 'FAILED' || e.status === 'STOPPED'),
        rejects),
      message,
      h('div', { class: 'card' }, h('dl', { class: 'kv', id: 'detail' },
        h('dt', {}, 'Status'), h('dd', { id: 'detail-status' }, e.status),
        h('dt', {}, 'Exit'), h('dd', {}, e.exitCode + (e.exitDescription ? ': ' + e.exitDescription : '')),
        h('dt', {}, 'Parameters'), h('dd', { id: 'detail-parameters' },
          Object.entries(e.parameters || {}).map(([k, v]) => h('div', {}, h('code', {}, k + '=' + v)))),
        h('dt', {}, 'Created'), h('dd', {}, fmtTime(e.createTime)),
        h('dt', {}, 'Started'), h('dd', {}, fmtTime(e.startTime)),
        h('dt', {}, 'Ended'), h('dd', {}, fmtTime(e.endTime)),
        h('dt', {}, 'Duration'), h('dd', {}, duration(e.startTime, e.endTime)),
        e.pid ? [h('dt', {}, 'Process'), h('dd', {}, String(e.pid) + (e.runningHere ? ' (this server)' : ''))] : null)),
      h('h2', {}, 'Steps'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'steps' },
        h('thead', {}, h('tr', {}, ['Step', 'Status'].map((t) => h('th', {}, t)),
          ['Read', 'Written', 'Filtered', 'Skipped', 'Commits', 'Rollbacks', 'Duration'].map((t) => h('th', { class: 'num' }, t)),
          h('th', {}, 'Progress'))),
        h('tbody', {}, steps))),
      h('h2', {}, 'Report'),
      e.report ? h('pre', { class: 'report', id: 'report' }, e.report) : h('p', { class: 'muted', id: 'report' }, 'No report.'));
    return e;
  };
  const e = await render();
  if (RUNNING.has(e.status)) {
    poll(seq, async () => {
      try {
        if (!current(seq)) return;
        const now = await render();
        // only this view's timer: a tick still in flight when the operator moved on must not stop the next view's
        if (current(seq) && !RUNNING.has(now.status)) stopPolling();
      } catch (err) { /* the next tick tries again */ }
    });
  }
}

/** The reject file needs the bearer header, so it is fetched and handed to the browser as a blob. */
async function download(url) {
  const r = await api(url, { raw: true });
  const name = (/filename="?([^";]+)"?/.exec(r.headers.get('Content-Disposition') || '') || [])[1] || 'rejects.csv';
  const href = URL.createObjectURL(await r.blob());
  const a = h('a', { href, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10000);
}

// --- launch

function control(p) {
  const id = 'param-' + p.name;
  const common = { id, name: p.name, dataset: { type: p.type } };
  if (p.choices && p.choices.length) {
    if (p.type === 'list') {
      const defaults = new Set(String(p.default || '').split(',').filter(Boolean));
      return h('select', { ...common, multiple: true, size: Math.min(6, p.choices.length) },
        p.choices.map((c) => h('option', { value: c, selected: defaults.has(c) }, c)));
    }
    return h('select', common, p.required || p.default ? null : h('option', { value: '' }, '—'),
      p.choices.map((c) => h('option', { value: c, selected: c === p.default }, c)));
  }
  if (p.type === 'boolean') {
    return h('select', common, h('option', { value: '' }, p.default ? 'default (' + p.default + ')' : '—'),
      h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
  }
  const types = { integer: ['number', '1'], decimal: ['number', 'any'], date: ['date', null] };
  const [type, step] = types[p.type] || ['text', null];
  return h('input', { ...common, type, step, value: p.default || '', required: p.required,
    placeholder: p.type === 'path' ? 'samples/ETHUSDT-1h-2025-01.csv' : (p.type === 'list' ? 'a,b,c' : '') });
}

/** What the operator chose, without the values left at their default (as on the command line). */
function formValues(spec, form) {
  const values = {};
  for (const p of spec.parameters) {
    const el = form.elements.namedItem(p.name);
    if (!el) continue;
    let v = el.multiple ? [...el.selectedOptions].map((o) => o.value) : el.value.trim();
    if (Array.isArray(v)) {
      if (v.join(',') === (p.default || '')) continue;
      if (!v.length) continue;
    } else if (v === '' || v === p.default) continue;
    values[p.name] = v;
  }
  return values;
}

async function launchView(seq, preselected) {
  const catalog = await jobs();
  if (!current(seq)) return;
  const jobSelect = h('select', { id: 'job' }, catalog.map((j) => h('option', { value: j.name }, j.name)));
  const container = h('div');
  const showJob = () => {
    const spec = catalog.find((j) => j.name === jobSelect.value);
    const banner = h('div', { class: 'banner', id: 'launch-error', hidden: true });
    const form = h('form', { id: 'launch-form', class: 'card', novalidate: true },
      h('p', { class: 'muted', id: 'job-description' }, spec.description || ''),
      banner,
      spec.parameters.length ? null : h('p', { class: 'muted' }, 'This job takes no parameters.'),
      spec.parameters.map((p) => h('div', { class: 'field', id: 'field-' + p.name },
        h('label', { for: 'param-' + p.name }, p.name, p.required ? h('span', { class: 'required' }, ' *') : null),
        control(p),
        h('div', { class: 'help' }, (p.description || '') + ' (' + p.type
          + (p.default ? ', default ' + p.default : '') + (p.required ? ', required' : '') + ')'),
        h('span', { class: 'field-error', id: 'error-' + p.name, role: 'alert' }))),
      h('button', { type: 'submit', id: 'launch' }, 'Launch ' + spec.name));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      form.querySelectorAll('.field-error').forEach((el) => { el.textContent = ''; });
      form.querySelectorAll('.field.invalid').forEach((el) => el.classList.remove('invalid'));
      banner.hidden = true;
      const button = form.querySelector('#launch');
      button.disabled = true;
      try {
        const r = await api(spec.launch, { method: 'POST', body: formValues(spec, form) });
        location.hash = '#/executions/' + r.id;
      } catch (e) {
        button.disabled = false;
        const field = e.problem.parameter && form.querySelector('#error-' + CSS.escape(e.problem.parameter));
        if (e.status === 400 && field) {
          field.textContent = e.problem.detail;
          field.parentElement.classList.add('invalid');
          form.querySelector('#param-' + CSS.escape(e.problem.parameter)).focus();
        } else {
          banner.textContent = e.message;
          banner.hidden = false;
        }
      }
    });
    container.replaceChildren(form);
    history.replaceState(null, '', '#/launch/' + encodeURIComponent(spec.name));
  };
  if (preselected && catalog.some((j) => j.name === preselected)) jobSelect.value = preselected;
  jobSelect.addEventListener('change', showJob);
  show(h('h1', {}, 'Launch a job'),
    h('div', { class: 'toolbar' }, h('div', { class: 'field' }, h('label', { for: 'job' }, 'Job'), jobSelect)),
    container);
  showJob();
}

// --- schedules

async function schedulesView(seq) {
  const data = await api('/api/schedules');
  if (!current(seq)) return;
  const rows = data.schedules.map((s) => {
    const run = s.lastResult; // the schedule's own newest run (its job with its parameters), from the scheduler
    return h('tr', { dataset: { schedule: s.name } },
      h('td', {}, s.name), h('td', {}, s.job), h('td', {}, h('code', {}, s.cron)),
      h('td', { class: 'hide-phone' }, Object.entries(s.params || {}).map(([k, v]) => h('div', {}, h('code', {}, k + '=' + v)))),
      h('td', {}, s.enabled ? 'yes' : 'no'),
      h('td', {}, (s.nextFireTimes || []).slice(0, 3).map((t) => h('div', {}, fmtTime(t)))),
      h('td', {}, s.lastSuccess ? fmtTime(s.lastSuccess) : h('span', { class: 'muted' }, 'never')),
      h('td', {}, run ? h('a', { href: '#/executions/' + run.id }, statusBadge(run.status), ' #' + run.id) : h('span', { class: 'muted' }, '—')));
  });
  show(h('h1', {}, 'Schedules'),
    h('div', { class: 'table-wrap' }, h('table', { id: 'schedules' },
      h('thead', {}, h('tr', {}, ['Name', 'Job', 'Cron'].map((t) => h('th', {}, t)), h('th', { class: 'hide-phone' }, 'Parameters'),
        ['Enabled', 'Next fire times', 'Last success', 'Last run'].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No schedules in the jobs folder.'))))),
    data.problems && data.problems.length ? [h('h2', {}, 'Files not loaded'),
      h('ul', { class: 'error', id: 'schedule-problems' }, data.problems.map((p) => h('li', {}, [p.file, p.line].filter((x) => x != null).join(':') + ': ' + p.message)))] : null);
}

// --- stores

async function storesView(seq) {
  const [info, stores, backups] = await Promise.all([api('/api/system/info'), api('/api/system/stores'),
    api('/api/backups').catch(() => ({}))]);
  if (!current(seq)) return;
  const rows = stores.stores.map((s) => {
    const newest = (backups[s.store] || [])[0];
    return h('tr', { dataset: { store: s.store } },
      h('td', {}, s.store), h('td', { class: 'hide-phone' }, s.file || ''),
      h('td', {}, (info.databases && info.databases[s.store]) || (s.error ? 'error' : '')),
      h('td', { class: 'num' }, fmtBytes(s.size)), h('td', { class: 'num' }, fmtBytes(s.wal)),
      h('td', { class: 'num hide-phone' }, fmtNum(s.pages)), h('td', { class: 'num hide-phone' }, fmtNum(s.freePages)),
      h('td', { class: 'num' }, s.fragmentation === undefined ? '' : s.fragmentation.toFixed(1) + ' %'),
      h('td', { class: 'hide-phone' }, newest ? fmtTime(newest.created) : h('span', { class: 'muted' }, 'none')),
      h('td', { class: 'error' }, s.error || ''));
  });
  show(h('h1', {}, 'Stores'),
    h('p', {}, 'Overall: ', h('strong', { id: 'stores-status' }, info.status || ''), ' (' + (info.type || '') + ')'),
    h('div', { class: 'table-wrap' }, h('table', { id: 'stores' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Store'), h('th', { class: 'hide-phone' }, 'File'), h('th', {}, 'State'),
        h('th', { class: 'num' }, 'Size'), h('th', { class: 'num' }, 'WAL'), h('th', { class: 'num hide-phone' }, 'Pages'),
        h('th', { class: 'num hide-phone' }, 'Free pages'), h('th', { class: 'num' }, 'Fragmentation'),
        h('th', { class: 'hide-phone' }, 'Last verified backup'), h('th', {}, ''))),
      h('tbody', {}, rows))),
    (info.errors && info.errors.length) ? h('ul', { class: 'error' }, info.errors.map((e) => h('li', {}, String(e)))) : null);
}

// --- coverage

/** The series as a timeline: loaded stretches green, gaps red (at least 2 units wide, so a missing hour shows). */
function timeline(c) {
  const W = 1000;
  const top = 8;
  const barH = 34;
  const step = intervalMs(c.interval) || 0;
  const t0 = candleMs(c.first);
  const t1 = candleMs(c.last) + step;
  const span = Math.max(1, t1 - t0);
  const x = (t) => ((t - t0) / span) * W;
  const pic = svg('svg', { class: 'timeline', viewBox: '0 0 ' + W + ' 52', preserveAspectRatio: 'none', role: 'img',
    'aria-label': c.symbol + ' ' + c.interval + ' coverage', dataset: { symbol: c.symbol, interval: c.interval } });
  const ranges = c.ranges || [{ from: c.first, to: c.last }];
  for (const r of ranges) {
    const a = x(candleMs(r.from));
    const b = x(candleMs(r.to) + step);
    pic.append(svg('rect', { class: 'loaded', x: a.toFixed(2), y: top, width: Math.max(1, b - a).toFixed(2), height: barH,
      'data-from': r.from, 'data-to': r.to }, svg('title', {}, 'loaded ' + r.from + ' .. ' + r.to)));
  }
  for (const g of c.gaps) {
    const a = x(candleMs(g.after) + step);
    const b = x(candleMs(g.before));
    const w = Math.max(2, b - a);
    pic.append(svg('rect', { class: 'gap', x: (a - (w - (b - a)) / 2).toFixed(2), y: top - 4, width: w.toFixed(2),
      height: barH + 8, 'data-after': g.after, 'data-before': g.before, 'data-missing': g.missing },
    svg('title', {}, g.missing + ' missing between ' + g.after + ' and ' + g.before)));
  }
  pic.append(svg('line', { class: 'axis', x1: 0, y1: top + barH + 6, x2: W, y2: top + barH + 6 }));
  // the dates go below in HTML: text inside a stretched SVG would be squeezed on a phone
  return h('div', { class: 'timeline-wrap' }, pic, h('div', { class: 'axis-labels' },
    h('span', {}, String(c.first).slice(0, 16)), h('span', {}, String(c.last).slice(0, 16) + ' UTC')));
}

function coverageCard(c, detailed) {
  const ok = c.gaps.length === 0;
  return h('div', { class: 'card coverage', dataset: { symbol: c.symbol, interval: c.interval } },
    h('h2', {}, detailed ? c.symbol + ' ' + c.interval
      : h('a', { href: '#/coverage/' + encodeURIComponent(c.symbol) + '/' + encodeURIComponent(c.interval) }, c.symbol + ' ' + c.interval),
    ' ', c.metadata ? h('span', { class: 'status' }, c.metadata.syncStatus || '') : null),
    h('p', { class: 'muted' }, fmtNum(c.count) + ' candles' + (c.expected ? ' of ' + fmtNum(c.expected) + ' expected' : '')
      + ', ' + (c.first || '') + ' .. ' + (c.last || '') + ' · '
      + (ok ? 'no gaps' : c.gaps.length + (c.gapsTruncated ? '+' : '') + ' gap' + (c.gaps.length === 1 ? '' : 's'))),
    c.first ? timeline(c) : h('p', { class: 'muted' }, 'No candles loaded.'),
    h('div', { class: 'legend' }, h('span', {}, h('i', { class: 'l-loaded' }), 'loaded'), h('span', {}, h('i', { class: 'l-gap' }), 'gap')),
    detailed && c.gaps.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'gaps' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Last candle before'), h('th', {}, 'First candle after'), h('th', { class: 'num' }, 'Missing'))),
      h('tbody', {}, c.gaps.map((g) => h('tr', {}, h('td', {}, g.after), h('td', {}, g.before), h('td', { class: 'num' }, fmtNum(g.missing))))))) : null,
    c.metadata && c.metadata.errorMessage ? h('p', { class: 'error' }, c.metadata.errorMessage) : null);
}

async function coverageView(seq, symbol, interval) {
  const path = (s, i) => '/api/series/' + encodeURIComponent(s) + '/' + encodeURIComponent(i) + '/coverage';
  if (symbol && interval) {
    const c = await api(path(symbol, interval));
    if (!current(seq)) return;
    show(h('p', {}, h('a', { href: '#/coverage' }, '← All series')),
      h('h1', {}, 'Coverage'), coverageCard(c, true));
    return;
  }
  const { series } = await api('/api/series');
  const cards = await Promise.all(series.map((s) => api(path(s.symbol, s.interval))
    .then((c) => coverageCard(c, false))
    .catch((e) => h('div', { class: 'card' }, h('h2', {}, s.symbol + ' ' + s.interval), h('p', { class: 'error' }, e.message)))));
  if (!current(seq)) return;
  show(h('h1', {}, 'Data coverage'),
    h('p', { class: 'muted' }, 'Each candle series from its first to its last candle: what is loaded, and where the gaps are.'),
    cards.length ? h('div', { id: 'coverage' }, cards) : h('p', { class: 'muted', id: 'coverage' }, 'No candle series yet: import some candles.'));
}

// --- start

document.getElementById('sign-out').addEventListener('click', () => signOut('Signed out.'));
window.addEventListener('hashchange', route);

(async () => {
  if (!sessionStorage.getItem(TOKEN_KEY)) { renderSignIn(); return; }
  try {
    const me = await api('/api/system/whoami', { signingIn: true });
    showSignedIn(me.name);
    route();
  } catch (e) {
    signOut(e.status === 401 ? 'The saved token is no longer accepted: sign in again.' : 'Sign in failed: ' + e.message);
  }
})();
