'use strict';
// The fleet console: one organization's fleet summary, refreshed whenever the event feed's long
// poll hears of a new event, and every few seconds for the ages that grow without one. It calls the
// bundle's documented JSON endpoints only, with the caller's own credentials.
(() => {
  const FEED_WAIT_SECONDS = 10;
  const REFRESH_EVERY_MS = 15000;
  const PAUSE_AFTER_FAILURE_MS = 5000;
  // a long poll answered at once means the server's waiting slots are taken: ask again later
  const PAUSE_AFTER_QUICK_ANSWER_MS = 2000;

  const $ = (id) => document.getElementById(id);
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  let credentials = null; // {accessKey, secret, token}: in token mode only, and in memory only
  let orgId = new URLSearchParams(location.search).get('orgId') || '';
  let cursor = 0;
  let generation = 0; // each organization shown gets its own; an older loop sees it and stops

  class Refusal extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }

  async function sha256Hex(text) {
    if (!window.crypto || !crypto.subtle) {
      throw new Refusal(0, 'Signing needs a secure context: open the console over HTTPS or on localhost.');
    }
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function newToken() {
    const timestamp = String(Date.now());
    const encryption = await sha256Hex(credentials.accessKey + timestamp + credentials.secret);
    const response = await fetch('/apim-token-service/v2.0/token/get', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({appKey: credentials.accessKey, timestamp, encryption}),
    });
    const answer = await response.json();
    if (answer.status !== 0) {
      throw new Refusal(99401, answer.msg);
    }
    return answer.data.accessToken;
  }

  // EnOS's signature: SHA-256 of token + the query parameters sorted by name (name then value) + timestamp + secret
  async function signedHeaders(query) {
    if (!credentials) {
      return {};
    }
    if (!credentials.token) {
      credentials.token = await newToken();
    }
    const timestamp = String(Date.now());
    const params = Array.from(query.entries())
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => name + value)
      .join('');
    return {
      'apim-accesstoken': credentials.token,
      'apim-timestamp': timestamp,
      'apim-signature': await sha256Hex(credentials.token + params + timestamp + credentials.secret),
    };
  }

  async function get(path, parameters, retried = false) {
    const query = new URLSearchParams(parameters);
    const response = await fetch(path + '?' + query, {headers: await signedHeaders(query), cache: 'no-store'});
    const answer = await response.json();
    if (answer.code === 99401 && credentials && credentials.token && !retried) {
      credentials.token = null; // expired or retired: one new token, then the refusal stands
      return get(path, parameters, true);
    }
    if (answer.code !== 0) {
      throw new Refusal(answer.code, answer.msg);
    }
    return answer.data;
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text == null ? '' : String(text);
    if (className) {
      td.className = className;
    }
  }

  function fill(tableId, items, columns, emptyText) {
    const body = $(tableId).tBodies[0];
    body.replaceChildren();
    if (items.length === 0) {
      const row = body.insertRow();
      row.className = 'empty';
      const td = row.insertCell();
      td.colSpan = $(tableId).tHead.rows[0].cells.length;
      td.textContent = emptyText;
      return;
    }
    for (const item of items) {
      const row = body.insertRow();
      columns(item).forEach(([text, className]) => cell(row, text, className));
    }
  }

  const number = (n) => n.toLocaleString('en');
  const time = (iso) => (iso ? new Date(iso).toLocaleString('en-GB') : '');

  function show(fleet) {
    $('devices').textContent = number(fleet.devices);
    $('upgrading').textContent = number(fleet.upgrading);
    $('stalled-count').textContent = number(fleet.stalled.length);
    $('started-last-hour').textContent = number(fleet.lastHour.UPGRADE_STARTED);
    $('finished-last-hour').textContent = number(fleet.lastHour.UPGRADE_FINISHED);
    $('outbox-pending').textContent = number(fleet.outbox.pending);
    $('outbox-parked').textContent = number(fleet.outbox.parked);
    $('outbox-lag').textContent = number(fleet.outbox.deliveryLagSeconds) + ' s';
    fill('groups', fleet.byProductAndVersion, (g) => [
      [g.productKey], [g.firmwareVersion == null ? '(not reported)' : g.firmwareVersion],
      [number(g.devices), 'number'], [number(g.upgrading), 'number'],
    ], 'No devices.');
    $('groups-truncated').hidden = !fleet.groupsTruncated;
    fill('stalled', fleet.stalled, (s) => [
      [s.assetId], [s.productKey], [s.firmwareVersionBefore], [time(s.upgradingSince)],
    ], 'No stalled upgrade.');
    fill('events', fleet.latestEvents, (entry) => {
      const data = entry.event.data;
      const firmware = data.firmwareVersionAfter && data.firmwareVersionAfter !== data.firmwareVersionBefore
        ? (data.firmwareVersionBefore || '?') + ' → ' + data.firmwareVersionAfter
        : data.firmwareVersionBefore;
      return [[time(entry.event.time)], [entry.event.type, entry.event.type], [data.assetId], [data.productKey],
        [firmware], [entry.status]];
    }, 'No event yet.');
    $('fleet').hidden = false;
  }

  function status(state, text) {
    $('live').dataset.state = state;
    $('live').textContent = text;
  }

  function problem(error) {
    const unauthorized = error.code === 99401;
    $('sign-in').hidden = !unauthorized;
    $('problem').hidden = false;
    $('problem').textContent = unauthorized && !credentials
      ? 'Sign in to see this organization.'
      : error.message;
    if (unauthorized || error.code === 99403) {
      $('fleet').hidden = true;
    }
    status('error', 'not live');
  }

  let lastRefresh = 0;
  async function refresh(mine) {
    const fleet = await get('/ota-sync/v1/fleet', {orgId});
    if (mine !== generation) {
      return;
    }
    lastRefresh = Date.now();
    cursor = Math.max(cursor, fleet.cursor);
    $('problem').hidden = true;
    $('sign-in').hidden = true;
    show(fleet);
  }

  async function follow(mine) {
    while (mine === generation) {
      try {
        if (Date.now() - lastRefresh >= REFRESH_EVERY_MS) {
          await refresh(mine);
        }
        const asked = Date.now();
        const page = await get('/ota-sync/v1/events', {orgId, after: cursor, limit: 1, wait: FEED_WAIT_SECONDS});
        if (mine !== generation) {
          return;
        }
        status('live', 'live');
        if (page.events.length > 0) {
          cursor = page.nextCursor;
          await refresh(mine);
        } else if (Date.now() - asked < 1000) {
          await pause(PAUSE_AFTER_QUICK_ANSWER_MS);
        }
      } catch (error) {
        if (mine !== generation) {
          return;
        }
        problem(error);
        if (error.code === 99401 || error.code === 99403 || error.code === 99400) {
          return; // waits for a sign-in or another organization
        }
        await pause(PAUSE_AFTER_FAILURE_MS);
      }
    }
  }

  function start() {
    generation += 1;
    cursor = 0;
    lastRefresh = 0;
    if (!orgId) {
      status('idle', 'no organization');
      return;
    }
    status('idle', 'connecting');
    follow(generation);
  }

  $('organization').addEventListener('submit', (event) => {
    event.preventDefault();
    orgId = $('org-id').value.trim();
    history.replaceState(null, '', '?' + new URLSearchParams({orgId}));
    start();
  });

  $('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    credentials = {accessKey: $('access-key').value.trim(), secret: $('secret').value, token: null};
    $('secret').value = '';
    start();
  });

  $('org-id').value = orgId;
  start();
})();
