// Mock exams: the signed-in person's exams, and a form to set one on a deck of theirs (the exam's shape: questions,
// minutes, pass mark, topic weights, kinds, shuffling and attempts).
import { fill, h, plural } from '../dom.js';
import { request } from '../api.js';
import { messageLine, signedIn } from '../ui/gate.js';

export function mount(root, context) {
  const body = h('div', { class: 'exams' });
  root.append(body);
  signedIn(body, context, 'Sign in for mock exams', 'Mock exams keep your attempts and reports, so they need your account.', (session) => {
    const api = (method, path, payload) => request(method, path, { token: session.token, body: payload });
    const wanted = new URLSearchParams(location.search).get('deck');
    Promise.all([api('GET', '/api/exams'), api('GET', '/api/decks')]).then(([exams, decks]) => {
      // Any deck this account can read: its own, public ones, the sample.
      const mine = decks;
      fill(body,
        h('section', { class: 'card', 'aria-labelledby': 'exams-title' },
          h('h1', { id: 'exams-title' }, 'Mock exams'),
          h('p', { class: 'muted' }, 'Sit your notes in the real exam’s shape: one long timer, every question to move between and flag, no answers until the end, then a score and a report by topic.'),
          exams.length ? h('ul', { class: 'deck-list', id: 'exam-list' }, exams.map((e) => h('li', {},
            h('a', { href: `/account/exams/${e.id}` }, e.title),
            h('span', { class: 'muted' }, ` · ${e.deckTitle} · ${plural(e.questionCount, 'question')} · ${plural(e.minutes, 'minute')} · ${passMarkText(e.passMark)}`,
              e.attemptsMade ? ` · ${plural(e.attemptsMade, 'attempt')}` : ''))))
            : h('p', { id: 'exam-list' }, 'No exams yet: set one below.')),
        mine.length ? examForm(mine, wanted, api, context.navigate)
          : h('section', { class: 'card', 'aria-labelledby': 'new-exam-title' }, h('h2', { id: 'new-exam-title' }, 'Set an exam'),
            h('p', {}, 'An exam is set on a deck. ', h('a', { href: '/host' }, 'Make a deck from your notes'), ' first.')));
    }).catch((error) => fill(body, h('p', { class: 'message error' }, error.message)));
  });
}

export function passMarkText(mark) {
  return mark.kind === 'percent' ? `pass mark ${mark.mark}%` : `pass mark ${mark.mark} on ${mark.scaleMin}–${mark.scaleMax}`;
}

function field(id, label, input, note) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, note ? h('small', { id: `${id}-note` }, note) : null);
}

