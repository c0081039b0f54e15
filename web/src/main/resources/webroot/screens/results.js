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
      const session = currentSession();
      // The host also gets the gradebook: every player against every question. Players get a 403 and no grid.
      if (session) {
        request('GET', `/api/games/${gameId}/answers`, { token: session.token })
          .then((sheet) => body.append(gradebook(sheet, session)))
          .catch(() => {});
      }
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
      h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'results-players' },
        h('caption', {}, 'Players'),
        h('thead', {}, h('tr', {}, ['Place', 'Nickname', 'Score', 'Right', 'Answered', 'Mean time'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, results.players.map((p) => h('tr', {},
          h('td', {}, ordinal(p.rank)), h('th', { scope: 'row' }, p.nickname), h('td', {}, String(p.score)),
          h('td', {}, String(p.correct)), h('td', {}, String(p.answered)),
          h('td', {}, p.meanResponseMs == null ? '–' : `${(p.meanResponseMs / 1000).toFixed(1)} s`)))))),
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

/** Who missed what: a row per player, a column per question, each cell the answer given; sortable; files to download. */
function gradebook(sheet, session) {
  const byCell = new Map(sheet.answers.map((a) => [`${a.player}:${a.index}`, a]));
  let order = { by: 'rank', index: null };
  const table = h('table', { class: 'table gradebook', id: 'gradebook' });
  const message = h('p', { class: 'message', role: 'status' });

  function rows() {
    const players = [...sheet.players];
    if (order.by === 'name') players.sort((a, b) => a.nickname.localeCompare(b.nickname));
    else if (order.by === 'question') {
      // Who missed it first: wrong, then no answer, then right.
      const rankOf = (p) => { const a = byCell.get(`${p.id}:${order.index}`); return !a ? 1 : a.correct ? 2 : 0; };
      players.sort((a, b) => rankOf(a) - rankOf(b) || a.rank - b.rank);
    } else players.sort((a, b) => a.rank - b.rank);
    return players;
  }

  function header(label, next, pressed) {
    return h('button', { type: 'button', class: 'link sort', 'aria-pressed': pressed ? 'true' : 'false',
      onclick: () => { order = next; render(); } }, label);
  }

  function render() {
    fill(table,
      h('caption', {}, 'Every player against every question (✓ right, ✗ wrong, – no answer)'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, header('Player', { by: 'name' }, order.by === 'name')),
        h('th', { scope: 'col' }, header('Score', { by: 'rank' }, order.by === 'rank')),
        sheet.questions.map((q) => h('th', { scope: 'col', title: `${q.prompt} — key: ${q.key}` },
          header(`Q${q.index + 1}`, { by: 'question', index: q.index }, order.by === 'question' && order.index === q.index),
          sheet.deckId && q.deckQuestionId ? [' ', h('a', { href: `/decks/${sheet.deckId}?question=${encodeURIComponent(q.deckQuestionId)}`,
            class: 'edit-link', 'aria-label': `Edit question ${q.index + 1} in the deck` }, '✎')] : null)))),
      h('tbody', {}, rows().map((p) => h('tr', {},
        h('th', { scope: 'row' }, p.nickname),
        h('td', {}, String(p.score)),
        sheet.questions.map((q) => {
          const a = byCell.get(`${p.id}:${q.index}`);
          const mark = !a ? '–' : a.correct ? '✓' : '✗';
          const said = !a ? 'no answer' : `${a.correct ? 'right' : 'wrong'}: ${a.given || '(blank)'}`;
          return h('td', { class: !a ? 'none' : a.correct ? 'right' : 'wrong', title: said,
            'aria-label': `${p.nickname}, question ${q.index + 1}: ${said}` }, mark, a && !a.correct ? h('small', {}, ` ${a.given}`) : null);
        })))));
  }

  async function download(path, name) {
    try {
      const blob = await request('GET', path, { token: session.token, as: 'blob' });
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      message.className = 'message ok';
      message.textContent = `${name} is downloading.`;
    } catch (error) {
      message.className = 'message error';
      message.textContent = error.message;
    }
  }

  render();
  const base = `/api/games/${sheet.gameId}`;
  const file = (t, ext) => `quizhall-${sheet.roomCode.toLowerCase()}-${t}.${ext}`;
  return h('section', { class: 'card wide-card', 'aria-labelledby': 'gradebook-title' },
    h('h2', { id: 'gradebook-title' }, 'Who missed what'),
    h('p', { class: 'muted' }, 'Sort by a question to see who missed it first. ✎ opens the question in your deck.'),
    h('div', { class: 'table-wrap' }, table),
    h('div', { class: 'button-row' },
      h('button', { type: 'button', class: 'primary', id: 'download-xlsx', onclick: () => download(`${base}/results.xlsx`, file('results', 'xlsx')) }, 'Download for Excel'),
      ['players', 'questions', 'answers'].map((t) => h('button', { type: 'button', class: 'secondary', id: `download-${t}`,
        onclick: () => download(`${base}/${t}.csv`, file(t, 'csv')) }, `${t[0].toUpperCase()}${t.slice(1)} CSV`))),
    message);
}
