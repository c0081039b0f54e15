// A player tells the deck's owner that a question is wrong: at the reveal, one flag per question, changeable.
import { h, fill } from '../dom.js';
import { request } from '../api.js';

const REASONS = [['wrong_key', 'The key is wrong'], ['unclear', 'It is unclear'], ['two_right', 'Two answers are right']];
let flags = 0;

/** A "Flag this question" button that opens a small form; `auth` is the seat's `Player <resumeToken>`. */
export function flagControl({ gameId, index, auth }) {
  const n = ++flags;
  const slot = h('div', { class: 'flag', id: `flag-${n}` });
  const open = h('button', { type: 'button', class: 'link flag-open', 'aria-expanded': 'false' }, '⚑ Flag this question');
  const message = h('p', { class: 'message', role: 'status', 'aria-live': 'polite' });
  open.addEventListener('click', () => {
    open.setAttribute('aria-expanded', 'true');
    let reason = null;
    const comment = h('input', { id: `flag-comment-${n}`, maxlength: 500, placeholder: 'What is wrong? (optional)' });
    const send = h('button', { type: 'submit', class: 'secondary flag-send' }, 'Send to the teacher');
    const form = h('form', { class: 'flag-form', novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      if (!reason) {
        message.className = 'message error';
        message.textContent = 'Choose what is wrong first.';
        return;
      }
      send.disabled = true;
      try {
        await request('POST', `/api/games/${gameId}/flags`, { auth, body: { index, reason, comment: comment.value } });
        fill(slot, h('p', { class: 'message ok flag-sent', role: 'status' }, 'Flagged: the deck’s owner will see it. Thank you.'));
      } catch (error) {
        message.className = 'message error';
        message.textContent = error.message;
        send.disabled = false;
      }
    } },
    h('fieldset', {}, h('legend', {}, 'What is wrong with this question?'),
      REASONS.map(([value, label]) => h('label', { class: 'check' },
        h('input', { type: 'radio', name: `flag-reason-${n}`, value, onchange: () => { reason = value; } }), ` ${label}`))),
    h('label', { for: `flag-comment-${n}` }, 'Comment'), comment, send, message);
    fill(slot, form);
    form.querySelector('input[type="radio"]').focus();
  });
  return fill(slot, open);
}
