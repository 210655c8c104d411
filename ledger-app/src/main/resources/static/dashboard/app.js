// The analysts' page: every figure is an API answer to the user's token (docs/dashboard.md).
import * as api from './api.js';
import { age, count, instant, money, moneyTick, rate, utcDate } from './format.js';
import { follow } from './feed.js';
import * as oidc from './pkce.js';

const $ = (id) => document.getElementById(id);
const VIEWS = ['overview', 'reconciliation', 'journal', 'payments'];
const state = { scopes: new Set(), stats: null, chart: null, feed: null, unreconciledCursor: null,
  entries: { account: null, cursor: null }, payment: null, events: [], config: {} };

// ---- DOM helpers ----

function cell(row, text, className) {
  const td = document.createElement('td');
  if (text instanceof Node) td.append(text);
  else td.textContent = text;
  if (className) td.className = className;
  row.append(td);
  return td;
}

function moneyCell(row, minor, currency) {
  const td = cell(row, money(minor, currency), 'num');
  td.dataset.minor = minor ?? '';
  return td;
}

function paymentLink(id) {
  const a = document.createElement('a');
  a.href = '#payments/' + encodeURIComponent(id);
  a.textContent = id;
  a.className = 'payment-link';
  return a;
}

function fill(id, text, minor) {
  const el = $(id);
  el.textContent = text;
  if (minor !== undefined) el.dataset.minor = minor;
}

function rows(tableId, items, render, empty = 'None.') {
  const body = $(tableId).tBodies[0];
  body.replaceChildren();
  for (const item of items) {
    const row = body.insertRow();
    render(row, item);
  }
  if (items.length === 0) {
    const row = body.insertRow();
    const td = cell(row, empty, 'note');
    td.colSpan = $(tableId).tHead.rows[0].cells.length;
  }
}

function showError(where, error) {
  $(where).textContent = error instanceof api.ApiError && error.status === 403
    ? 'This token may not see this (HTTP 403).' : String(error.message || error);
}

// ---- signing in ----

