// My record: totals over every game played signed in, and the recent games with links to their results.
import { fill, h, ordinal } from '../dom.js';
import { request } from '../api.js';
import { percent, signedIn, when } from '../ui/gate.js';

export function mount(root, context) {
  const body = h('div', { class: 'record' });
  root.append(body);
  signedIn(body, context, 'Sign in to see your record', 'Games you play signed in are kept in your account.', (session) => {
    request('GET', '/api/me/stats', { token: session.token }).then((stats) => {
      fill(body,
        h('section', { class: 'card', 'aria-labelledby': 'record-title' },
          h('h1', { id: 'record-title' }, 'My record'),
          h('dl', { class: 'stats', id: 'record-totals' },
            [['Games', String(stats.gamesPlayed)], ['Points', String(stats.points)], ['Right', percent(stats.accuracy)],
              ['Best streak', String(stats.bestStreak)]].map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value)))),
          h('p', {}, h('a', { href: '/account/groups' }, 'Your study groups'))),
        h('section', { class: 'card', 'aria-labelledby': 'history-title' },
          h('h2', { id: 'history-title' }, 'Recent games'),
          stats.history.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'record-history' },
            h('caption', {}, 'Your last games, newest first'),
            h('thead', {}, h('tr', {}, ['When', 'Deck', 'Place', 'Score', 'Right', ''].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, stats.history.map((g) => h('tr', {},
              h('td', {}, when(g.playedAt)), h('th', { scope: 'row' }, `${g.deck || 'A deleted deck'} · room ${g.roomCode}`),
              h('td', {}, g.rank ? `${ordinal(g.rank)} of ${g.players}` : '–'), h('td', {}, String(g.score)),
              h('td', {}, `${g.correct} of ${g.answered}`),
              h('td', {}, h('a', { href: `/results/${g.gameId}`, 'aria-label': `Results of room ${g.roomCode}` }, 'Results')))))))
            : h('p', {}, 'No games yet. Join a game while signed in and it will show here.')));
    }).catch((error) => fill(body, h('p', { class: 'message error' }, error.message)));
  });
}
