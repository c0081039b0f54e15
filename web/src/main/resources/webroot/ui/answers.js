// The answers that are a list of indices ({choices}): several options (multiple response), an order (ordering) and
// pairs (matching). Each control keeps its own state, works by touch and by keyboard, and hands {choices} to
// `onSubmit`; the caller locks it while the answer is sent (live games and practice share these).
import { fill, h, plural } from '../dom.js';
import { optionTile } from './phases.js';

/**
 * A control for `question` ({options and choose | items | left and right}) of `type`; `submitLabel` names its button.
 * Returns {element, hint, lock(locked), show(choices), onKey(event)}: `show` puts a given answer back (after a reload),
 * `onKey` takes the page's key presses and says whether it used one.
 */
export function choiceControl(type, question, { submitLabel, onSubmit }) {
  const submit = h('button', { type: 'submit', class: 'primary', id: 'submit-answer' }, submitLabel);
  const parts = { multiple_response: pickControl, ordering: orderControl, matching: matchControl }[type](question, submitLabel);
  let locked = false;
  const send = () => {
    if (locked) return;
    if (!parts.ready()) {
      parts.notReady();
      return;
    }
    onSubmit({ choices: parts.choices() });
  };
  const element = h('form', { class: 'answers choice-answer', id: 'answer-form', 'data-answer-type': type, novalidate: true,
    onsubmit: (event) => { event.preventDefault(); send(); } }, parts.element, submit);
  parts.changed = () => { submit.disabled = locked || !parts.ready(); };
  parts.changed();
  return {
    element,
    hint: parts.hint,
    lock(value) {
      locked = value;
      element.classList.toggle('locked', value);
      parts.lock(value);
      parts.changed();
    },
    show(choices) { if (Array.isArray(choices)) parts.show(choices); },
    onKey(event) {
      if (locked) return false;
      if (parts.onKey && parts.onKey(event)) return true;
      // Enter sends a multiple response answer from anywhere but another control (the focused option included).
      if (event.key === 'Enter' && type === 'multiple_response'
        && !event.target.closest('a, button:not(.option), input, textarea, select, summary')) {
        event.preventDefault();
        send();
        return true;
      }
      return false;
    },
  };
}

/** Multiple response: option tiles that toggle, until exactly `choose` are picked. */
function pickControl(question, submitLabel) {
  const options = question.options || [];
  const choose = Number.isInteger(question.choose) && question.choose > 0 ? question.choose : null;
  const picked = new Set();
  let locked = false;
  const counter = h('p', { class: 'pick-count', id: 'pick-count', 'aria-live': 'polite' });
  const list = h('ol', { class: `options answers count-${options.length}`, id: 'answers', 'aria-describedby': 'pick-count' },
    options.map((text, i) => optionTile(i, text, toggle)));
  const buttons = [...list.querySelectorAll('button.option')];
  const self = {
    element: [list, counter],
    hint: `Tap ${choose ? plural(choose, 'answer') : 'the right answers'} or press their number keys, then ${submitLabel} (or press Enter).`,
    ready: () => (choose ? picked.size === choose : picked.size > 0),
    notReady() { counter.textContent = `${countText()}: choose ${choose ? `exactly ${choose}` : 'at least one'} first.`; },
    choices: () => [...picked].sort((a, b) => a - b),
    lock(value) {
      locked = value;
      for (const [i, button] of buttons.entries()) {
        button.disabled = value;
        button.classList.toggle('chosen', value && picked.has(i));
      }
    },
    show(choices) {
      picked.clear();
      for (const i of choices) if (i >= 0 && i < options.length) picked.add(i);
      render();
    },
    onKey(event) {
      const index = Number(event.key) - 1;
      if (!Number.isInteger(index) || index < 0 || index >= options.length) return false;
      event.preventDefault();
      toggle(index);
      return true;
    },
    changed() {},
  };

  function countText() {
    return choose ? `${picked.size} of ${choose} chosen` : `${picked.size} chosen`;
  }

  function toggle(i) {
    if (locked) return;
    if (picked.has(i)) picked.delete(i);
    else picked.add(i);
    render();
  }

  function render() {
    for (const [i, button] of buttons.entries()) button.setAttribute('aria-pressed', String(picked.has(i)));
    const over = choose && picked.size > choose ? `: take back ${picked.size - choose}` : '';
    counter.textContent = countText() + over;
    counter.classList.toggle('done', self.ready());
    self.changed();
  }

  render();
  return self;
}

