// The form a deck's owner fixes or writes a question with: one shape per question type, checked by the server.
import { h, fill } from '../dom.js';

export const TYPES = [
  ['multiple_choice', 'Multiple choice'],
  ['multiple_response', 'Choose several'],
  ['true_false', 'True or false'],
  ['typed', 'Typed answer'],
  ['ordering', 'Put in order'],
  ['matching', 'Matching pairs'],
];

let forms = 0;

/**
 * A form for `question` (the owner's shape; a blank one for a new question). `onSave(body)` gets the fields to send
 * and returns a promise: its error's message is shown in the form, and the form stays open to fix it.
 */
export function questionForm(question, { topics, onSave, onCancel, saveLabel = 'Save' }) {
  const n = ++forms;
  const idFor = (name) => `q${n}-${name}`;
  const state = {
    type: question.type || 'multiple_choice',
    options: question.options && question.type !== 'true_false' ? [...question.options] : ['', '', '', ''],
    correct: Array.isArray(question.correct) ? new Set(question.correct)
      : new Set(question.correct !== undefined && question.type !== 'true_false' ? [question.correct] : [0]),
    truth: question.type === 'true_false' ? question.correct : 0,
    accepted: question.accepted ? question.accepted.join('\n') : (question.options && question.correct !== undefined && !Array.isArray(question.correct) && question.type === 'multiple_choice' ? question.options[question.correct] : ''),
    items: question.items ? [...question.items] : ['', '', ''],
    pairs: question.pairs ? question.pairs.map((p) => ({ ...p })) : [{ left: '', right: '' }, { left: '', right: '' }, { left: '', right: '' }],
  };

  const type = h('select', { id: idFor('type') }, TYPES.map(([value, label]) => h('option', { value, selected: value === state.type }, label)));
  const prompt = h('textarea', { id: idFor('prompt'), class: 'edit-prompt', rows: 2, maxlength: 500, required: true }, question.prompt || '');
  const explanation = h('textarea', { id: idFor('explanation'), rows: 2, maxlength: 2000 }, question.explanation || '');
  const topic = h('input', { id: idFor('topic'), value: question.topic || topics[0] || '', list: idFor('topics'), maxlength: 200 });
  const seconds = h('input', { id: idFor('seconds'), type: 'number', min: 5, max: 240, step: 1, inputmode: 'numeric',
    value: question.seconds ? String(question.seconds) : '', placeholder: 'the room’s', 'aria-describedby': idFor('seconds-hint') });
  const answerPart = h('fieldset', { class: 'edit-answer' });
  const message = h('p', { class: 'message', role: 'alert', id: idFor('message') });
  const save = h('button', { type: 'submit', class: 'primary edit-save' }, saveLabel);

  function textRows(list, label, { checkable, multiple }) {
    return h('ol', { class: 'edit-rows' }, list.map((value, i) => h('li', {},
      checkable ? h('input', { type: multiple ? 'checkbox' : 'radio', name: idFor('key'), checked: state.correct.has(i),
        'aria-label': `${label} ${i + 1} is right`,
        onchange: (e) => {
          if (!multiple) state.correct.clear();
          if (e.target.checked) state.correct.add(i); else state.correct.delete(i);
        } }) : null,
      h('input', { value, 'aria-label': `${label} ${i + 1}`, maxlength: 200, class: 'edit-text',
        oninput: (e) => { list[i] = e.target.value; } }),
      list.length > 2 ? h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${label.toLowerCase()} ${i + 1}`,
        onclick: () => {
          list.splice(i, 1);
          state.correct = new Set([...state.correct].filter((k) => k !== i).map((k) => (k > i ? k - 1 : k)));
          renderAnswer();
        } }, '✕') : null)));
  }

  function addButton(list, what, make) {
    return list.length < 8 ? h('button', { type: 'button', class: 'link', onclick: () => { list.push(make()); renderAnswer(); } }, `+ Add ${what}`) : null;
  }

  function renderAnswer() {
    const t = state.type;
    if (t === 'multiple_choice' || t === 'multiple_response') {
      fill(answerPart, h('legend', {}, t === 'multiple_choice' ? 'Options (mark the right one)' : 'Options (mark every right one)'),
        textRows(state.options, 'Option', { checkable: true, multiple: t === 'multiple_response' }),
        addButton(state.options, 'an option', () => ''));
    } else if (t === 'true_false') {
      fill(answerPart, h('legend', {}, 'The statement is'),
        ['True', 'False'].map((label, i) => h('label', { class: 'check' },
          h('input', { type: 'radio', name: idFor('truth'), checked: state.truth === i, onchange: () => { state.truth = i; } }), ` ${label}`)));
    } else if (t === 'typed') {
      const accepted = h('textarea', { id: idFor('accepted'), rows: 2, oninput: (e) => { state.accepted = e.target.value; } }, state.accepted);
      fill(answerPart, h('legend', {}, 'Accepted answers'),
        h('label', { for: idFor('accepted') }, 'One per line (case, spacing and a small typo are forgiven)'), accepted);
    } else if (t === 'ordering') {
      fill(answerPart, h('legend', {}, 'Items, in their right order (players get them shuffled)'),
        textRows(state.items, 'Item', {}), addButton(state.items, 'an item', () => ''));
    } else {
      fill(answerPart, h('legend', {}, 'Pairs (players get the matches shuffled)'),
        h('ol', { class: 'edit-rows' }, state.pairs.map((pair, i) => h('li', {},
          h('input', { value: pair.left, 'aria-label': `Term ${i + 1}`, maxlength: 200, class: 'edit-text', oninput: (e) => { pair.left = e.target.value; } }),
          h('span', { 'aria-hidden': 'true' }, '→'),
          h('input', { value: pair.right, 'aria-label': `Match ${i + 1}`, maxlength: 200, class: 'edit-text', oninput: (e) => { pair.right = e.target.value; } }),
          state.pairs.length > 2 ? h('button', { type: 'button', class: 'link', 'aria-label': `Remove pair ${i + 1}`,
            onclick: () => { state.pairs.splice(i, 1); renderAnswer(); } }, '✕') : null))),
        addButton(state.pairs, 'a pair', () => ({ left: '', right: '' })));
    }
  }

  type.addEventListener('change', () => {
    const before = state.type;
    state.type = type.value;
    if (before === 'multiple_response' && state.type === 'multiple_choice') state.correct = new Set([...state.correct].slice(0, 1));
    if (before === 'multiple_choice' && state.type === 'typed' && !state.accepted) {
      const key = [...state.correct][0];
      state.accepted = state.options[key] || '';
    }
    renderAnswer();
  });

  /** The fields the server takes for the chosen type; it checks them and says what is wrong. */
  function body() {
    const out = { type: state.type, prompt: prompt.value, explanation: explanation.value, topic: topic.value,
      seconds: seconds.value.trim() === '' ? null : Number(seconds.value) };
    if (state.type === 'multiple_choice') Object.assign(out, { options: state.options.filter((o) => o.trim() || false), correct: indexAfterBlanks([...state.correct][0]) });
    if (state.type === 'multiple_response') Object.assign(out, { options: state.options.filter((o) => o.trim()), correct: [...state.correct].map(indexAfterBlanks).filter((i) => i >= 0).sort((a, b) => a - b) });
    if (state.type === 'true_false') out.correct = state.truth;
    if (state.type === 'typed') out.accepted = state.accepted.split('\n').map((a) => a.trim()).filter(Boolean);
    if (state.type === 'ordering') out.items = state.items.filter((i) => i.trim());
    if (state.type === 'matching') out.pairs = state.pairs.filter((p) => p.left.trim() || p.right.trim());
    return out;
  }

  /** Blank option rows are left out, so a key's index counts only the options kept before it. */
  function indexAfterBlanks(i) {
    if (i === undefined || !state.options[i] || !state.options[i].trim()) return -1;
    return state.options.slice(0, i).filter((o) => o.trim()).length;
  }

  async function onSubmit(event) {
    event.preventDefault();
    save.disabled = true;
    message.className = 'message';
    message.textContent = '';
    try {
      await onSave(body());
    } catch (error) {
      message.className = 'message error';
      message.textContent = error.message;
      save.disabled = false;
      prompt.focus();
    }
  }

  renderAnswer();
  const form = h('form', { class: 'question-form', novalidate: true, onsubmit: onSubmit,
    onkeydown: (e) => { if (e.key === 'Escape' && onCancel) { e.preventDefault(); onCancel(); } } },
    h('label', { for: idFor('type') }, 'Type'), type,
    h('label', { for: idFor('prompt') }, 'Question'), prompt,
    answerPart,
    h('label', { for: idFor('explanation') }, 'Explanation shown after answering'), explanation,
    h('label', { for: idFor('topic') }, 'Topic'), topic,
    h('label', { for: idFor('seconds') }, 'Seconds to answer'), seconds,
    h('small', { id: idFor('seconds-hint') }, 'Leave it empty for the room’s time per question; 5 to 240 for a time of its own.'),
    h('datalist', { id: idFor('topics') }, topics.map((t) => h('option', { value: t }))),
    message,
    h('div', { class: 'edit-actions' }, save, onCancel ? h('button', { type: 'button', onclick: onCancel }, 'Cancel') : null));
  setTimeout(() => prompt.focus(), 0);
  return form;
}
