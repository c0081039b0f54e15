// A self-paced assignment: the questions one by one with the answer shown at once, and a live leaderboard.
import { fill, h, ordinal, plural } from '../dom.js';
import { request } from '../api.js';
import { announce } from '../ui/announce.js';
import { percent, signedIn, when } from '../ui/gate.js';
import { askOnce, missed } from '../ui/selfpaced.js';

const POLL_MS = 4000;

export function mount(root, context) {
  const id = context.params[0];
  const body = h('div', { class: 'assignment' });
  root.append(body);
  let timer = null;
  let stopKeys = () => {};
  let stopped = false;
  signedIn(body, context, 'Sign in for this assignment', 'Assignments belong to a study group’s members.', (session) => {
    const api = (method, path, payload) => request(method, path, { token: session.token, body: payload });
    const stage = h('div', { class: 'stage', id: 'stage' });
    const score = h('p', { class: 'big', id: 'assignment-score' });
    const board = h('div', { id: 'assignment-leaderboard' });
    const boardState = h('p', { class: 'muted', id: 'assignment-board-state' });

    function poll() {
      clearTimeout(timer);
      api('GET', `/api/assignments/${id}/leaderboard`)
        .then((lb) => {
          if (stopped) return;
          boardState.textContent = lb.open ? `Live: updates every few seconds until ${when(lb.closesAt)}.` : `Closed ${when(lb.closesAt)}: final standings.`;
          fill(board, lb.entries.length ? h('ol', { class: 'leaderboard' }, lb.entries.map((e) => h('li', { class: e.username === session.username ? 'me' : null },
            h('span', { class: 'rank' }, ordinal(e.rank)),
            h('span', { class: 'name' }, e.username, e.username === session.username ? ' (you)' : ''),
            h('span', { class: 'score' }, `${e.points} pts`),
            h('span', { class: 'streak' }, `${e.answered} answered · ${percent(e.accuracy)} right`))))
            : h('p', {}, 'Nobody has answered yet.'));
          if (lb.open) timer = setTimeout(poll, POLL_MS);
        })
        .catch(() => { if (!stopped) timer = setTimeout(poll, POLL_MS * 2); });
    }

    api('GET', `/api/assignments/${id}`).then((assignment) => {
      if (stopped) return;
      const questions = assignment.questions || [];
      const total = questions.length;
      let answered = questions.filter((q) => q.answered).length;
      const showScore = (points) => { score.textContent = `${points} points · ${answered} of ${total} answered`; };
      showScore(assignment.score || 0);
      const now = Date.now();
      const open = now >= Date.parse(assignment.opensAt) && now <= Date.parse(assignment.closesAt);

      function next() {
        stopKeys();
        const q = questions.find((item) => !item.answered);
        if (!open || !q) {
          fill(stage, h('h2', { tabindex: '-1', id: 'assignment-done' }, !open && now < Date.parse(assignment.opensAt)
            ? `This assignment opens ${when(assignment.opensAt)}.`
            : q ? 'This assignment is closed.' : 'All done: every question is answered.'),
          h('p', {}, questions.length ? `${plural(questions.filter((x) => x.correct).length, 'right answer')} of ${total}.` : ''));
          stage.querySelector('#assignment-done').focus();
          return;
        }
        stopKeys = askOnce(stage, q, {
          heading: `Question ${q.index + 1} of ${total}`,
          send: async (answer) => {
            const verdict = await api('POST', `/api/assignments/${id}/answers`, { index: q.index, ...answer });
            q.answered = true;
            q.correct = verdict.correct;
            answered = verdict.answered ?? answered + 1;
            showScore(verdict.score);
            announce(verdict.correct ? `Right! +${verdict.points} points.` : `${missed(verdict)} The answer is ${verdict.answer}.`);
            poll();
            return verdict;
          },
          extra: (verdict) => (verdict.correct ? h('p', {}, `+${verdict.points} points`) : null),
          onDone: next,
        });
      }

      fill(body,
        h('section', { class: 'card', 'aria-labelledby': 'assignment-title' },
          h('h1', { id: 'assignment-title' }, assignment.title),
          h('p', { class: 'muted' }, `Open ${when(assignment.opensAt)} to ${when(assignment.closesAt)} · ${plural(total, 'question')}`),
          score, stage),
        h('section', { class: 'card', 'aria-labelledby': 'assignment-board-title' },
          h('h2', { id: 'assignment-board-title' }, 'Leaderboard'), boardState, board));
      next();
      poll();
    }).catch((error) => fill(body, h('section', { class: 'card' }, h('h1', {}, 'Assignment'),
      h('p', { class: 'message error' }, error.status === 404 ? 'This assignment does not exist, or it is not for your groups.' : error.message))));
  });
  return () => { stopped = true; clearTimeout(timer); stopKeys(); };
}
