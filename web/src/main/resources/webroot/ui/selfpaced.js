// One question answered at your own pace (practice, assignments): options, a typed box or a list to pick, order or
// match, then the reveal in place.
import { fill, h, plural } from '../dom.js';
import { choiceControl } from './answers.js';
import { CHOICE_TYPES, keyView, optionTile, questionContext, sourceNote } from './phases.js';

/**
 * Renders `question` ({prompt, type, options? choose? items? left? right?}) into `slot`; `send(answer)` gets {choice},
 * {text} or {choices} and resolves to the server's verdict {correct, credit?, answer, key?, question}; `extra(verdict)`
 * adds lines under the reveal (points, when it comes back).
 */
export function askOnce(slot, question, { heading, send, extra = () => null, onDone }) {
  const status = h('p', { class: 'answer-status', id: 'answer-status', role: 'status' });
  let busy = false;
  let area;
  let control = null;

  function setLocked(locked) {
    if (control) control.lock(locked);
    else for (const el of area.querySelectorAll('button, input')) el.disabled = locked;
  }

  async function submit(answer) {
    if (busy) return;
    busy = true;
    setLocked(true);
    if (answer.choice !== undefined) {
      const chosen = area.querySelector(`[data-option="${answer.choice}"]`);
      if (chosen) chosen.classList.add('chosen');
    }
    status.textContent = 'Checking…';
    try {
      const verdict = await send(answer);
      reveal(verdict, answer);
    } catch (error) {
      busy = false;
      setLocked(false);
      status.textContent = `⚠ ${error.message}`;
    }
  }

  function reveal(verdict, answer) {
    const full = verdict.question || {};
    const key = verdict.key || {};
    const options = question.options || full.options;
    const parts = [
      h('p', { class: 'question-count' }, heading),
      h('p', { class: 'prompt-text' }, question.prompt),
      h('h2', { class: 'correct-answer', id: 'reveal-answer', tabindex: '-1' },
        h('span', { 'aria-hidden': 'true' }, '✓ '), 'Answer: ', h('span', { class: 'answer-text' }, verdict.answer)),
    ];
    if (CHOICE_TYPES.has(question.type)) {
      parts.push(keyView({ answerType: question.type, options, items: question.items, left: question.left, right: question.right,
        correct: key.correct ?? servedKey(question, full) }, { chosen: answer.choices }));
    } else if (Array.isArray(options) && answer.choice !== undefined) {
      const correct = typeof key.correct === 'number' ? key.correct : full.correct;
      parts.push(h('ol', { class: 'options reveal-options' }, options.map((text, i) => {
        const right = typeof correct === 'number' ? i === correct : text === verdict.answer;
        const tile = optionTile(i, text);
        tile.classList.add(right ? 'right' : 'wrong');
        tile.append(h('span', { class: 'verdict' }, right ? '✓ right' : '✗'));
        if (answer.choice === i) tile.append(h('span', { class: 'mine' }, 'your answer'));
        return tile;
      })));
    }
    const credit = typeof verdict.credit === 'number' ? verdict.credit : null;
    const partly = !verdict.correct && credit !== null && credit > 0 && credit < 1;
    parts.push(h('div', { class: `my-result ${verdict.correct ? 'right' : partly ? 'partial' : 'wrong'}`, id: 'my-result',
      'data-credit': credit !== null ? String(credit) : null },
      h('p', { class: 'verdict' }, verdict.correct ? '✓ Right!'
        : partly ? `◐ Partly right: credit ${Math.round(credit * 100)}%.`
          : `✗ Not right this time${answer.text !== undefined ? ` (you wrote “${answer.text}”)` : ''}.`),
      partly ? h('p', { id: 'credit-detail' }, creditDetail(question, answer.choices, key.correct ?? servedKey(question, full))) : null,
      extra(verdict)));
    parts.push(sourceNote(full.explanation, full.source));
    const next = h('button', { type: 'button', class: 'primary', id: 'next-question', onclick: onDone }, 'Next');
    parts.push(next);
    fill(slot, parts);
    slot.querySelector('#reveal-answer').focus();
  }

  if (CHOICE_TYPES.has(question.type)) {
    control = choiceControl(question.type, question, { submitLabel: 'Check', onSubmit: submit });
    area = control.element;
  } else if (question.type === 'typed') {
    const input = h('input', { id: 'typed-answer', name: 'answer', maxlength: 200, autocomplete: 'off', spellcheck: 'false' });
    area = h('form', { class: 'typed', id: 'typed-form', onsubmit: (event) => {
      event.preventDefault();
      if (input.value.trim()) submit({ text: input.value.trim() });
    } }, h('label', { for: 'typed-answer' }, 'Your answer'), input, h('button', { type: 'submit', class: 'primary' }, 'Check'));
  } else {
    area = h('ol', { class: `options answers count-${question.options.length}`, id: 'answers' },
      question.options.map((text, i) => optionTile(i, text, (choice) => submit({ choice }))));
  }
  fill(slot,
    h('p', { class: 'question-count' }, heading),
    questionContext(question),
    h('h2', { class: 'prompt', id: 'question-prompt', tabindex: '-1', 'data-question-id': question.id }, question.prompt),
    area, status,
    h('p', { class: 'hint' }, control ? control.hint
      : question.type === 'typed' ? 'Type your answer and press Enter.' : 'Choose an answer or press its number key.'));
  if (question.type === 'typed') slot.querySelector('#typed-answer').focus();
  else slot.querySelector('#question-prompt').focus();

  /** Number keys choose an option, as in a live game. Returns a function that stops listening. */
  function onKey(event) {
    if (busy || question.type === 'typed' || !slot.isConnected) return;
    if (event.target.closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) return;
    if (control) {
      control.onKey(event);
      return;
    }
    const choice = Number(event.key) - 1;
    if (Number.isInteger(choice) && choice >= 0 && choice < question.options.length) {
      event.preventDefault();
      submit({ choice });
    }
  }
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

/**
 * The key in the order the question was served, worked out from the owner's copy of the question when the verdict
 * has no `key`: ordering keeps its items in the right order, matching its pairs.
 */
function servedKey(question, full) {
  if (question.type === 'multiple_response') return Array.isArray(full.correct) ? full.correct : undefined;
  if (question.type === 'ordering' && Array.isArray(full.items) && Array.isArray(question.items)) {
    const order = full.items.map((text) => question.items.indexOf(text));
    return order.includes(-1) ? undefined : order;
  }
  if (question.type === 'matching' && Array.isArray(full.pairs) && Array.isArray(question.left) && Array.isArray(question.right)) {
    const pairs = question.left.map((term) => full.pairs.find((pair) => pair.left === term));
    const matches = pairs.map((pair) => (pair ? question.right.indexOf(pair.right) : -1));
    return matches.includes(-1) ? undefined : matches;
  }
  return undefined;
}

/** What partly right means for this answer: "2 of 3 in the right place", "2 of 3 pairs right", "1 of 2 right picks". */
function creditDetail(question, choices, correct) {
  if (!Array.isArray(choices) || !Array.isArray(correct)) return null;
  if (question.type === 'ordering') {
    return `${choices.filter((item, place) => item === correct[place]).length} of ${correct.length} in the right place.`;
  }
  if (question.type === 'matching') {
    return `${choices.filter((match, i) => match === correct[i]).length} of ${correct.length} pairs right.`;
  }
  const right = choices.filter((i) => correct.includes(i)).length;
  const wrong = choices.length - right;
  return `${right} of ${correct.length} right picks${wrong ? `, ${plural(wrong, 'wrong one')}` : ''}.`;
}

/** How a wrong answer is said aloud: "Partly right (credit 67%)." when it earned some credit, else "Not right." */
export function missed(verdict) {
  const credit = verdict.credit;
  return typeof credit === 'number' && credit > 0 && credit < 1 ? `Partly right (credit ${Math.round(credit * 100)}%).` : 'Not right.';
}
