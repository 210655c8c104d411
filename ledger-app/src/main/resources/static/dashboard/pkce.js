// Signing in through the OIDC issuer: the authorization code flow with PKCE (RFC 7636, S256) and a state check, all in
// the browser (a public client: no secret). The verifier and state wait in session storage while the issuer asks.

const PENDING = 'ledger.dashboard.oidc';

export function base64url(bytes) {
  let text = '';
  new Uint8Array(bytes).forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random string of 43 URL-safe characters (32 random bytes). */
export function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))). */
export async function challenge(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

export async function discover(issuer) {
  const answer = await fetch(issuer.replace(/\/$/, '') + '/.well-known/openid-configuration');
  if (!answer.ok) throw new Error('the issuer answered its discovery document with HTTP ' + answer.status);
  return answer.json();
}

export function redirectUri() {
  return location.origin + '/dashboard';
}

/** Sends the browser to the issuer's authorization endpoint. */
export async function begin(config) {
  const discovery = await discover(config.issuer);
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, tokenEndpoint: discovery.token_endpoint }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scope || 'openid',
    state,
    code_challenge: await challenge(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(discovery.authorization_endpoint + '?' + query);
}

/**
 * When the issuer sent the browser back (?code=&state= or ?error=), trades the code for an access token; answers the
 * token, or null when this is no return from the issuer. Throws when the state does not match or the issuer refused.
 */
export async function complete(config, search = location.search) {
  const query = new URLSearchParams(search);
  if (!query.has('code') && !query.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname + location.hash);
  if (query.has('error')) throw new Error('the issuer refused: ' + query.get('error'));
  if (!pending || query.get('state') !== pending.state) {
    throw new Error('the answer from the issuer does not belong to this sign-in (state mismatch)');
  }
  const answer = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok || !body.access_token) {
    throw new Error('the issuer gave no token: ' + (body.error_description || body.error || 'HTTP ' + answer.status));
  }
  return body.access_token;
}
