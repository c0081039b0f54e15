// My study groups: the ones I am in, a new one, and joining one with an invite code.
import { fill, h, plural } from '../dom.js';
import { request } from '../api.js';
import { messageLine, signedIn } from '../ui/gate.js';

export function mount(root, context) {
  const body = h('div', { class: 'groups' });
  root.append(body);
  signedIn(body, context, 'Sign in for study groups', 'A study group keeps its members, shared decks and leaderboards in your accounts.',
    (session) => fill(body, groupsCard(session), createCard(session, context.navigate), joinCard(session, context.navigate, '')));
}

function groupsCard(session) {
  const list = h('ul', { class: 'deck-list', id: 'group-list' }, h('li', {}, 'Loading your groups…'));
  request('GET', '/api/groups', { token: session.token })
    .then((groups) => fill(list, groups.length ? groups.map((group) => h('li', {},
      h('a', { href: `/account/groups/${group.id}` }, group.name),
      h('span', { class: 'muted' }, ` · ${plural(group.members, 'member')} · ${group.role === 'owner' ? 'you own it' : 'member'}`)))
      : h('li', {}, 'You are not in a group yet: make one below, or join with an invite code.')))
    .catch((error) => fill(list, h('li', { class: 'message error' }, error.message)));
  return h('section', { class: 'card', 'aria-labelledby': 'groups-title' },
    h('h1', { id: 'groups-title' }, 'Your study groups'), list,
    h('p', {}, h('a', { href: '/account/record' }, 'My record'), ' · ', h('a', { href: '/host' }, 'My decks')));
}

function createCard(session, navigate) {
  const name = h('input', { id: 'group-name', name: 'name', maxlength: 80, required: true, autocomplete: 'off' });
  const description = h('textarea', { id: 'group-description', name: 'description', rows: 3, maxlength: 500 });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'create-group' }, 'Create the group');
  const message = messageLine('create-group-message');
  async function onSubmit(event) {
    event.preventDefault();
    if (!name.value.trim()) {
      message.say('Give the group a name.');
      return name.focus();
    }
    submit.disabled = true;
    try {
      const group = await request('POST', '/api/groups', { token: session.token,
        body: { name: name.value.trim(), description: description.value.trim() } });
      navigate(`/account/groups/${group.id}`);
    } catch (error) {
      message.say(error.message);
      submit.disabled = false;
    }
  }
  return h('section', { class: 'card', 'aria-labelledby': 'new-group-title' },
    h('h2', { id: 'new-group-title' }, 'New study group'),
    h('form', { id: 'new-group', novalidate: true, onsubmit: onSubmit },
      h('label', { for: 'group-name' }, 'Name'), name,
      h('label', { for: 'group-description' }, 'What the group studies (optional)'), description,
      submit, message));
}

/** Joining by code; also used by the invite link screen with the code filled in. */
export function joinCard(session, navigate, prefilled) {
  const code = h('input', { id: 'invite-code', name: 'inviteCode', value: prefilled, required: true, maxlength: 40, autocomplete: 'off',
    autocapitalize: 'characters', spellcheck: 'false', class: 'code-input', 'aria-describedby': 'invite-hint' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'join-group' }, 'Join the group');
  const message = messageLine('join-group-message');
  async function onSubmit(event) {
    event.preventDefault();
    const inviteCode = code.value.trim().toUpperCase();
    if (!inviteCode) {
      message.say('Enter the invite code a member gave you.');
      return code.focus();
    }
    submit.disabled = true;
    try {
      const group = await request('POST', '/api/groups/join', { token: session.token, body: { inviteCode } });
      navigate(`/account/groups/${group.id}`, null, { replace: Boolean(prefilled) });
    } catch (error) {
      message.say(error.status === 404 ? 'No group has that invite code. Check it, or ask for a new one.' : error.message);
      submit.disabled = false;
      code.focus();
    }
  }
  return h('section', { class: 'card', 'aria-labelledby': 'join-group-title' },
    h('h2', { id: 'join-group-title' }, 'Join a group'),
    h('form', { id: 'join-group-form', novalidate: true, onsubmit: onSubmit },
      h('label', { for: 'invite-code' }, 'Invite code'), code,
      h('small', { id: 'invite-hint' }, 'The 10-letter code from the group’s page, or open the invite link a member sent you.'),
      submit, message));
}
