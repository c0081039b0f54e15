// Solo practice on a deck: due questions first, then new ones; each answer is revealed at once with where it
// comes from in the notes and when the question comes back.
import { fill, h, plural } from '../dom.js';
import { request } from '../api.js';
import { announce } from '../ui/announce.js';
import { signedIn } from '../ui/gate.js';
import { askOnce, missed } from '../ui/selfpaced.js';

const STATUS = { new: 'new', due: 'due for review', learning: 'still learning' };

/** "in 10 minutes", "tomorrow", "in 4 days" */
function comesBack(iso) {
  const minutes = Math.round((Date.parse(iso) - Date.now()) / 60000);
  if (minutes < 1) return 'right away';
  if (minutes < 60) return `in ${plural(minutes, 'minute')}`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in ${plural(hours, 'hour')}`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

export function mount(root, context) {
  const deckId = context.params[0];
  // A review round on some topics (readiness's "Review these"): `?topic=A&topic=B`.
  const topics = new URLSearchParams(location.search).getAll('topic');
  const query = new URLSearchParams({ count: '10' });
  topics.forEach((t) => query.append('topic', t));
  const body = h('div', { class: 'practice' });
  root.append(body);
  let stopKeys = () => {};
  signedIn(body, context, 'Sign in to practise', 'Practice remembers which questions you know, so it needs your account.', (session) => {
    const stage = h('div', { class: 'stage', id: 'stage' });
    const tally = h('p', { class: 'muted', id: 'practice-tally' });
    let right = 0;
    let done = 0;

    function round() {
      fill(stage, h('p', {}, 'Loading…'));
      request('GET', `/api/decks/${deckId}/practice?${query}`, { token: session.token }).then((practice) => {
        tally.textContent = `${practice.due} due · ${practice.new} new · ${practice.total} in the deck`;
        const queue = [...practice.questions];
        const total = queue.length;
        const ask = () => {
          stopKeys();
          const q = queue.shift();
          if (!q) {
            fill(stage, h('h2', { tabindex: '-1', id: 'practice-done' }, `Round over: ${right} of ${done} right.`),
              h('button', { type: 'button', class: 'primary', id: 'practice-again', onclick: () => { right = 0; done = 0; round(); } }, 'Practise more'));
            stage.querySelector('#practice-done').focus();
            return;
          }
          const shownAt = performance.now();
          stopKeys = askOnce(stage, q, {
            heading: `Question ${total - queue.length} of ${total} · ${q.topic || 'Other'} · ${STATUS[q.status] || q.status}`,
            send: async (answer) => {
              const verdict = await request('POST', `/api/decks/${deckId}/practice/answers`, { token: session.token,
                body: { questionId: q.id, ...answer, responseMs: Math.round(performance.now() - shownAt) } });
              done += 1;
              if (verdict.correct) right += 1;
              announce(verdict.correct ? 'Right!' : `${missed(verdict)} The answer is ${verdict.answer}.`);
              return verdict;
            },
            extra: (verdict) => (verdict.mastery ? h('p', { id: 'comes-back' },
              `You will see this again ${comesBack(verdict.mastery.due)} (${plural(verdict.mastery.reps, 'review')}, ${plural(verdict.mastery.lapses, 'lapse')}).`) : null),
            onDone: ask,
          });
        };
        if (!total) {
          fill(stage, h('p', {}, 'Nothing is due right now. Come back later.'));
          return;
        }
        ask();
      }).catch((error) => fill(stage, h('p', { class: 'message error' }, error.message)));
    }

    request('GET', `/api/decks/${deckId}`, { token: session.token })
      .then((deck) => {
        fill(body, h('section', { class: 'card', 'aria-labelledby': 'practice-title' },
          h('p', { class: 'muted' }, h('a', { href: `/decks/${deckId}` }, deck.title), ' ›'),
          h('h1', { id: 'practice-title' }, `Practise: ${deck.title}`),
          topics.length ? h('p', { id: 'practice-topics' }, `Review round on ${topics.join(', ')}. `,
            h('a', { href: `/decks/${deckId}/practice` }, 'Practise every topic')) : null,
          tally, stage));
        round();
      })
      .catch((error) => fill(body, h('p', { class: 'message error' }, error.message)));
  });
  return () => stopKeys();
}
