// The parts of a game both the players and the host see: the question, the reveal, the leaderboard, the podium.
// Every answer has a shape and a number besides its colour, and right/wrong is always said in words too.
import { h, ordinal, plural } from '../dom.js';

export const SHAPES = ['▲', '◆', '●', '■', '★', '✚'];
const SHAPE_NAMES = ['triangle', 'diamond', 'circle', 'square', 'star', 'cross'];
/** The answer types answered with a list of indices ({choices}) rather than one option or a typed text. */
export const CHOICE_TYPES = new Set(['multiple_response', 'ordering', 'matching']);
const MEDALS = ['★', '★', '★'];

/** Where the question sits in the notes ("AWS Lambda › Anti-patterns"), above the prompt; never part of it. */
export function questionContext(question) {
  return question.context && question.context.length
    ? h('p', { class: 'question-context', id: 'question-context' }, question.context.join(' › ')) : null;
}

export function questionHeading(question) {
  return h('div', { class: 'question-head' },
    h('p', { class: 'question-count' }, `Question ${question.index + 1} of ${question.total}`),
    questionContext(question),
    h('h1', { class: 'prompt', id: 'question-prompt', tabindex: '-1', 'data-question-id': question.questionId }, question.prompt));
}

/** One answer option; `onChoose` makes it a button, without it (the host's screen) it is a label. */
export function optionTile(index, text, onChoose) {
  const look = index % SHAPES.length;
  const body = [
    h('span', { class: 'shape', 'aria-hidden': 'true' }, SHAPES[look]),
    h('span', { class: 'key' }, String(index + 1)),
    h('span', { class: 'option-text' }, text),
  ];
  const props = { class: `option option-${look}`, 'data-option': String(index) };
  if (!onChoose) return h('li', props, ...body);
  return h('li', {}, h('button', { ...props, type: 'button', 'aria-keyshortcuts': String(index + 1),
    'aria-label': `${index + 1}: ${text} (${SHAPE_NAMES[look]})`, onclick: () => onChoose(index) }, ...body));
}

/** What the host's screen shows under the prompt: the options, the items to order or the two columns to match. */
export function questionBody(question) {
  const type = question.answerType || question.type;
  if (type === 'ordering' && Array.isArray(question.items)) {
    return [h('p', { class: 'big' }, 'Players put these in order:'),
      h('ul', { class: 'item-list', id: 'question-items' }, question.items.map((text, i) => h('li', { 'data-item': String(i) }, text)))];
  }
  if (type === 'matching' && Array.isArray(question.left) && Array.isArray(question.right)) {
    return [h('p', { class: 'big' }, 'Players match each term with one of the matches:'), matchColumns(question.left, question.right)];
  }
  if (Array.isArray(question.options)) {
    return [h('ol', { class: 'options', id: 'question-options' }, question.options.map((text, i) => optionTile(i, text))),
      question.choose ? h('p', { class: 'big', id: 'question-choose' }, `Players choose ${question.choose}.`) : null];
  }
  return h('p', { class: 'big' }, 'Players type their answer.');
}

/** The terms (numbered) beside their shuffled matches (lettered), as a matching question is served. */
export function matchColumns(left, right) {
  return h('div', { class: 'match-columns', id: 'question-pairs' },
    h('section', { 'aria-labelledby': 'match-left-title' }, h('h3', { id: 'match-left-title' }, 'Terms'),
      h('ol', { id: 'question-left' }, left.map((text, i) => h('li', { 'data-left': String(i) }, text)))),
    h('section', { 'aria-labelledby': 'match-right-title' }, h('h3', { id: 'match-right-title' }, 'Matches'),
      h('ol', { id: 'question-right', type: 'A' }, right.map((text, j) => h('li', { 'data-right': String(j) }, text)))));
}

/**
 * The right answer of a multiple response, ordering or matching question in its own shape, from `key`
 * ({answerType, options | items | left and right, correct}, indices into the order the question was served in).
 * `chosen` (the player's {choices} list) marks their own answer; `distribution` adds how many picked each option.
 */
export function keyView(key, { chosen = null, distribution = null } = {}) {
  const mine = Array.isArray(chosen) ? chosen : null;
  if (key.answerType === 'multiple_response' && Array.isArray(key.options)) return pickedKey(key, mine, distribution);
  if (!Array.isArray(key.correct)) return null;
  if (key.answerType === 'ordering' && Array.isArray(key.items)) return orderKey(key, mine);
  if (key.answerType === 'matching' && Array.isArray(key.left) && Array.isArray(key.right)) return matchKey(key, mine);
  return null;
}

function pickedKey(key, mine, distribution) {
  const right = new Set(Array.isArray(key.correct) ? key.correct : []);
  const picked = new Set(mine || []);
  return h('ol', { class: 'options reveal-options', id: 'reveal-options', 'data-answer-type': key.answerType }, key.options.map((text, i) => {
    const tile = optionTile(i, text);
    tile.classList.add(right.has(i) ? 'right' : 'wrong');
    tile.append(h('span', { class: 'verdict' }, right.has(i) ? '✓ right' : '✗'));
    if (Array.isArray(distribution)) tile.append(h('span', { class: 'count' }, `picked by ${distribution[i] || 0}`));
    if (picked.has(i)) {
      tile.classList.add('picked');
      tile.append(h('span', { class: 'mine' }, right.has(i) ? 'your pick ✓' : 'your pick ✗'));
    }
    return tile;
  }));
}

