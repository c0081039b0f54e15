// A deck before playing it: the generated questions by topic, what could not be used, and the room settings.
import { h, fill, plural } from '../dom.js';
import { request } from '../api.js';
import { currentSession } from '../session.js';
import { saveHostSeat } from '../seats.js';
import { sourceNote } from '../ui/phases.js';

export function mount(root, { params, navigate }) {
  const id = params[0];
  const session = currentSession();
  if (!session) {
    navigate('/host', null, { replace: true });
    return;
  }
  const body = h('div', { class: 'deck' }, h('p', {}, 'Loading the deck…'));
  root.append(body);
  Promise.all([request('GET', `/api/decks/${id}`, { token: session.token }), request('GET', `/api/decks/${id}/questions`, { token: session.token })])
    .then(([deck, questions]) => {
      fill(body,
        h('section', { class: 'card', 'aria-labelledby': 'deck-title' },
          h('h1', { id: 'deck-title' }, deck.title),
          h('p', { class: 'muted', id: 'deck-summary' }, `${plural(deck.questionCount, 'question')} from ${plural(deck.topics.length, 'topic')}`),
          h('p', {}, h('a', { href: `/decks/${deck.id}/practice`, id: 'practice-link' }, 'Practise on your own'),
            ' · play it with a study group from ', h('a', { href: '/account/groups' }, 'your groups'), '.'),
          roomForm(deck, session, navigate)),
        warnings(deck.warnings),
        preview(questions));
    })
    .catch((error) => fill(body, h('p', { class: 'message error' }, error.message)));
}

function roomForm(deck, session, navigate) {
  const max = Math.max(1, Math.min(100, deck.questionCount));
  const count = h('input', { id: 'question-count', type: 'number', min: 1, max, value: String(Math.min(10, max)), required: true });
  const seconds = h('input', { id: 'seconds', type: 'number', min: 5, max: 240, step: 1, value: '20', required: true, 'aria-describedby': 'seconds-hint' });
  const speed = h('input', { id: 'speed-scoring', type: 'checkbox', checked: true });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'open-room' }, 'Open a room');
  const message = h('p', { class: 'message', id: 'room-message', role: 'status', 'aria-live': 'polite' });

  async function onSubmit(event) {
    event.preventDefault();
    const questionCount = Number(count.value);
    const secondsPerQuestion = Number(seconds.value);
    if (!Number.isInteger(questionCount) || questionCount < 1 || questionCount > max) {
      message.className = 'message error';
      message.textContent = `Choose from 1 to ${max} questions.`;
      return count.focus();
    }
    if (!Number.isInteger(secondsPerQuestion) || secondsPerQuestion < 5 || secondsPerQuestion > 240) {
      message.className = 'message error';
      message.textContent = 'Time per question is 5 to 240 seconds (4 minutes).';
      return seconds.focus();
    }
    submit.disabled = true;
    try {
      const room = await request('POST', '/api/rooms', { token: session.token,
        body: { deckId: deck.id, questionCount, secondsPerQuestion, speedScoring: speed.checked } });
      saveHostSeat({ code: room.code, hostToken: room.hostToken, gameId: room.gameId, joinUrl: room.joinUrl });
      navigate(`/host/${room.code}`);
    } catch (error) {
      message.className = 'message error';
      message.textContent = error.message;
      submit.disabled = false;
    }
  }

  return h('form', { id: 'room-form', class: 'room-form', novalidate: true, onsubmit: onSubmit },
    h('h2', {}, 'Play it live'),
    h('label', { for: 'question-count' }, 'Questions'), count,
    h('label', { for: 'seconds' }, 'Seconds per question'), seconds,
    h('small', { id: 'seconds-hint' }, 'From 5 seconds to 4 minutes (240).'),
    h('label', { class: 'check' }, speed, ' Faster answers score more'),
    submit, message);
}

