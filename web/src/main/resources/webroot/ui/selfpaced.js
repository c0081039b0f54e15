// One question answered at your own pace (practice, assignments): options or a typed box, then the reveal in place.
import { fill, h } from '../dom.js';
import { optionTile, questionContext, sourceNote } from './phases.js';

/**
 * Renders `question` ({prompt, type, options?}) into `slot`; `send(answer)` gets {choice} or {text} and resolves to the
 * server's verdict {correct, answer, question}; `extra(verdict)` adds lines under the reveal (points, when it comes back).
 */
export function askOnce(slot, question, { heading, send, extra = () => null, onDone }) {
  const status = h('p', { class: 'answer-status', id: 'answer-status', role: 'status' });
  let busy = false;
  let area;

  async function submit(answer) {
    if (busy) return;
    busy = true;
    for (const control of area.querySelectorAll('button, input')) control.disabled = true;
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
      for (const control of area.querySelectorAll('button, input')) control.disabled = false;
      status.textContent = `⚠ ${error.message}`;
    }
  }

  function reveal(verdict, answer) {
    const full = verdict.question || {};
    const options = question.options || full.options;
    const parts = [
      h('p', { class: 'question-count' }, heading),
      h('p', { class: 'prompt-text' }, question.prompt),
      h('h2', { class: 'correct-answer', id: 'reveal-answer', tabindex: '-1' },
        h('span', { 'aria-hidden': 'true' }, '✓ '), 'Answer: ', h('span', { class: 'answer-text' }, verdict.answer)),
    ];
    if (Array.isArray(options) && answer.choice !== undefined) {
      parts.push(h('ol', { class: 'options reveal-options' }, options.map((text, i) => {
        const right = typeof full.correct === 'number' ? i === full.correct : text === verdict.answer;
        const tile = optionTile(i, text);
        tile.classList.add(right ? 'right' : 'wrong');
        tile.append(h('span', { class: 'verdict' }, right ? '✓ right' : '✗'));
        if (answer.choice === i) tile.append(h('span', { class: 'mine' }, 'your answer'));
        return tile;
      })));
    }
    parts.push(h('div', { class: `my-result ${verdict.correct ? 'right' : 'wrong'}`, id: 'my-result' },
      h('p', { class: 'verdict' }, verdict.correct ? '✓ Right!' : `✗ Not right this time${answer.text !== undefined ? ` (you wrote “${answer.text}”)` : ''}.`),
      extra(verdict)));
    parts.push(sourceNote(full.explanation, full.source));
    const next = h('button', { type: 'button', class: 'primary', id: 'next-question', onclick: onDone }, 'Next');
    parts.push(next);
    fill(slot, parts);
    slot.querySelector('#reveal-answer').focus();
  }

  if (question.type === 'typed') {
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
    h('p', { class: 'hint' }, question.type === 'typed' ? 'Type your answer and press Enter.' : 'Choose an answer or press its number key.'));
  if (question.type === 'typed') slot.querySelector('#typed-answer').focus();
  else slot.querySelector('#question-prompt').focus();

  /** Number keys choose an option, as in a live game. Returns a function that stops listening. */
  function onKey(event) {
    if (busy || question.type === 'typed' || !slot.isConnected) return;
    if (event.target.closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) return;
    const choice = Number(event.key) - 1;
    if (Number.isInteger(choice) && choice >= 0 && choice < question.options.length) {
      event.preventDefault();
      submit({ choice });
    }
  }
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
