// One mock exam: its shape, its plan per topic, the owner's attempts, and the button that starts (or resumes) one.
import { fill, h, plural } from '../dom.js';
import { request } from '../api.js';
import { confirmButton, messageLine, signedIn, when } from '../ui/gate.js';
import { examEditForm, passMarkText } from './exams.js';

export function mount(root, context) {
  const id = context.params[0];
  const body = h('div', { class: 'exam' });
  root.append(body);
  signedIn(body, context, 'Sign in for this exam', 'Exams belong to the account that set them.', (session) => {
    const api = (method, path, payload) => request(method, path, { token: session.token, body: payload });
    // Only the form that changes the exam needs its deck: without it (the deck made private, no connection) the exam is
    // still shown and can be sat.
    api('GET', `/api/exams/${id}`).then((exam) => api('GET', `/api/decks/${exam.deckId}`)
      .then((deck) => [exam, deck, null], (deckError) => [exam, null, deckError])).then(([exam, deck, deckError]) => {
      const message = messageLine('exam-message');
      // Attempts in a group sitting count for neither the limit nor the one-at-a-time rule.
      const solo = exam.attempts.filter((a) => !a.sittingId);
      const open = solo.find((a) => a.state === 'open');
      const left = exam.attemptsAllowed == null ? null : exam.attemptsAllowed - solo.length;
      const start = async () => {
        message.say('Drawing your questions…', 'ok');
        try {
          const attempt = await api('POST', `/api/exams/${id}/attempts`);
          context.navigate(`/account/attempts/${attempt.id}`);
        } catch (error) {
          message.say(error.message);
        }
      };
      fill(body,
        h('section', { class: 'card', 'aria-labelledby': 'exam-title' },
          h('p', { class: 'muted' }, h('a', { href: '/account/exams' }, 'Mock exams'), ' ›'),
          h('h1', { id: 'exam-title' }, exam.title),
          h('p', { id: 'exam-shape' }, `${plural(exam.questionCount, 'question')} in ${plural(exam.minutes, 'minute')} · ${passMarkText(exam.passMark)}`
            + ` (${exam.passMark.correctNeeded} of ${exam.questionCount} right)`,
            ...(exam.deckTitle ? [' · from ', h('a', { href: `/decks/${exam.deckId}` }, exam.deckTitle)] : [])),
          h('p', { class: 'muted' }, exam.shuffleOptions ? 'Options are shuffled for each attempt. ' : 'Options keep their order. ',
            left == null ? 'As many attempts as you like.' : `${plural(Math.max(0, left), 'attempt')} left.`),
          h('p', {}, h('a', { href: `/decks/${exam.deckId}/readiness?exam=${exam.id}`, id: 'exam-readiness' }, 'Readiness for this exam'),
            ': your predicted score now, and what to review.'),
          open ? h('a', { class: 'button', href: `/account/attempts/${open.id}`, id: 'resume-attempt' }, 'Resume your attempt')
            : h('button', { type: 'button', class: 'primary', id: 'start-attempt', disabled: left === 0, onclick: start }, 'Start an attempt'),
          message),
        h('section', { class: 'card', 'aria-labelledby': 'plan-title' },
          h('h2', { id: 'plan-title' }, exam.blueprint ? 'Blueprint' : 'Blueprint: the deck’s topics in proportion'),
          h('table', { class: 'table', id: 'exam-plan' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Topic'), h('th', { scope: 'col' }, 'Weight'),
              h('th', { scope: 'col' }, 'Questions drawn'), h('th', { scope: 'col' }, 'In the deck'))),
            h('tbody', {}, exam.plan.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.topic || 'Other'), h('td', {}, String(p.weight)),
              h('td', {}, String(p.questions)), h('td', {}, String(p.available))))))),
        h('details', { class: 'card', id: 'edit-exam' },
          h('summary', {}, 'Change this exam'),
          deck
            // Saved, the page shows the exam as changed in place of the form: Back does not come back to the form.
            ? examEditForm(exam, deck, api, () => context.navigate(`/account/exams/${id}`, null, { replace: true }))
            : h('p', { class: 'message error', id: 'edit-exam-unavailable' }, deckError.status === 404
              ? 'This exam’s deck is no longer open to you, so the exam cannot be changed. It can still be sat.'
              : `This exam’s deck did not load, so the exam cannot be changed now. ${deckError.message}`)),
        h('section', { class: 'card', 'aria-labelledby': 'attempts-title' },
          h('h2', { id: 'attempts-title' }, 'Your attempts'),
          exam.attempts.length ? h('ul', { class: 'deck-list', id: 'attempt-list' }, exam.attempts.map((a) => h('li', {},
            h('a', { href: `/account/attempts/${a.id}` }, `Attempt ${a.number}`, a.sittingId ? ' (group sitting)' : ''),
            h('span', { class: 'muted' }, a.state === 'open' ? ` · under way, started ${when(a.startedAt)}`
              // Time ran out a moment ago and the server has not marked it yet: it is marked when opened.
              : a.correctCount == null ? ' · time is up: open it to see the marks'
              : ` · ${a.correctCount} of ${a.questionCount} right · ${when(a.submittedAt)}`))))
            : h('p', {}, 'None yet.'),
          confirmButton({ id: 'delete-exam' }, 'Delete this exam', 'Press again to delete it and its attempts', async () => {
            try {
              await api('DELETE', `/api/exams/${id}`);
              context.navigate('/account/exams');
            } catch (error) {
              message.say(error.message);
            }
          })));
    }).catch((error) => fill(body, h('section', { class: 'card' }, h('h1', {}, 'Exam'),
      h('p', { class: 'message error' }, error.status === 404 ? 'You have no such exam.' : error.message))));
  });
}