function readFragmentToken() {
  const match = location.hash.match(/^#token=([^&]+)/);
  if (match) {
    api.keepToken(decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
}

function showSignIn(message = '') {
  $('sign-in').hidden = false;
  for (const id of ['views', 'main', 'live', 'who', 'sign-out']) $(id).hidden = true;
  $('sign-in-error').textContent = message;
  stopFeed();
}

function signedIn() {
  state.scopes = api.scopes();
  const claims = api.claims() || {};
  $('sign-in').hidden = true;
  $('views').hidden = false;
  $('main').hidden = false;
  $('who').hidden = false;
  $('who').textContent = 'Signed in as ' + (claims.sub || '?') + ' · ' + [...state.scopes].join(' ');
  $('sign-out').hidden = false;
  for (const link of document.querySelectorAll('#views a')) {
    link.parentElement.hidden = !allowed(link.dataset.needs);
  }
  startFeed();
  route();
}

function allowed(needs) {
  return needs.split(' ').some((scope) => state.scopes.has(scope));
}

function canReadPayments() {
  return state.scopes.has('payments:read') || state.scopes.has('payments:read:own');
}

// ---- routing: #overview, #reconciliation, #journal, #payments, #payments/<id> ----

function route() {
  if (!api.token()) return;
  const [name, argument] = location.hash.replace(/^#/, '').split('/');
  const visible = VIEWS.filter((view) => allowed(document.querySelector(`#views a[data-view="${view}"]`).dataset.needs));
  const view = visible.includes(name) ? name : visible[0];
  for (const v of VIEWS) $('view-' + v).hidden = v !== view;
  $('no-views').hidden = view !== undefined;
  $('live').hidden = !canReadPayments();
  for (const link of document.querySelectorAll('#views a')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (view === 'overview') loadOverview();
  if (view === 'reconciliation') loadReconciliation();
  if (view === 'journal') loadJournal();
  if (view === 'payments') {
    loadRecent();
    if (argument) openPayment(decodeURIComponent(argument));
  }
}

// ---- Overview: GET /api/payments/stats ----

async function loadOverview() {
  const started = performance.now();
  try {
    state.stats = await api.get('/api/payments/stats', {
      from: $('ov-from').value, to: $('ov-to').value, groupBy: $('ov-group').value });
  } catch (e) {
    $('ov-empty').hidden = false;
    showError('ov-empty', e);
    return;
  }
  const select = $('ov-currency');
  const chosen = select.value;
  select.replaceChildren(...state.stats.currencies.map((c) => new Option(c.currency.toUpperCase(), c.currency)));
  const codes = state.stats.currencies.map((c) => c.currency);
  select.value = codes.includes(chosen) ? chosen : (codes.includes('usd') ? 'usd' : codes[0] || '');
  renderOverview();
  document.body.dataset.overviewMs = String(Math.round(performance.now() - started));
  document.body.dataset.overviewLoaded = String(Date.now());
  // The first view's figures are on the page: measured from the navigation's start (docs/dashboard.md).
  if (performance.getEntriesByName('dashboard-figures').length === 0) performance.mark('dashboard-figures');
}

function renderOverview() {
  const stats = state.stats;
  const figures = stats.currencies.find((c) => c.currency === $('ov-currency').value);
  $('ov-empty').hidden = Boolean(figures);
  $('ov-empty').textContent = 'Nothing happened in this period.';
  $('chart-period').textContent = stats.groupBy;
  const none = { count: 0, succeeded: 0, failed: 0, canceled: 0, successRate: null, grossVolume: 0,
    refundedVolume: 0, feeVolume: 0, netVolume: 0, series: [], providers: [], currency: '' };
  const f = figures || none;
  fill('fig-gross', money(f.grossVolume, f.currency), f.grossVolume);
  fill('fig-refunded', money(f.refundedVolume, f.currency), f.refundedVolume);
  fill('fig-fees', money(f.feeVolume, f.currency), f.feeVolume);
  fill('fig-net', money(f.netVolume, f.currency), f.netVolume);
  fill('fig-rate', rate(f.successRate), f.successRate ?? '');
  fill('fig-count', count(f.count), f.count);
  fill('fig-succeeded', count(f.succeeded), f.succeeded);
  fill('fig-failed', count(f.failed), f.failed);
  fill('fig-canceled', count(f.canceled), f.canceled);
  rows('ov-series', f.series, (row, p) => {
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = p.periodStart;
    row.append(th);
    cell(row, count(p.count), 'num');
    cell(row, count(p.succeeded), 'num');
    cell(row, count(p.failed), 'num');
    moneyCell(row, p.grossVolume, f.currency);
    moneyCell(row, p.refundedVolume, f.currency);
    moneyCell(row, p.feeVolume, f.currency);
    moneyCell(row, p.netVolume, f.currency);
  });
  rows('ov-providers', f.providers, (row, p) => {
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = p.provider;
    row.append(th);
    cell(row, count(p.count), 'num');
    cell(row, count(p.succeeded), 'num');
    cell(row, count(p.failed), 'num');
    cell(row, rate(p.successRate), 'num');
    moneyCell(row, p.grossVolume, f.currency);
    moneyCell(row, p.netVolume, f.currency);
  });
  drawChart(f);
}

function drawChart(f) {
  const target = $('ov-chart');
  if (state.chart) {
    state.chart.destroy();
    state.chart = null;
  }
  target.replaceChildren();
  if (typeof uPlot === 'undefined' || f.series.length === 0) return;
  // The chart plots minor units as they are; only its tick labels are written as money.
  const data = [
    f.series.map((p) => Date.parse(p.periodStart + 'T00:00:00Z') / 1000),
    f.series.map((p) => p.grossVolume),
    f.series.map((p) => p.refundedVolume),
    f.series.map((p) => p.netVolume),
  ];
  const bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 60] }) : undefined;
  const options = {
    width: Math.max(280, target.clientWidth || 600),
    height: 240,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true } },
    axes: [{}, { values: (u, ticks) => ticks.map((t) => moneyTick(t, f.currency)), size: 80 }],
    series: [
      { label: 'Period' },
      { label: 'Gross', stroke: '#0b5cad', fill: 'rgba(11,92,173,0.25)', paths: bars,
        value: (u, v) => (v == null ? '—' : money(v, f.currency)) },
      { label: 'Refunded', stroke: '#b35900', width: 2, value: (u, v) => (v == null ? '—' : money(v, f.currency)) },
      { label: 'Net', stroke: '#116329', width: 2, value: (u, v) => (v == null ? '—' : money(v, f.currency)) },
    ],
  };
  state.chart = new uPlot(options, data, target);
}

