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
  return examFields({ decks, wanted, api,
    heading: h('h2', { id: 'new-exam-title' }, 'Set an exam'), headingId: 'new-exam-title', submitLabel: 'Set the exam',
    save: async (body) => {
      const exam = await api('POST', '/api/exams', body);
      navigate(`/account/exams/${exam.id}`);
    } });
}

/**
 * The form that changes an exam: the same fields, filled in with the exam's settings, on the exam's own deck (an exam
 * stays on its deck). Attempts already started keep the settings they started with.
 */
export function examEditForm(exam, deck, api, saved) {
  return examFields({ decks: [deck], wanted: deck.id, exam, api,
    submitLabel: 'Save the changes',
    save: async (body) => {
      delete body.deckId;
      await api('PATCH', `/api/exams/${exam.id}`, body);
      saved();
    } });
}

function examFields({ decks, wanted, exam, api, heading, headingId, submitLabel, save }) {
  const editing = exam != null;
  const prefix = editing ? 'edit-exam' : 'exam';
  const id = (name) => `${prefix}-${name}`;
  // Ids the new-exam form has always had, kept as they were; the edit form's are its own.
  const plainId = (name) => (editing ? `edit-${name}` : name);
  const message = messageLine(`${prefix}-form-message`);
  const deckSelect = h('select', { id: id('deck'), name: 'deck', disabled: editing },
    decks.map((d) => h('option', { value: d.id, selected: d.id === wanted }, `${d.title} (${plural(d.questionCount, 'question')})`)));
  const mark = exam ? exam.passMark : null;
  const isScaled = mark != null && mark.kind !== 'percent';
  const title = h('input', { id: id('title'), name: 'title', maxlength: 200, placeholder: 'The deck’s title', value: exam ? exam.title : '' });
  const count = h('input', { id: id('count'), name: 'questionCount', type: 'number', min: 1, max: 200, value: String(exam ? exam.questionCount : 20), required: true });
  const minutes = h('input', { id: id('minutes'), name: 'minutes', type: 'number', min: 1, max: 600, value: String(exam ? exam.minutes : 30), required: true });
  const scaled = h('input', { type: 'checkbox', id: id('scaled'), name: 'scaled', checked: isScaled });
  const passPercent = h('input', { id: id('pass-percent'), type: 'number', min: 1, max: 100, value: String(mark && !isScaled ? mark.mark : 70) });
  const passScore = h('input', { id: id('pass-score'), type: 'number', min: 1, max: 10000, value: String(isScaled ? mark.mark : 720) });
  const scaleMin = h('input', { id: id('scale-min'), type: 'number', min: 0, max: 10000, value: String(isScaled ? mark.scaleMin : 100) });
  const scaleMax = h('input', { id: id('scale-max'), type: 'number', min: 2, max: 10000, value: String(isScaled ? mark.scaleMax : 1000) });
  const percentPart = h('div', { class: 'field-row', id: plainId('pass-percent-part'), hidden: isScaled }, field(id('pass-percent'), 'Pass mark (%)', passPercent));
  const scaledPart = h('div', { class: 'field-row', id: plainId('pass-scaled-part'), hidden: !isScaled },
    field(id('pass-score'), 'Pass score', passScore), field(id('scale-min'), 'Scale from', scaleMin), field(id('scale-max'), 'to', scaleMax));
  scaled.addEventListener('change', () => { percentPart.hidden = scaled.checked; scaledPart.hidden = !scaled.checked; });
  const shuffle = h('input', { type: 'checkbox', id: id('shuffle'), checked: exam ? exam.shuffleOptions : true });
  const attempts = h('input', { id: id('attempts'), type: 'number', min: 1, max: 100, placeholder: 'no limit',
    value: exam && exam.attemptsAllowed != null ? String(exam.attemptsAllowed) : '' });
  const topics = h('div', { id: id('topics') });
  const kinds = h('div', { id: id('kinds') });
  const weightOf = (topic) => {
    const w = exam && exam.blueprint ? exam.blueprint.find((b) => b.topic === topic) : null;
    return w ? String(w.weight) : '';
  };

  function deckChanged() {
    const deck = decks.find((d) => d.id === deckSelect.value);
    count.max = String(Math.min(200, deck.questionCount));
    if (Number(count.value) > deck.questionCount) count.value = String(deck.questionCount);
    fill(topics, h('p', { class: 'muted' }, 'Weights per topic, as an exam guide gives its domains (30, 26, 24, 20…). Leave them all empty to follow how many questions each topic has.'),
      h('ul', { class: 'weights' }, (deck.topics || []).map((topic, i) => h('li', {},
        h('label', { for: plainId(`weight-${i}`) }, topic),
        h('input', { id: plainId(`weight-${i}`), type: 'number', min: 0, max: 1000, step: 'any', 'data-topic': topic, inputmode: 'decimal', value: weightOf(topic) })))));
    fill(kinds, h('fieldset', {}, h('legend', {}, 'Kinds of question'),
      Object.entries(deck.kinds || {}).map(([kind, n], i) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', id: plainId(`kind-${i}`), value: kind, checked: !exam || !exam.kinds || exam.kinds.includes(kind) }),
        ` ${kind.replaceAll('_', ' ')} (${n})`))));
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
    // Editing sends every field, so that emptying one (no attempt limit, no weights, every kind) takes effect.
    if (attempts.value) body.attemptsAllowed = Number(attempts.value);
    else if (editing) body.attemptsAllowed = null;
    const weights = [...topics.querySelectorAll('input[data-topic]')].filter((i) => i.value !== '')
      .map((i) => ({ topic: i.dataset.topic, weight: Number(i.value) }));
    if (weights.length) body.blueprint = weights;
    else if (editing) body.blueprint = null;
    const checked = [...kinds.querySelectorAll('input[type=checkbox]')];
    if (checked.some((c) => !c.checked)) body.kinds = checked.filter((c) => c.checked).map((c) => c.value);
    else if (editing) body.kinds = null;
    message.say('Saving…', 'ok');
    try {
      await save(body);
    } catch (error) {
      message.say(error.message);
    }
  }

  const form = (...parts) => (editing
    // Inside the exam page's "Change this exam" disclosure, whose summary is its heading.
    ? h('div', { class: 'exam-edit' }, h('p', { class: 'muted' }, 'Attempts already started keep the settings they started with.'), ...parts)
    : h('section', { class: 'card', 'aria-labelledby': headingId }, heading, ...parts));
  return form(
    h('form', { class: 'exam-form', id: `${prefix}-form`, onsubmit: onSubmit },
      field(id('deck'), 'Deck', deckSelect, editing ? 'An exam stays on its deck: set a new one for another.' : null),
      field(id('title'), 'Title', title),
      h('div', { class: 'field-row' }, field(id('count'), 'Questions', count), field(id('minutes'), 'Minutes', minutes)),
      h('label', { class: 'check' }, scaled, ' A scaled pass mark (720 on 100–1000, say)'),
      percentPart, scaledPart,
      topics, kinds,
      h('label', { class: 'check' }, shuffle, ' Shuffle each question’s options for every attempt'),
      field(id('attempts'), 'Attempts allowed', attempts, 'Empty for as many as you like.'),
      h('button', { type: 'submit', class: 'primary', id: editing ? 'save-exam' : 'create-exam' }, submitLabel),
      message));
}
