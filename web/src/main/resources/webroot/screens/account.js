// Sign in or create an account; also used inline by screens that need a signed-in host.
import { h } from '../dom.js';
import { signIn, signUp } from '../session.js';

/** A sign-in / sign-up form; calls onSignedIn(session) when done. */
export function accountForm(onSignedIn) {
  let mode = 'sign-in';
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, minlength: 3, maxlength: 32,
    pattern: '[A-Za-z0-9_.\\-]+', 'aria-describedby': 'username-hint' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
    minlength: 8, maxlength: 256, 'aria-describedby': 'password-hint' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'account-submit' }, 'Sign in');
  const message = h('p', { class: 'message', id: 'account-message', role: 'status', 'aria-live': 'polite' });
  const signInTab = h('button', { type: 'button', role: 'tab', id: 'tab-sign-in', 'aria-selected': 'true', onclick: () => setMode('sign-in') }, 'Sign in');
  const signUpTab = h('button', { type: 'button', role: 'tab', id: 'tab-sign-up', 'aria-selected': 'false', onclick: () => setMode('sign-up') }, 'Create account');

  function setMode(next) {
    mode = next;
    signInTab.setAttribute('aria-selected', String(mode === 'sign-in'));
    signUpTab.setAttribute('aria-selected', String(mode === 'sign-up'));
    submit.textContent = mode === 'sign-in' ? 'Sign in' : 'Create account';
    password.autocomplete = mode === 'sign-in' ? 'current-password' : 'new-password';
    say('', '');
  }

  function say(text, kind) {
    message.textContent = text;
    message.className = `message ${kind}`;
  }

  async function onSubmit(event) {
    event.preventDefault();
    submit.disabled = true;
    try {
      const name = username.value.trim();
      const session = mode === 'sign-in' ? await signIn(name, password.value) : await signUp(name, password.value);
      password.value = '';
      onSignedIn(session);
    } catch (error) {
      say(error.message, 'error');
    } finally {
      submit.disabled = false;
    }
  }

  return h('div', { class: 'account' },
    h('div', { class: 'tabs', role: 'tablist' }, signInTab, signUpTab),
    h('form', { id: 'account-form', novalidate: true, onsubmit: onSubmit },
      h('label', { for: 'username' }, 'Username'), username,
      h('small', { id: 'username-hint' }, '3 to 32 letters, digits, _, . or -.'),
      h('label', { for: 'password' }, 'Password'), password,
      h('small', { id: 'password-hint' }, 'At least 8 characters.'),
      submit, message));
}

export function mount(root, { navigate, refreshHeader }) {
  root.append(h('section', { class: 'card', 'aria-labelledby': 'account-title' },
    h('h1', { id: 'account-title' }, 'Your account'),
    accountForm(() => { refreshHeader(); navigate('/host'); })));
}