window.addEventListener('resize', () => {
  if (state.chart) state.chart.setSize({ width: Math.max(280, $('ov-chart').clientWidth), height: 240 });
});

// ---- Reconciliation: summary, unreconciled list, mismatches ----

async function loadReconciliation() {
  try {
    const summary = await api.get('/api/payments/reconciliation', { from: $('rec-from').value, to: $('rec-to').value });
    rows('rec-summary', summary.currencies, (row, c) => {
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = c.currency.toUpperCase();
      row.append(th);
      for (const kind of ['matched', 'mismatched', 'unreconciled']) {
        const td = cell(row, count(c[kind].count) + ' · ' + money(c[kind].amount, c.currency), 'num');
        td.dataset.count = c[kind].count;
        td.dataset.minor = c[kind].amount;
        td.dataset.kind = kind;
      }
      moneyCell(row, c.feeTotal, c.currency);
    }, 'No payment was captured in this period.');
    state.unreconciled = [];
    state.unreconciledCursor = null;
    await moreUnreconciled();
  } catch (e) {
    rows('rec-summary', [], () => {}, e.message);
  }
}

async function moreUnreconciled() {
  const page = await api.get('/api/payments/unreconciled', { olderThan: 'PT0S', limit: 50,
    cursor: state.unreconciledCursor });
  state.unreconciled.push(...page.data);
  state.unreconciledCursor = page.hasMore ? page.nextCursor : null;
  $('rec-more').hidden = !page.hasMore;
  rows('rec-unreconciled', state.unreconciled, (row, p) => {
    cell(row, paymentLink(p.id));
    moneyCell(row, p.amount, p.currency);
    cell(row, instant(p.succeededAt));
    cell(row, age(p.succeededAt));
    cell(row, p.reconciliation.status);
  }, 'Every captured payment is reconciled.');
  const mismatches = state.unreconciled.filter((p) => p.reconciliation.status === 'mismatched');
  rows('rec-mismatches', mismatches, (row, p) => {
    cell(row, paymentLink(p.id));
    moneyCell(row, p.amount, p.currency);
    moneyCell(row, p.reconciliation.grossAmount, p.currency);
    moneyCell(row, p.reconciliation.grossAmount - p.amount, p.currency);
    moneyCell(row, p.reconciliation.fee, p.currency);
    cell(row, p.reconciliation.settlementId || '—');
  }, 'No mismatch among these.');
}

// ---- Journal: trial balance as of an instant, accounts, an account's entries ----

function asOfParameter() {
  const value = $('tb-asof').value;
  if (!value) return undefined;
  return (value.length === 16 ? value + ':00' : value) + 'Z';
}

