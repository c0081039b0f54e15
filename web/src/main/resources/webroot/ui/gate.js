// Screens that belong to an account: check the sign-in first, and offer the sign-in form in place when there is none.
import { fill, h } from '../dom.js';
import { confirmSession } from '../session.js';
import { accountForm } from '../screens/account.js';

/**
 * Fills `body` with a sign-in card when nobody is signed in (and shows the screen again after signing in),
 * otherwise calls `show(session)`.
 */
export function signedIn(body, { refreshHeader, navigate }, title, why, show) {
  fill(body, h('p', {}, 'Loading…'));
  confirmSession().then((session) => {
    refreshHeader();
    if (!session) {
      fill(body, h('section', { class: 'card', 'aria-labelledby': 'gate-title' },
        h('h1', { id: 'gate-title' }, title),
        h('p', {}, why),
        accountForm(() => { refreshHeader(); navigate(location.pathname, null, { replace: true }); })));
      return;
    }
    show(session);
  });
}

/** A status line for a form or a section: `say(text, 'ok' | 'error')`. */
export function messageLine(id) {
  const el = h('p', { class: 'message', id, role: 'status', 'aria-live': 'polite' });
  el.say = (text, kind = 'error') => {
    el.textContent = text;
    el.className = text ? `message ${kind}` : 'message';
  };
  return el;
}

/** A button that needs a second press within five seconds, for what cannot be undone. */
export function confirmButton(props, label, armedLabel, action) {
  let armed = null;
  const button = h('button', { type: 'button', class: 'danger', ...props, onclick: () => {
    if (!armed) {
      button.textContent = armedLabel;
      armed = setTimeout(() => { armed = null; button.textContent = label; }, 5000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    button.textContent = label;
    action();
  } }, label);
  return button;
}

export function percent(fraction) {
  return `${Math.round((fraction || 0) * 100)}%`;
}

/** A date and time in the reader's own words, e.g. "Tue 3 Jun, 14:05". */
export function when(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
