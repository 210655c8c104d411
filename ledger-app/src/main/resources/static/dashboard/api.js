// The ledger's API with the user's token, sent as Authorization: Bearer. The token lives in this tab's session storage
// only: never a cookie, never local storage, never a query string.

const KEY = 'ledger.dashboard.token';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function keepToken(value) {
  sessionStorage.setItem(KEY, value.trim());
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

/** The token's claims (not verified here: the ledger verifies it on every call). */
export function claims(jwt = token()) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'))
      .join(''));
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}

/** The scopes the token carries (`scope`, space separated, or `scp`, a list). */
export function scopes(jwt = token()) {
  const c = claims(jwt);
  if (!c) return new Set();
  if (Array.isArray(c.scp)) return new Set(c.scp);
  if (typeof c.scope === 'string') return new Set(c.scope.split(' ').filter(Boolean));
  if (typeof c.scp === 'string') return new Set(c.scp.split(' ').filter(Boolean));
  return new Set();
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

let onUnauthorized = () => {};

export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

/** GETs an API path with query parameters (empty ones left out); answers the JSON body or throws an ApiError. */
export async function get(path, parameters = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  const url = path + (query.toString() ? '?' + query : '');
  const answer = await fetch(url, { headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' } });
  const body = await answer.json().catch(() => null);
  if (answer.status === 401) {
    onUnauthorized(body);
  }
  if (!answer.ok) {
    throw new ApiError(answer.status, body);
  }
  return body;
}