function examForm(decks, wanted, api, navigate) {
  const message = messageLine('exam-form-message');
  const deckSelect = h('select', { id: 'exam-deck', name: 'deck' },
    decks.map((d) => h('option', { value: d.id, selected: d.id === wanted }, `${d.title} (${plural(d.questionCount, 'question')})`)));
  const title = h('input', { id: 'exam-title', name: 'title', maxlength: 200, placeholder: 'The deck’s title' });
  const count = h('input', { id: 'exam-count', name: 'questionCount', type: 'number', min: 1, max: 200, value: '20', required: true });
  const minutes = h('input', { id: 'exam-minutes', name: 'minutes', type: 'number', min: 1, max: 600, value: '30', required: true });
  const scaled = h('input', { type: 'checkbox', id: 'exam-scaled', name: 'scaled' });
  const passPercent = h('input', { id: 'exam-pass-percent', type: 'number', min: 1, max: 100, value: '70' });
  const passScore = h('input', { id: 'exam-pass-score', type: 'number', min: 1, max: 10000, value: '720' });
  const scaleMin = h('input', { id: 'exam-scale-min', type: 'number', min: 0, max: 10000, value: '100' });
  const scaleMax = h('input', { id: 'exam-scale-max', type: 'number', min: 2, max: 10000, value: '1000' });
  const percentPart = h('div', { class: 'field-row', id: 'pass-percent-part' }, field('exam-pass-percent', 'Pass mark (%)', passPercent));
  const scaledPart = h('div', { class: 'field-row', id: 'pass-scaled-part', hidden: true },
    field('exam-pass-score', 'Pass score', passScore), field('exam-scale-min', 'Scale from', scaleMin), field('exam-scale-max', 'to', scaleMax));
  scaled.addEventListener('change', () => { percentPart.hidden = scaled.checked; scaledPart.hidden = !scaled.checked; });
  const shuffle = h('input', { type: 'checkbox', id: 'exam-shuffle', checked: true });
  const attempts = h('input', { id: 'exam-attempts', type: 'number', min: 1, max: 100, placeholder: 'no limit' });
  const topics = h('div', { id: 'exam-topics' });
  const kinds = h('div', { id: 'exam-kinds' });

  function deckChanged() {
    const deck = decks.find((d) => d.id === deckSelect.value);
    count.max = String(Math.min(200, deck.questionCount));
    if (Number(count.value) > deck.questionCount) count.value = String(deck.questionCount);
    fill(topics, h('p', { class: 'muted' }, 'Weights per topic, as an exam guide gives its domains (30, 26, 24, 20…). Leave them all empty to follow how many questions each topic has.'),
      h('ul', { class: 'weights' }, (deck.topics || []).map((topic, i) => h('li', {},
        h('label', { for: `weight-${i}` }, topic),
        h('input', { id: `weight-${i}`, type: 'number', min: 0, max: 1000, step: 'any', 'data-topic': topic, inputmode: 'decimal' })))));
    fill(kinds, h('fieldset', {}, h('legend', {}, 'Kinds of question'),
      Object.entries(deck.kinds || {}).map(([kind, n], i) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', id: `kind-${i}`, value: kind, checked: true }), ` ${kind.replaceAll('_', ' ')} (${n})`))));
  }
  deckSelect.addEventListener('change', deckChanged);
  deckChanged();

  async function onSubmit(event) {
    event.preventDefault();
    const deck = decks.find((d) => d.id === deckSelect.value);
    const body = { deckId: deck.id, questionCount: Number(count.value), minutes: Number(minutes.value), shuffleOptions: shuffle.checked };
    if (title.value.trim()) body.title = title.value.trim();
    if (scaled.checked) Object.assign(body, { passScore: Number(passScore.value), scaleMin: Number(scaleMin.value), scaleMax: Number(scaleMax.value) });
    else body.passPercent = Number(passPercent.value);
    if (attempts.value) body.attemptsAllowed = Number(attempts.value);
    const weights = [...topics.querySelectorAll('input[data-topic]')].filter((i) => i.value !== '')
      .map((i) => ({ topic: i.dataset.topic, weight: Number(i.value) }));
    if (weights.length) body.blueprint = weights;
    const checked = [...kinds.querySelectorAll('input[type=checkbox]')];
    if (checked.some((c) => !c.checked)) body.kinds = checked.filter((c) => c.checked).map((c) => c.value);
    message.say('Saving…', 'ok');
    try {
      const exam = await api('POST', '/api/exams', body);
      navigate(`/account/exams/${exam.id}`);
    } catch (error) {
      message.say(error.message);
    }
  }

  return h('section', { class: 'card', 'aria-labelledby': 'new-exam-title' },
    h('h2', { id: 'new-exam-title' }, 'Set an exam'),
    h('form', { class: 'exam-form', id: 'exam-form', onsubmit: onSubmit },
      field('exam-deck', 'Deck', deckSelect),
      field('exam-title', 'Title', title),
      h('div', { class: 'field-row' }, field('exam-count', 'Questions', count), field('exam-minutes', 'Minutes', minutes)),
      h('label', { class: 'check' }, scaled, ' A scaled pass mark (720 on 100–1000, say)'),
      percentPart, scaledPart,
      topics, kinds,
      h('label', { class: 'check' }, shuffle, ' Shuffle each question’s options for every attempt'),
      field('exam-attempts', 'Attempts allowed', attempts, 'Empty for as many as you like.'),
      h('button', { type: 'submit', class: 'primary', id: 'create-exam' }, 'Set the exam'),
      message));
}