function warnings(list) {
  if (!list.length) return null;
  return h('section', { class: 'card warnings', 'aria-labelledby': 'warnings-title' },
    h('h2', { id: 'warnings-title' }, `⚠ ${plural(list.length, 'line')} could not become questions`),
    h('ul', { id: 'warnings' }, list.map((w) => h('li', {},
      h('span', { class: 'line-number' }, `Line ${w.line}`), ' ', h('q', { class: 'line-text' }, w.text), ` – ${w.reason}`))));
}

function preview(questions) {
  // The server sends keys to the deck's owner only, so anyone else previews the prompts and options.
  const withKeys = questions.some(hasKey);
  const topics = new Map();
  for (const q of questions) {
    const topic = q.topic || 'Other';
    if (!topics.has(topic)) topics.set(topic, []);
    topics.get(topic).push(q);
  }
  return h('section', { class: 'card preview', 'aria-labelledby': 'preview-title' },
    h('h2', { id: 'preview-title' }, 'Questions by topic'),
    withKeys ? null : h('p', { class: 'muted', id: 'keys-hidden' },
      'Answers are shown to the deck’s owner only, so nobody can look them up during a game. Practise to see them.'),
    [...topics].map(([topic, items]) => h('details', { class: 'topic', open: true },
      h('summary', {}, h('span', { class: 'topic-name' }, topic), ` (${items.length})`),
      h('ol', { class: 'question-list' }, items.map((q) => h('li', { class: 'preview-question', 'data-type': q.type },
        h('p', { class: 'prompt-text' }, q.prompt),
        previewAnswer(q, withKeys),
        withKeys ? sourceNote(q.explanation, q.source) : null))))));
}

/** Only the owner's copy of a question has its key (and the explanation and notes line with it). */
function hasKey(q) {
  return q.correct !== undefined || q.accepted !== undefined || q.pairs !== undefined || q.explanation !== undefined;
}

/** What a question is answered with, by its shape: the owner sees the answer in it, anyone else the question as served. */
function previewAnswer(q, withKeys) {
  if (Array.isArray(q.pairs)) {
    return [h('p', { class: 'preview-label' }, '✓ Matching pairs:'),
      h('ul', { class: 'preview-pairs' }, q.pairs.map((pair) => h('li', {}, pair.left, ' → ', pair.right)))];
  }
  if (Array.isArray(q.left) && Array.isArray(q.right)) {
    return [h('p', { class: 'preview-label' }, 'Match each term:'),
      h('ul', { class: 'preview-pairs' }, q.left.map((term) => h('li', {}, term))),
      h('p', { class: 'preview-label' }, 'with one of:'),
      h('ul', { class: 'preview-pairs' }, q.right.map((match) => h('li', {}, match)))];
  }
  if (Array.isArray(q.items)) {
    // The owner's items are in the right order; everyone else gets them shuffled, as a game serves them.
    return withKeys
      ? [h('p', { class: 'preview-label' }, '✓ In this order:'), h('ol', { class: 'preview-order' }, q.items.map((item) => h('li', {}, item)))]
      : [h('p', { class: 'preview-label' }, 'Put in order (shuffled):'), h('ul', { class: 'preview-order' }, q.items.map((item) => h('li', {}, item)))];
  }
  if (Array.isArray(q.options)) {
    const right = new Set(Array.isArray(q.correct) ? q.correct : [q.correct]);
    const choose = Array.isArray(q.correct) ? q.correct.length : q.choose;
    return [
      q.type === 'multiple_response' && choose ? h('p', { class: 'preview-label' }, `Choose ${choose}:`) : null,
      h('ul', { class: 'preview-options' }, q.options.map((o, i) => h('li', { class: right.has(i) ? 'right' : null },
        right.has(i) ? '✓ ' : '', o, right.has(i) ? ' (answer)' : '')))];
  }
  return q.accepted ? h('p', {}, '✓ Typed answer: ', q.accepted.join(' / ')) : h('p', {}, 'Typed answer');
}
