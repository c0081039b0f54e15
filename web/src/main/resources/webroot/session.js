// The signed-in session, kept in localStorage so it survives a reload.
import { request } from './api.js';

const KEY = 'quizhall.session';

export function currentSession() {
  try {
    return JSON.parse(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export async function signUp(username, password) {
  await request('POST', '/api/accounts', { body: { username, password } });
  return signIn(username, password);
}

export async function signIn(username, password) {
  const session = await request('POST', '/api/sessions', { body: { username, password } });
  const stored = { token: session.token, expiresAt: session.expiresAt, username: session.account.username };
  localStorage.setItem(KEY, JSON.stringify(stored));
  return stored;
}

/** Checks the stored token with the server; forgets it when the server no longer knows it. */
export async function confirmSession() {
  const session = currentSession();
  if (!session) return null;
  try {
    const me = await request('GET', '/api/me', { token: session.token });
    return { ...session, username: me.username };
  } catch (error) {
    if (error.status === 401) localStorage.removeItem(KEY);
    return error.status === 401 ? null : session;
  }
}

export async function signOut() {
  const session = currentSession();
  localStorage.removeItem(KEY);
  if (session) {
    await request('DELETE', '/api/sessions/current', { token: session.token }).catch(() => {});
  }
}
