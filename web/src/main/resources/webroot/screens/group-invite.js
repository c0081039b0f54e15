// An invite link (/join/group/<code>): sign in if needed, then join the group with one press.
import { fill, h } from '../dom.js';
import { signedIn } from '../ui/gate.js';
import { joinCard } from './groups.js';

export function mount(root, context) {
  const code = (context.params[0] || '').toUpperCase();
  const body = h('div', { class: 'group-invite' });
  root.append(body);
  signedIn(body, context, 'You are invited to a study group', 'Sign in or create an account first: the group keeps its scores in its members’ accounts.',
    (session) => {
      fill(body, h('p', { class: 'muted' }, `Signed in as ${session.username}.`), joinCard(session, context.navigate, code));
      body.querySelector('#join-group').focus();
    });
}
