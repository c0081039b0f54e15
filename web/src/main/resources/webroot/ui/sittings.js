// A group sitting's parts shared by the group screen and the sitting's own screen: the countdown with its Start
// button (on from the start time, by the server's figures), and the results once the sitting has closed.
import { fill, h, ordinal, plural } from '../dom.js';
import { announce } from './announce.js';
import { messageLine, when } from './gate.js';
import { domainBars } from './exam-report.js';
import { clockText } from '../screens/attempt.js';
import { passMarkText } from '../screens/exams.js';

/** "14:05" today, or the day and time otherwise. */
export function at(iso) {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : when(iso);
}

/** "6 questions in 30 minutes · pass mark 70% (5 of 6 right)" */
export function shapeText(sitting) {
  return `${plural(sitting.questionCount, 'question')} in ${plural(sitting.minutes, 'minute')} · ${passMarkText(sitting.passMark)}`
    + ` (${sitting.passMark.correctNeeded} of ${sitting.questionCount} right)`;
}

/**
 * Where the caller stands with a sitting, counted down from the server's figures (this device's clock only measures
 * the time since they came), with what they can do now: Start (off until the start time), Resume, or nothing.
 * `refresh` is called once when the sitting should have started, stopped taking starts or ended, to ask the server.
 */
export function startPanel(sitting, { api, navigate, refresh, withResultsLink = false }) {
  const since = performance.now();
  const left = (ms) => ms - (performance.now() - since);
  const clock = h('p', { class: 'sitting-clock', id: `sitting-clock-${sitting.id}`, role: 'timer', 'data-sitting': sitting.id });
  const message = messageLine(`sitting-message-${sitting.id}`);
  const action = h('div', { class: 'button-row sitting-action' });
  const element = h('div', { class: 'sitting-panel' }, clock, action, message);
  // The owner who scheduled it watches it, and may sit it too.
  const start = h('button', { type: 'button', class: `${sitting.owner ? 'secondary' : 'primary'} start-sitting`, id: `start-${sitting.id}`,
    'data-sitting': sitting.id, 'aria-describedby': `sitting-clock-${sitting.id} sitting-message-${sitting.id}`, onclick: begin },
  sitting.owner ? 'Sit it yourself' : 'Start');
  let phase = null;
  let asked = new Set();

  /** The phase this device reckons by the server's times left: scheduled, open, late (starting closed) or over. */
  function reckon() {
    if (sitting.state === 'closed' || left(sitting.endsInMs) <= 0) return 'over';
    if (left(sitting.startsInMs) > 0) return 'scheduled';
    if (left(sitting.lateJoinEndsInMs) <= 0 || (sitting.state === 'open' && !sitting.canStart && !sitting.mine)) return 'late';
    return 'open';
  }

  async function begin() {
    start.disabled = true;
    message.say('Drawing your copy of the questions…', 'ok');
    try {
      const attempt = await api('POST', `/api/sittings/${sitting.id}/attempts`);
      navigate(`/account/attempts/${attempt.id}`);
    } catch (error) {
      message.say(error.message);
      if (error.code === 'sitting_not_started') start.disabled = false;
      else refresh();
    }
  }

  function draw() {
    const mine = sitting.mine;
    if (phase === 'scheduled') {
      fill(action, mine ? null : start);
      start.disabled = true;
    } else if (phase === 'open' && !mine) {
      fill(action, start);
      start.disabled = false;
    } else if (mine && mine.state === 'open' && phase !== 'over') {
      fill(action, h('a', { class: 'button', href: `/account/attempts/${mine.attemptId}`, id: `resume-${sitting.id}` }, 'Resume your attempt'));
    } else if (phase === 'over' && withResultsLink) {
      fill(action, h('a', { href: `/account/sittings/${sitting.id}`, class: 'sitting-results-link' }, 'Results'));
    } else {
      fill(action);
    }
  }

  function tick() {
    const now = reckon();
    if (now !== phase) {
      const before = phase;
      phase = now;
      draw();
      if (before === 'scheduled' && now === 'open') {
        announce(`“${sitting.title}” has started: you can start now.`);
      }
      // Ask the server once at each moment that changes what may be done; it has the last word.
      if (before !== null && !asked.has(now)) {
        asked.add(now);
        refresh();
      }
    }
    const mine = sitting.mine;
    let text;
    if (phase === 'scheduled') {
      text = `Starts in ${clockText(left(sitting.startsInMs))}, at ${at(sitting.startsAt)}.`;
    } else if (phase === 'over') {
      text = sitting.closedAt ? `Closed ${at(sitting.closedAt)}.` : 'Its time is over.';
    } else if (mine && mine.state === 'submitted') {
      text = `You have submitted. The results come when the sitting closes, by ${at(sitting.endsAt)}.`;
    } else if (mine) {
      text = `You are sitting it: ${clockText(left(sitting.endsInMs))} left.`;
    } else if (phase === 'late') {
      text = `Under way. Starting closed at ${at(sitting.lateJoinUntil)}.`;
    } else {
      text = `Under way: start by ${at(sitting.lateJoinUntil)}. It ends for everyone in ${clockText(left(sitting.endsInMs))}.`;
    }
    if (clock.textContent !== text) clock.textContent = text;
  }

  tick();
  const timer = setInterval(() => {
    if (!element.isConnected && performance.now() - since > 1000) {
      clearInterval(timer);
      return;
    }
    tick();
  }, 1000);
  return element;
}

