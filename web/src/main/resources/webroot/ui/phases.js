// The parts of a game both the players and the host see: the question, the reveal, the leaderboard, the podium.
// Every answer has a shape and a number besides its colour, and right/wrong is always said in words too.
import { h, ordinal, plural } from '../dom.js';

export const SHAPES = ['▲', '◆', '●', '■'];
const SHAPE_NAMES = ['triangle', 'diamond', 'circle', 'square'];
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
    h('h2', { class: 'prompt', id: 'question-prompt', tabindex: '-1', 'data-question-id': question.questionId }, question.prompt));
}

/** One answer option; `onChoose` makes it a button, without it (the host's screen) it is a label. */
export function optionTile(index, text, onChoose) {
  const body = [
    h('span', { class: 'shape', 'aria-hidden': 'true' }, SHAPES[index % 4]),
    h('span', { class: 'key' }, String(index + 1)),
    h('span', { class: 'option-text' }, text),
  ];
  const props = { class: `option option-${index % 4}`, 'data-option': String(index) };
  if (!onChoose) return h('li', props, ...body);
  return h('li', {}, h('button', { ...props, type: 'button', 'aria-keyshortcuts': String(index + 1),
    'aria-label': `${index + 1}: ${text} (${SHAPE_NAMES[index % 4]})`, onclick: () => onChoose(index) }, ...body));
}

export function revealView(reveal, { chosen = null } = {}) {
  const parts = [
    h('p', { class: 'question-count' }, `Question ${reveal.index + 1} of ${reveal.total}`),
    h('h2', { class: 'correct-answer', id: 'reveal-answer', tabindex: '-1' },
      h('span', { 'aria-hidden': 'true' }, '✓ '), 'Answer: ', h('span', { class: 'answer-text' }, reveal.answer)),
  ];
  if (Array.isArray(reveal.options)) {
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
  } else if (reveal.distribution) {
    parts.push(h('p', { class: 'typed-distribution' },
      `✓ ${plural(reveal.distribution.correct, 'right answer')} · ✗ ${plural(reveal.distribution.incorrect, 'wrong answer')}`));
    if (reveal.accepted && reveal.accepted.length > 1) parts.push(h('p', {}, `Also accepted: ${reveal.accepted.join(', ')}`));
  }
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
  return h('aside', { class: 'source', 'aria-label': 'From your notes' },
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