async function loadJournal() {
  try {
    const [trial, accounts] = await Promise.all([
      api.get('/api/ledger/trial-balance', { asOf: asOfParameter() }),
      api.get('/api/ledger/accounts'),
    ]);
    const banner = $('tb-balanced');
    banner.className = 'banner ' + (trial.balanced ? 'ok' : 'bad');
    banner.setAttribute('role', trial.balanced ? 'status' : 'alert');
    banner.dataset.balanced = String(trial.balanced);
    banner.textContent = (trial.balanced ? 'Balanced' : 'NOT BALANCED: debits and credits differ')
      + ' as of ' + instant(trial.asOf);
    rows('tb-totals', trial.totals, (row, t) => {
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = t.currency.toUpperCase();
      row.append(th);
      moneyCell(row, t.debits, t.currency);
      moneyCell(row, t.credits, t.currency);
      cell(row, t.balanced ? 'yes' : 'NO');
    }, 'Nothing posted yet.');
    rows('tb-accounts', trial.accounts, (row, a) => {
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = a.account;
      row.append(th);
      cell(row, a.type);
      cell(row, a.currency.toUpperCase());
      moneyCell(row, a.debits, a.currency);
      moneyCell(row, a.credits, a.currency);
      moneyCell(row, a.balance, a.currency);
    });
    rows('accounts', accounts.data, (row, a) => {
      const th = document.createElement('th');
      th.scope = 'row';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'linkish account-link';
      button.textContent = a.account;
      button.addEventListener('click', () => openEntries(a.account));
      th.append(button);
      row.append(th);
      cell(row, a.description || '');
      cell(row, a.balances.map((b) => money(b.normalBalance, b.currency)).join(', ') || '—', 'num');
    });
  } catch (e) {
    $('tb-balanced').className = 'banner';
    showError('tb-balanced', e);
  }
}

async function openEntries(account, more = false) {
  if (!more) {
    state.entries = { account, cursor: null, data: [] };
  }
  const page = await api.get('/api/ledger/accounts/' + encodeURIComponent(account) + '/entries',
    { limit: 50, cursor: state.entries.cursor });
  state.entries.data.push(...page.data);
  state.entries.cursor = page.hasMore ? page.nextCursor : null;
  $('entries').hidden = false;
  $('entries-account').textContent = account;
  $('entries-more').hidden = !page.hasMore;
  rows('entries-table', state.entries.data, (row, e) => {
    cell(row, instant(e.postedAt));
    cell(row, e.kind);
    cell(row, e.paymentId ? paymentLink(e.paymentId) : '—');
    moneyCell(row, e.debit, e.currency);
    moneyCell(row, e.credit, e.currency);
  }, 'No entries.');
  if (!more) $('entries-title').scrollIntoView({ block: 'nearest' });
}

// ---- Payments: latest, one payment with its refunds, disputes, history and state as of an instant ----

async function loadRecent() {
  if (!canReadPayments()) {
    rows('recent', [], () => {}, 'This token may not list payments.');
    return;
  }
  try {
    const page = await api.get('/api/payments', { limit: 20 });
    rows('recent', page.data, (row, p) => {
      row.dataset.payment = p.id;
      cell(row, paymentLink(p.id));
      cell(row, p.status);
      moneyCell(row, p.amount, p.currency);
      cell(row, p.customerId || '—');
      cell(row, instant(p.createdAt));
    }, 'No payments yet.');
  } catch (e) {
    rows('recent', [], () => {}, e.message);
  }
}

