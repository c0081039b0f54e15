// The landing page: sign in or create an account.
import { confirmSession, signIn, signOut, signUp } from './session.js';

const $ = (id) => document.getElementById(id);
let mode = 'sign-in';

function setMode(next) {
  mode = next;
  $('tab-sign-in').setAttribute('aria-selected', String(mode === 'sign-in'));
  $('tab-sign-up').setAttribute('aria-selected', String(mode === 'sign-up'));
  $('account-submit').textContent = mode === 'sign-in' ? 'Sign in' : 'Create account';
  $('password').autocomplete = mode === 'sign-in' ? 'current-password' : 'new-password';
  say('', '');
}

function say(text, kind) {
  const message = $('account-message');
  message.textContent = text;
  message.className = `message ${kind}`;
}

function show(session) {
  const signedIn = Boolean(session);
  $('signed-in').hidden = !signedIn;
  $('account-form').hidden = signedIn;
  document.querySelector('.tabs').hidden = signedIn;
  $('welcome').hidden = !signedIn;
  if (signedIn) {
    $('signed-in-name').textContent = session.username;
    $('welcome-name').textContent = session.username;
  }
}

async function submit(event) {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  const button = $('account-submit');
  button.disabled = true;
  try {
    const session = mode === 'sign-in' ? await signIn(username, password) : await signUp(username, password);
    $('password').value = '';
    show(session);
  } catch (error) {
    say(error.message, 'error');
  } finally {
    button.disabled = false;
  }
}

$('tab-sign-in').addEventListener('click', () => setMode('sign-in'));
$('tab-sign-up').addEventListener('click', () => setMode('sign-up'));
$('account-form').addEventListener('submit', submit);
$('sign-out').addEventListener('click', async () => {
  await signOut();
  show(null);
  say('You are signed out.', 'ok');
});

show(await confirmSession());