/** Ordering: the items as a list, each row with buttons to move it up and down (and drag and drop with a mouse). */
function orderControl(question, submitLabel) {
  const items = question.items || [];
  let order = items.map((_, i) => i);
  let locked = false;
  let dragFrom = null;
  const note = h('p', { class: 'choice-note', id: 'choice-note', 'aria-live': 'polite' });
  const list = h('ol', { class: 'order-list', id: 'order-list', 'aria-label': 'Your order, first at the top' });
  const self = {
    element: [list, note],
    hint: `Put the first at the top: move a row with its ↑ and ↓ buttons (or drag it), then ${submitLabel}.`,
    ready: () => true,
    notReady() {},
    choices: () => [...order],
    lock(value) {
      locked = value;
      render();
    },
    show(choices) {
      if (choices.length === items.length && new Set(choices).size === items.length) order = [...choices];
      render();
    },
    changed() {},
  };

  function move(from, to, focusDirection) {
    if (locked || to < 0 || to >= order.length || from === to) return;
    const [item] = order.splice(from, 1);
    order.splice(to, 0, item);
    render(item, focusDirection);
    note.textContent = `“${items[item]}” is now ${to + 1} of ${order.length}.`;
  }

  function row(item, place) {
    const text = items[item];
    const last = order.length - 1;
    return h('li', { class: 'order-item', 'data-item': String(item), 'data-place': String(place), draggable: locked ? 'false' : 'true',
      ondragstart: (event) => {
        if (locked) return event.preventDefault();
        dragFrom = place;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', text);
        event.currentTarget.classList.add('dragging');
      },
      ondragover: (event) => {
        if (dragFrom === null) return;
        event.preventDefault();
        event.currentTarget.classList.add('drop-target');
      },
      ondragleave: (event) => event.currentTarget.classList.remove('drop-target'),
      ondrop: (event) => {
        event.preventDefault();
        const from = dragFrom;
        dragFrom = null;
        if (from !== null) move(from, place, null);
      },
      ondragend: () => {
        dragFrom = null;
        for (const el of list.querySelectorAll('.dragging, .drop-target')) el.classList.remove('dragging', 'drop-target');
      } },
    h('span', { class: 'order-place', 'aria-hidden': 'true' }, String(place + 1)),
    h('span', { class: 'order-text' }, text),
    h('span', { class: 'order-moves' },
      h('button', { type: 'button', class: 'move move-up', 'data-move': 'up', 'aria-label': `Move “${text}” up`,
        disabled: locked || place === 0, onclick: () => move(place, place - 1, 'up') }, h('span', { 'aria-hidden': 'true' }, '↑')),
      h('button', { type: 'button', class: 'move move-down', 'data-move': 'down', 'aria-label': `Move “${text}” down`,
        disabled: locked || place === last, onclick: () => move(place, place + 1, 'down') }, h('span', { 'aria-hidden': 'true' }, '↓'))));
  }

  /** Redraws the list; after a move the focus stays on the moved row's button (the other one at the top or bottom). */
  function render(moved = null, focusDirection = null) {
    fill(list, order.map(row));
    if (moved === null) return;
    const movedRow = list.querySelector(`[data-item="${moved}"]`);
    movedRow.classList.add('moved');
    if (!focusDirection) return;
    const same = movedRow.querySelector(`[data-move="${focusDirection}"]`);
    const other = movedRow.querySelector(`[data-move="${focusDirection === 'up' ? 'down' : 'up'}"]`);
    (same.disabled ? other : same).focus();
  }

  render();
  return self;
}

/** Matching: a menu of the right-hand matches for each term; choosing one another term has swaps the two. */
function matchControl(question, submitLabel) {
  const left = question.left || [];
  const right = question.right || [];
  // Starts from the matches in the order they were served, so every answer is whole; the player swaps them about.
  let match = left.map((_, i) => i);
  const note = h('p', { class: 'choice-note', id: 'choice-note', 'aria-live': 'polite' });
  const selects = left.map((term, i) => h('select', { id: `match-${i}`, class: 'match-select', 'data-left': String(i),
    onchange: (event) => pick(i, Number(event.target.value)) }, right.map((text, j) => h('option', { value: String(j) }, text))));
  const rows = left.map((term, i) => h('li', { class: 'match-row', 'data-left': String(i) },
    h('label', { for: `match-${i}`, class: 'match-term' }, term),
    h('span', { class: 'match-arrow', 'aria-hidden': 'true' }, '→'),
    selects[i]));
  const list = h('ol', { class: 'match-list', id: 'match-list', 'aria-label': 'Your pairs' }, rows);
  const self = {
    element: [list, note],
    hint: `Choose the match for each term; choosing one that is already used swaps the two. Then ${submitLabel}.`,
    ready: () => true,
    notReady() {},
    choices: () => [...match],
    lock(value) { for (const select of selects) select.disabled = value; },
    show(choices) {
      if (choices.length === left.length && new Set(choices).size === choices.length) match = [...choices];
      sync();
    },
    changed() {},
  };

  function pick(i, j) {
    const other = match.indexOf(j);
    for (const r of rows) r.classList.remove('swapped');
    if (other !== -1 && other !== i) {
      match[other] = match[i];
      rows[other].classList.add('swapped');
      note.textContent = `Swapped: “${left[other]}” now goes with “${right[match[other]]}”.`;
    } else {
      note.textContent = '';
    }
    match[i] = j;
    sync();
  }

  function sync() {
    for (const [i, select] of selects.entries()) select.value = String(match[i]);
  }

  sync();
  return self;
}