async function openPayment(id) {
  $('pay-id').value = id;
  $('pay-error').textContent = '';
  let payment;
  try {
    payment = canReadPayments()
      ? await api.get('/api/payments/' + encodeURIComponent(id))
      : await api.get('/api/audit/payments/' + encodeURIComponent(id));
  } catch (e) {
    $('payment').hidden = true;
    $('pay-error').textContent = e instanceof api.ApiError && e.status === 404
      ? 'No payment found with the id ' + id + '.' : 'The payment could not be read: ' + e.message;
    return;
  }
  state.payment = payment;
  $('payment').hidden = false;
  fill('p-id', payment.id);
  fill('p-status', payment.status);
  fill('p-amount', money(payment.amount, payment.currency), payment.amount);
  fill('p-refunded', money(payment.amountRefunded, payment.currency), payment.amountRefunded);
  fill('p-customer', payment.customerId || '—');
  fill('p-order', payment.orderId || '—');
  fill('p-provider', payment.provider + (payment.providerPaymentId ? ' (' + payment.providerPaymentId + ')' : ''));
  const r = payment.reconciliation || {};
  fill('p-reconciliation', (r.status || '—') + (r.settlementId ? ' · ' + r.settlementId + ' · fee '
    + money(r.fee, payment.currency) + ' · net ' + money(r.netAmount, payment.currency) : ''));
  fill('p-created', instant(payment.createdAt));
  rows('p-refunds', payment.refunds || [], (row, f) => {
    cell(row, f.id);
    moneyCell(row, f.amount, f.currency);
    cell(row, f.status);
    cell(row, f.reason || '—');
    cell(row, instant(f.createdAt));
  }, 'No refunds.');
  if (canReadPayments()) {
    api.get('/api/payments/' + encodeURIComponent(id) + '/disputes').then((d) => rows('p-disputes', d.data, (row, x) => {
      cell(row, x.id);
      moneyCell(row, x.amount, x.currency);
      cell(row, x.status);
      cell(row, x.reason || '—');
      cell(row, instant(x.openedAt));
      cell(row, instant(x.closedAt));
    }, 'No disputes.')).catch((e) => rows('p-disputes', [], () => {}, e.message));
  }
  await loadHistory(id);
}

async function loadHistory(id) {
  const note = $('history-note');
  if (!state.scopes.has('audit:read')) {
    note.hidden = false;
    note.textContent = 'The history needs a token with audit:read.';
    $('asof').hidden = true;
    rows('p-events', [], () => {}, 'Not shown to this token.');
    return;
  }
  note.hidden = true;
  try {
    const events = await api.get('/api/audit/payments/' + encodeURIComponent(id) + '/events');
    state.events = events.data;
  } catch (e) {
    note.hidden = false;
    note.textContent = 'The history could not be read: ' + e.message;
    return;
  }
  rows('p-events', state.events, (row, e) => {
    const m = e.metadata || {};
    row.dataset.sequence = e.sequence;
    cell(row, String(e.sequence), 'num');
    cell(row, e.type);
    cell(row, instant(e.occurredAt));
    cell(row, m.actor || '—').className = 'actor';
    cell(row, m.source || '—').className = 'source';
    cell(row, m.correlationId || '—').className = 'request-id';
  }, 'No events.');
  const slider = $('asof-slider');
  $('asof').hidden = state.events.length === 0;
  slider.max = String(Math.max(0, state.events.length - 1));
  slider.value = slider.max;
  showAsOf();
}

let asOfTimer;
function showAsOf() {
  const event = state.events[Number($('asof-slider').value)];
  if (!event) return;
  $('asof-at').textContent = instant(event.occurredAt) + ' (after ' + event.type + ')';
  clearTimeout(asOfTimer);
  asOfTimer = setTimeout(async () => {
    try {
      const then = await api.get('/api/audit/payments/' + encodeURIComponent(state.payment.id),
        { asOf: event.occurredAt });
      $('asof-state').textContent = then.status + ' · ' + money(then.amount, then.currency) + ' · refunded '
        + money(then.amountRefunded, then.currency) + ' · reconciliation '
        + ((then.reconciliation && then.reconciliation.status) || '—');
      $('asof-state').dataset.status = then.status;
    } catch (e) {
      $('asof-state').textContent = e.message;
    }
  }, 120);
}

// ---- Live: the payment feed ----

