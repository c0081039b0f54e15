// A finished game's results: every player and every question, with a CSV download.
import { fill, h, ordinal } from '../dom.js';
import { request } from '../api.js';
import { currentSession } from '../session.js';
import { playerSeat } from '../seats.js';
import { announce } from '../ui/announce.js';

/** A guest player proves their seat with the resume token; a host or signed-in player with their sign-in. */
function authorization(gameId) {
  const seat = playerSeat();
  if (seat && seat.gameId === gameId) return { auth: `Player ${seat.resumeToken}` };
  const session = currentSession();
  return session ? { token: session.token } : {};
}

export function mount(root, { params }) {
  const gameId = params[0];
  const body = h('div', { class: 'results' }, h('p', {}, 'Loading the results…'));
  root.append(body);
  request('GET', `/api/games/${gameId}/results`, authorization(gameId))
    .then((results) => {
      fill(body, view(results, gameId));
      announce(results.players.length ? `Results: ${results.players[0].nickname} came first.` : 'Results loaded.');
    })
    .catch((error) => fill(body, h('section', { class: 'card' }, h('h1', {}, 'Results'),
      h('p', { class: 'message error' }, error.status === 404 ? 'These results are not yours to see, or the game does not exist.' : error.message))));
}

function view(results, gameId) {
  const message = h('p', { class: 'message', role: 'status' });
  const download = h('button', { type: 'button', class: 'primary', id: 'download-csv', onclick: async () => {
    try {
      const blob = await request('GET', `/api/games/${gameId}/results.csv`, { ...authorization(gameId), as: 'blob' });
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: `quizhall-${results.roomCode}-results.csv`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      message.className = 'message ok';
      message.textContent = 'The CSV file is downloading.';
    } catch (error) {
      message.className = 'message error';
      message.textContent = error.message;
    }
  } }, 'Download CSV');
  return [
    h('section', { class: 'card', 'aria-labelledby': 'results-title' },
      h('h1', { id: 'results-title' }, `Results of room ${results.roomCode}`),
      h('p', { class: 'muted' }, results.finished ? 'The game is finished.' : 'The game is still going: these are the results so far.'),
      h('table', { class: 'table', id: 'results-players' },
        h('caption', {}, 'Players'),
        h('thead', {}, h('tr', {}, ['Place', 'Nickname', 'Score', 'Right', 'Answered', 'Mean time'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, results.players.map((p) => h('tr', {},
          h('td', {}, ordinal(p.rank)), h('th', { scope: 'row' }, p.nickname), h('td', {}, String(p.score)),
          h('td', {}, String(p.correct)), h('td', {}, String(p.answered)),
          h('td', {}, p.meanResponseMs == null ? '–' : `${(p.meanResponseMs / 1000).toFixed(1)} s`))))),
      download, message),
    h('section', { class: 'card', 'aria-labelledby': 'questions-title' },
      h('h2', { id: 'questions-title' }, 'Questions'),
      h('ol', { class: 'result-questions' }, results.questions.map((q) => {
        const rate = q.correctRate ?? 0;
        return h('li', {},
          h('p', { class: 'prompt-text' }, q.prompt),
          h('p', { class: rate < 0.5 ? 'hard' : 'easy' },
            `${rate < 0.5 ? '⚠ ' : '✓ '}${Math.round(rate * 100)}% right (${q.correct} of ${q.answered} answers)`));
      }))),
  ];
}