/** A closed sitting's results for the group (with the sitting's own fields), its board, and a link to the caller's report. */
export function resultsView(results, board) {
  const scaled = results.passMark.kind === 'scaled';
  const mine = results.mine;
  return h('div', { class: 'sitting-results' },
    h('section', { class: 'card', 'aria-labelledby': 'sitting-results-title' },
      h('h2', { id: 'sitting-results-title', tabindex: '-1' }, 'The group’s results'),
      h('p', { id: 'sitting-summary', class: 'big' }, results.sat === 0 ? 'Nobody sat it.'
        : `${plural(results.sat, 'member')} sat it · ${results.passed} passed · ${results.averagePercent}% right on average`),
      mine && mine.attemptId ? h('p', {}, h('a', { href: `/account/attempts/${mine.attemptId}`, id: 'my-sitting-report' },
        `Your report${mine.correct == null ? '' : ` (${mine.correct} of ${results.questionCount} right)`}`), ': every question with your answer, the key and the notes line.') : null,
      results.domains.length ? [h('h3', {}, 'By domain, over everyone who sat it'), domainBars(results.domains, 'sitting-domains')] : null,
      h('h3', {}, 'Most missed'),
      results.mostMissed.length
        ? h('ol', { class: 'most-missed', id: 'most-missed' }, results.mostMissed.map((m) => h('li', { 'data-index': String(m.index) },
          h('p', { class: 'prompt-text' }, m.prompt),
          h('p', { class: 'muted' }, `${m.wrong} of ${m.sat} got it wrong`,
            m.unanswered ? ` (${m.unanswered} left it unanswered)` : '', ` · question ${m.index + 1}`, m.topic ? ` · ${m.topic}` : ''))))
        : h('p', { id: 'most-missed' }, results.sat ? 'Everyone got every question right.' : 'Nothing to show.')),
    h('section', { class: 'card', 'aria-labelledby': 'sitting-board-title' },
      h('h2', { id: 'sitting-board-title' }, 'Board'),
      boardTable(board, scaled, 'sitting-board')));
}

/** A sitting's board: most right first, then the quicker. */
export function boardTable(board, scaled, id) {
  if (!board.entries.length) return h('p', { id }, 'Nobody sat this sitting.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table', id },
    h('caption', {}, `${board.sitting.title}: most right first, then the quicker`),
    h('thead', {}, h('tr', {}, ['Place', 'Member', 'Score', 'Right', 'Result', 'Time'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, board.entries.map((e) => h('tr', {},
      h('td', {}, ordinal(e.rank)), h('th', { scope: 'row' }, e.username),
      h('td', {}, scaled ? String(e.scaled) : `${e.percent}%`), h('td', {}, `${e.correct} of ${e.total}`),
      h('td', {}, e.passed ? '✓ passed' : 'not passed'), h('td', {}, clockText(e.durationMs)))))));
}