function startFeed() {
  stopFeed();
  if (!canReadPayments()) {
    $('live-state').textContent = 'Live: needs payments:read';
    return;
  }
  const controller = new AbortController();
  state.feed = controller;
  follow(api.token(), onChange, (up, status) => {
    $('live-dot').classList.toggle('on', up);
    $('live-state').textContent = up ? 'Live: on' : (status ? 'Live: refused (HTTP ' + status + ')' : 'Live: reconnecting');
  }, controller.signal);
}

function stopFeed() {
  if (state.feed) state.feed.abort();
  state.feed = null;
}

let refreshTimer;
let lateRefreshTimer;
function onChange(message) {
  let change;
  try {
    change = JSON.parse(message.data);
  } catch (e) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'new';
  item.dataset.payment = change.paymentId;
  item.append(paymentLink(change.paymentId), ' ', change.event + ' · ' + instant(change.occurredAt));
  const list = $('live-list');
  list.prepend(item);
  while (list.children.length > 50) list.lastElementChild.remove();
  // Refresh what is on screen soon, and once more a little later: the reporting read models follow a moment behind.
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshView, 250);
  clearTimeout(lateRefreshTimer);
  lateRefreshTimer = setTimeout(refreshView, 1500);
  if (state.payment && state.payment.id === change.paymentId && !$('view-payments').hidden) {
    openPayment(change.paymentId);
  }
}

function refreshView() {
  if (!$('view-overview').hidden) loadOverview();
  if (!$('view-reconciliation').hidden) loadReconciliation();
  if (!$('view-payments').hidden) loadRecent();
}

// ---- start ----

function wire() {
  $('ov-from').value = utcDate(-29);
  $('ov-to').value = utcDate(0);
  $('rec-from').value = utcDate(-29);
  $('rec-to').value = utcDate(0);
  $('overview-form').addEventListener('submit', (e) => { e.preventDefault(); loadOverview(); });
  $('ov-currency').addEventListener('change', renderOverview);
  $('ov-group').addEventListener('change', loadOverview);
  $('rec-form').addEventListener('submit', (e) => { e.preventDefault(); loadReconciliation(); });
  $('rec-more').addEventListener('click', moreUnreconciled);
  $('tb-form').addEventListener('submit', (e) => { e.preventDefault(); loadJournal(); });
  $('tb-now').addEventListener('click', () => { $('tb-asof').value = ''; loadJournal(); });
  $('entries-more').addEventListener('click', () => openEntries(state.entries.account, true));
  $('pay-form').addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = '#payments/' + encodeURIComponent($('pay-id').value.trim());
  });
  $('asof-slider').addEventListener('input', showAsOf);
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    api.keepToken($('token').value);
    $('token').value = '';
    start();
  });
  $('sign-out').addEventListener('click', () => {
    api.forgetToken();
    showSignIn();
  });
  $('oidc-sign-in').addEventListener('click', () => oidc.begin(state.config).catch((e) => {
    $('sign-in-error').textContent = 'Signing in failed: ' + e.message;
  }));
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith('#token=')) start();
    else route();
  });
  api.whenUnauthorized(() => {
    api.forgetToken();
    showSignIn('The ledger refused this token (expired, or not signed by a key it trusts). Sign in again.');
  });
}

async function start() {
  readFragmentToken();
  if (api.token() && api.claims()) {
    signedIn();
    return;
  }
  if (api.token()) {
    api.forgetToken();
    showSignIn('That is not a token (a JWT has three parts separated by dots).');
    return;
  }
  showSignIn();
}

async function boot() {
  wire();
  readFragmentToken();
  try {
    state.config = await (await fetch('/dashboard/config.json')).json();
  } catch (e) {
    state.config = {};
  }
  if (state.config.issuer && state.config.clientId) {
    $('oidc').hidden = false;
    $('oidc-issuer').textContent = new URL(state.config.issuer).host;
    try {
      const issued = await oidc.complete(state.config);
      if (issued) api.keepToken(issued);
    } catch (e) {
      showSignIn('Signing in failed: ' + e.message);
      return;
    }
  }
  start();
}

boot();