/** Each place in the right order, and what the player put there. */
function orderKey(key, mine) {
  return h('div', { class: 'answer-key' },
    h('p', { class: 'key-caption', id: 'reveal-order-title' }, 'The right order, first first:'),
    h('ol', { class: 'order-key', id: 'reveal-order', 'aria-labelledby': 'reveal-order-title' }, key.correct.map((item, place) => {
      const yours = mine ? mine[place] : undefined;
      const same = yours === item;
      return h('li', { class: mine ? (same ? 'right' : 'wrong') : null, 'data-item': String(item) },
        h('span', { class: 'order-place', 'aria-hidden': 'true' }, String(place + 1)),
        h('span', { class: 'order-text' }, key.items[item]),
        mine ? h('span', { class: 'mine' }, same ? '✓ yours too' : `✗ you put “${key.items[yours] ?? '–'}” here`) : null);
    })));
}

/** Each term with its match, and what the player matched it with. */
function matchKey(key, mine) {
  return h('div', { class: 'answer-key' },
    h('p', { class: 'key-caption', id: 'reveal-pairs-title' }, 'The right pairs:'),
    h('ul', { class: 'match-key', id: 'reveal-pairs', 'aria-labelledby': 'reveal-pairs-title' }, key.left.map((term, i) => {
      const match = key.correct[i];
      const same = mine && mine[i] === match;
      return h('li', { class: mine ? (same ? 'right' : 'wrong') : null, 'data-left': String(i), 'data-right': String(match) },
        h('span', { class: 'match-term' }, term),
        h('span', { class: 'match-arrow' }, h('span', { 'aria-hidden': 'true' }, '→'), h('span', { class: 'visually-hidden' }, ' goes with ')),
        h('span', { class: 'match-right' }, key.right[match]),
        mine ? h('span', { class: 'mine' }, same ? '✓ yours too' : `✗ you chose “${key.right[mine[i]] ?? '–'}”`) : null);
    })));
}

/** The reveal; `question` (the question as served) stands in for any list the reveal leaves out. */
export function revealView(reveal, { chosen = null, question = null } = {}) {
  const parts = [
    h('p', { class: 'question-count' }, `Question ${reveal.index + 1} of ${reveal.total}`),
    h('h1', { class: 'correct-answer', id: 'reveal-answer', tabindex: '-1' },
      h('span', { 'aria-hidden': 'true' }, '✓ '), 'Answer: ', h('span', { class: 'answer-text' }, reveal.answer)),
  ];
  if (CHOICE_TYPES.has(reveal.answerType)) {
    const served = question && question.index === reveal.index ? question : {};
    parts.push(keyView({ ...reveal, options: reveal.options || served.options, items: reveal.items || served.items,
      left: reveal.left || served.left, right: reveal.right || served.right }, { chosen, distribution: reveal.distribution }));
  } else if (Array.isArray(reveal.options)) {
    parts.push(h('ol', { class: 'options reveal-options' }, reveal.options.map((text, i) => {
      const right = i === reveal.correct;
      const tile = optionTile(i, text);
      tile.classList.add(right ? 'right' : 'wrong');
      tile.append(
        h('span', { class: 'verdict' }, right ? '✓ right' : '✗'),
        h('span', { class: 'count' }, plural(reveal.distribution ? reveal.distribution[i] : 0, 'answer')));
      if (chosen === i) tile.append(h('span', { class: 'mine' }, 'your answer'));
      return tile;
    })));
  }
  if (reveal.distribution && !Array.isArray(reveal.distribution)) {
    // Typed, ordering and matching answers are counted as right or wrong only.
    parts.push(h('p', { class: 'typed-distribution', id: 'reveal-distribution' },
      `✓ ${plural(reveal.distribution.correct || 0, 'right answer')} · ✗ ${plural(reveal.distribution.incorrect || 0, 'wrong answer')}`));
  }
  if (reveal.accepted && reveal.accepted.length > 1) parts.push(h('p', {}, `Also accepted: ${reveal.accepted.join(', ')}`));
  if (typeof reveal.groupAccuracy === 'number') {
    // A weak-spot round: how the group did on this question before.
    parts.push(h('p', { class: 'group-accuracy', id: 'group-accuracy' },
      `Your group got this right ${Math.round(reveal.groupAccuracy * 100)}% of the time before.`));
  }
  parts.push(sourceNote(reveal.explanation, reveal.source));
  return parts;
}

/** The fact from the notes the question came from, with where it is in them. */
export function sourceNote(explanation, source) {
  return h('section', { class: 'source', 'aria-label': 'From your notes' },
    h('p', { class: 'explanation' }, explanation),
    source ? h('p', { class: 'source-line' },
      h('span', { class: 'line-number' }, `Line ${source.line}`),
      source.path && source.path.length ? ` · ${source.path.join(' › ')}` : '',
      h('q', { class: 'line-text' }, source.text)) : null);
}

export function leaderboardList(top, myId) {
  return h('ol', { class: 'leaderboard', id: 'leaderboard' }, top.map((row) => h('li', { class: row.playerId === myId ? 'me' : null },
    h('span', { class: 'rank' }, ordinal(row.rank)),
    h('span', { class: 'name' }, row.nickname, row.playerId === myId ? ' (you)' : ''),
    h('span', { class: 'score' }, `${row.score} pts`),
    row.streak > 1 ? h('span', { class: 'streak' }, `${row.streak} in a row`) : null)));
}

export function podiumView(top, myId) {
  return h('ol', { class: 'podium', id: 'podium' }, top.slice(0, 3).map((row, i) => h('li', { class: `place place-${i + 1}${row.playerId === myId ? ' me' : ''}` },
    h('span', { class: 'medal', 'aria-hidden': 'true' }, MEDALS[i]),
    h('span', { class: 'rank' }, ordinal(row.rank)),
    h('span', { class: 'name' }, row.nickname, row.playerId === myId ? ' (you)' : ''),
    h('span', { class: 'score' }, `${row.score} pts · ${plural(row.correct, 'right answer')}`))));
}
