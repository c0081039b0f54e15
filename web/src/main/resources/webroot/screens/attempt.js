// Sitting a mock exam: every question reachable from a navigator (answered, unanswered, flagged), answers saved to
// the server as they change, flags for review, a review before submitting, and the server's time left always in
// view (warnings at 30 and 5 minutes, submitted at 0). Once submitted, the report.
import { fill, h, plural } from '../dom.js';
import { request } from '../api.js';
import { announce } from '../ui/announce.js';
import { choiceControl } from '../ui/answers.js';
import { signedIn } from '../ui/gate.js';
import { CHOICE_TYPES, optionTile, questionContext } from '../ui/phases.js';
import { reportView } from '../ui/exam-report.js';

const WARNINGS = [30, 5];
const RESYNC_MS = 60_000;

/** "1:05:09", "29:59", "0:04" */
export function clockText(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export function mount(root, context) {
  const id = context.params[0];
  const body = h('div', { class: 'attempt' });
  root.append(body);
  let stop = () => {};
  signedIn(body, context, 'Sign in for this attempt', 'An attempt belongs to the account that started it.', (session) => {
    const api = (method, path, payload) => request(method, path, { token: session.token, body: payload });
    let stopped = false;
    let tick = null;
    let resync = null;
    let deadlineAt = 0;
    let warned = new Set();
    let finishing = false;
    let attempt = null;
    let current = 0;
    let reviewing = false;
    let stopKeys = () => {};
    let sittingId = null;
    let waiting = null;

    const timer = h('p', { class: 'exam-timer', id: 'exam-timer', role: 'timer', 'aria-label': 'Time left' });
    const warning = h('p', { class: 'time-warning', id: 'time-warning', role: 'alert', hidden: true });
    const progress = h('p', { class: 'muted', id: 'exam-progress' });
    const navigator = h('ol', { class: 'exam-navigator', id: 'exam-navigator', 'aria-label': 'Questions' });
    const stage = h('div', { class: 'stage exam-stage', id: 'stage' });
    const status = h('p', { class: 'message', id: 'save-status', role: 'status', 'aria-live': 'polite' });

    function remaining() {
      return deadlineAt - performance.now();
    }

    /** Takes the server's time left: the client's clock only counts it down, never sets it. */
    function sync(ms, first = false) {
      deadlineAt = performance.now() + ms;
      if (first) warned = new Set(WARNINGS.filter((m) => ms <= m * 60_000));
      render();
    }

    function render() {
      const left = remaining();
      timer.textContent = `${clockText(left)} left`;
      timer.classList.toggle('low', left <= 5 * 60_000);
      for (const minutes of WARNINGS) {
        if (left <= minutes * 60_000 && !warned.has(minutes)) {
          warned.add(minutes);
          warning.hidden = false;
          warning.textContent = `${plural(minutes, 'minute')} left.`;
          announce(`${plural(minutes, 'minute')} left.`, { urgent: true });
        }
      }
      if (left <= 0) finish('time');
    }

    async function load() {
      try {
        const fresh = await api('GET', `/api/attempts/${id}`);
        if (stopped) return;
        sittingId = fresh.sittingId;
        if (fresh.state === 'submitted') {
          showReport();
          return;
        }
        const first = attempt === null;
        attempt = fresh;
        if (first) sit();
        sync(fresh.remainingMs, first);
        drawNavigator();
      } catch (error) {
        if (attempt !== null) {
          // A resync that fails (a lost connection) leaves the exam on screen: the server keeps the time and the
          // answers, and the next resync catches up.
          status.textContent = `⚠ ${error.message}`;
          status.className = 'message error';
          return;
        }
        fill(body, h('section', { class: 'card' }, h('h1', {}, 'Exam attempt'),
          h('p', { class: 'message error' }, error.status === 404 ? 'You have no such attempt.' : error.message)));
      }
    }

    function sit() {
      fill(body,
        h('h1', { id: 'attempt-title', class: 'attempt-title' }, attempt.title),
        h('section', { class: 'card exam-bar', 'aria-label': 'Time and progress' }, timer, progress, warning),
        h('div', { class: 'exam-layout' },
          h('section', { class: 'card', 'aria-label': 'Question' }, stage, status),
          h('nav', { class: 'card', 'aria-labelledby': 'navigator-title' },
            h('h2', { id: 'navigator-title' }, 'All questions'),
            h('p', { class: 'muted legend' }, '● answered · ○ not yet · ⚑ flagged'),
            navigator,
            h('button', { type: 'button', class: 'secondary', id: 'review-exam', onclick: review }, 'Review and submit'))));
      tick = setInterval(render, 250);
      resync = setInterval(load, RESYNC_MS);
      document.addEventListener('visibilitychange', onVisible);
      show(0);
    }

    function onVisible() {
      if (document.visibilityState === 'visible' && !finishing) load();
    }

    function drawNavigator() {
      const qs = attempt.questions;
      const answered = qs.filter((q) => q.answer).length;
      const flagged = qs.filter((q) => q.flagged).length;
      progress.textContent = `${answered} of ${qs.length} answered · ${flagged} flagged`;
      fill(navigator, qs.map((q, i) => h('li', {},
        h('button', { type: 'button', class: `nav-q${q.answer ? ' answered' : ''}${q.flagged ? ' flagged' : ''}`,
          'data-index': String(i), 'aria-current': !reviewing && i === current ? 'step' : null,
          'aria-label': `Question ${i + 1}, ${q.answer ? 'answered' : 'not answered'}${q.flagged ? ', flagged' : ''}`,
          onclick: () => show(i) },
        h('span', { 'aria-hidden': 'true' }, `${i + 1}${q.flagged ? ' ⚑' : ''}`)))));
    }

    async function save(index, answer) {
      status.textContent = 'Saving…';
      status.className = 'message';
      try {
        const saved = await api('PUT', `/api/attempts/${id}/answers/${index}`, answer);
        attempt.questions[index].answer = saved.answer;
        status.textContent = saved.answer ? `Saved: question ${index + 1} answered.` : `Answer to question ${index + 1} taken back.`;
        status.className = 'message ok';
        sync(saved.remainingMs);
        drawNavigator();
        return true;
      } catch (error) {
        return refused(error);
      }
    }

    async function flag(index) {
      const q = attempt.questions[index];
      try {
        const saved = await api('PUT', `/api/attempts/${id}/flags/${index}`, { flagged: !q.flagged });
        q.flagged = saved.flagged;
        status.textContent = q.flagged ? `Question ${index + 1} flagged for review.` : `Flag taken off question ${index + 1}.`;
        status.className = 'message ok';
        sync(saved.remainingMs);
        drawNavigator();
        if (!reviewing && current === index) show(index);
      } catch (error) {
        refused(error);
      }
    }

    /** A change the server refused: time up or submitted goes to the report, anything else is said. */
    function refused(error) {
      if (error.code === 'time_up' || error.code === 'attempt_submitted') {
        finish('refused');
        return false;
      }
      status.textContent = `⚠ ${error.message}`;
      status.className = 'message error';
      return false;
    }

    function show(index) {
      stopKeys();
      reviewing = false;
      current = index;
      const q = attempt.questions[index];
      const total = attempt.questions.length;
      let area;
      let control = null;
      if (CHOICE_TYPES.has(q.type)) {
        control = choiceControl(q.type, q, { submitLabel: 'Save answer', onSubmit: (answer) => save(index, answer) });
        if (q.answer && q.answer.choices) control.show(q.answer.choices);
        area = control.element;
      } else if (q.type === 'typed') {
        const input = h('input', { id: 'typed-answer', name: 'answer', maxlength: 200, autocomplete: 'off', spellcheck: 'false',
          value: q.answer && q.answer.text ? q.answer.text : '' });
        area = h('form', { class: 'typed', id: 'typed-form', onsubmit: (event) => {
          event.preventDefault();
          save(index, input.value.trim() ? { text: input.value.trim() } : {});
        } }, h('label', { for: 'typed-answer' }, 'Your answer'), input, h('button', { type: 'submit', class: 'primary' }, 'Save answer'));
      } else {
        const chosen = q.answer ? q.answer.choice : null;
        area = h('ol', { class: `options answers count-${q.options.length}`, id: 'answers' },
          q.options.map((text, i) => optionTile(i, text, (choice) => save(index, { choice }).then((ok) => { if (ok) mark(choice); }))));
        const mark = (choice) => {
          for (const button of area.querySelectorAll('button.option')) {
            button.setAttribute('aria-pressed', String(Number(button.dataset.option) === choice));
          }
        };
        mark(chosen);
      }
      fill(stage,
        h('p', { class: 'question-count' }, `Question ${index + 1} of ${total}`, q.topic ? ` · ${q.topic}` : ''),
        questionContext(q),
        h('h2', { class: 'prompt', id: 'question-prompt', tabindex: '-1', 'data-index': String(index) }, q.prompt),
        area,
        h('p', { class: 'hint' }, control ? control.hint
          : q.type === 'typed' ? 'Type your answer and press Enter to save it.' : 'Choose an answer or press its number key; choose another to change it.'),
        h('div', { class: 'button-row exam-moves' },
          h('button', { type: 'button', class: 'secondary', id: 'prev-question', disabled: index === 0, onclick: () => show(index - 1) }, '← Previous'),
          h('button', { type: 'button', class: 'secondary', id: 'flag-question', 'aria-pressed': String(q.flagged), onclick: () => flag(index) },
            q.flagged ? '⚑ Flagged (take off)' : '⚐ Flag for review'),
          q.answer ? h('button', { type: 'button', class: 'link', id: 'clear-answer', onclick: () => save(index, {}).then(() => show(index)) }, 'Clear answer') : null,
          index < total - 1
            ? h('button', { type: 'button', class: 'primary', id: 'next-question', onclick: () => show(index + 1) }, 'Next →')
            : h('button', { type: 'button', class: 'primary', id: 'next-question', onclick: review }, 'Review →')));
      drawNavigator();
      if (q.type === 'typed') stage.querySelector('#typed-answer').focus();
      else stage.querySelector('#question-prompt').focus();

      function onKey(event) {
        if (!stage.isConnected || event.target.closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) return;
        if (control && control.onKey(event)) return;
        if (!control && q.type !== 'typed') {
          const choice = Number(event.key) - 1;
          if (Number.isInteger(choice) && choice >= 0 && choice < q.options.length) {
            event.preventDefault();
            stage.querySelector(`button.option[data-option="${choice}"]`).click();
            return;
          }
        }
        if (event.key === 'ArrowRight' && index < total - 1) { event.preventDefault(); show(index + 1); }
        else if (event.key === 'ArrowLeft' && index > 0) { event.preventDefault(); show(index - 1); }
      }
      document.addEventListener('keydown', onKey);
      stopKeys = () => document.removeEventListener('keydown', onKey);
    }

    function review() {
      stopKeys();
      reviewing = true;
      const qs = attempt.questions;
      const unanswered = qs.filter((q) => !q.answer);
      const flagged = qs.filter((q) => q.flagged);
      const goTo = (q) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => show(q.index) },
        `Question ${q.index + 1}: ${q.prompt.length > 80 ? `${q.prompt.slice(0, 80)}…` : q.prompt}`));
      fill(stage,
        h('h2', { id: 'review-title', tabindex: '-1' }, 'Review before submitting'),
        h('p', { id: 'review-summary' }, `${qs.length - unanswered.length} of ${qs.length} answered · ${plural(unanswered.length, 'unanswered question')} · ${flagged.length} flagged.`),
        unanswered.length ? h('div', {}, h('h3', {}, 'Not answered'), h('ul', { id: 'review-unanswered' }, unanswered.map(goTo))) : null,
        flagged.length ? h('div', {}, h('h3', {}, 'Flagged for review'), h('ul', { id: 'review-flagged' }, flagged.map(goTo))) : null,
        h('p', { class: 'muted' }, 'Once submitted, answers cannot change. An unanswered question counts as wrong.'),
        h('div', { class: 'button-row' },
          h('button', { type: 'button', class: 'secondary', id: 'back-to-questions', onclick: () => show(current) }, '← Back to the questions'),
          h('button', { type: 'button', class: 'primary', id: 'submit-exam', onclick: () => finish('player') }, 'Submit the exam')));
      drawNavigator();
      stage.querySelector('#review-title').focus();
    }

    /** Submits (when the player asks, or the time shown reaches 0) and shows the report. */
    async function finish(why) {
      if (finishing) return;
      finishing = true;
      clearInterval(tick);
      clearInterval(resync);
      stopKeys();
      if (why === 'time') {
        timer.textContent = '0:00 left';
        announce('Time is up: the exam is submitted with your saved answers.', { urgent: true });
      }
      if (why !== 'refused') {
        try {
          await api('POST', `/api/attempts/${id}/submit`);
        } catch (error) {
          if (error.code !== 'time_up' && error.code !== 'attempt_submitted') {
            finishing = false;
            status.textContent = `⚠ ${error.message}`;
            status.className = 'message error';
            // When the time ran out the server submits by itself; asking again shortly shows the report either way.
            if (why === 'time') setTimeout(() => finish('time'), 5000);
            return;
          }
        }
      }
      showReport();
    }

    async function showReport() {
      finishing = true;
      clearInterval(tick);
      clearInterval(resync);
      document.removeEventListener('visibilitychange', onVisible);
      stopKeys();
      try {
        const report = await api('GET', `/api/attempts/${id}/report`);
        if (stopped) return;
        fill(body, reportView(report));
        body.querySelector('#report-title').focus();
      } catch (error) {
        if (stopped) return;
        if (error.code === 'sitting_not_closed' && sittingId) {
          // In a group sitting the report (and with it the keys) waits until everyone is done.
          if (!body.querySelector('#submitted-title')) {
            fill(body, h('section', { class: 'card', 'aria-labelledby': 'submitted-title' },
              h('h1', { id: 'submitted-title', tabindex: '-1' }, 'Submitted'),
              h('p', { id: 'submitted-note' }, 'Your answers are in. Your report, with the answers, comes when the sitting closes: when everyone has submitted or its time is over. It appears here by itself.'),
              h('p', {}, h('a', { href: `/account/sittings/${sittingId}`, id: 'to-sitting' }, 'Go to the sitting'), ' for the group’s results when it closes.')));
            body.querySelector('#submitted-title').focus();
          }
          waiting = setTimeout(showReport, 15_000);
          return;
        }
        fill(body, h('p', { class: 'message error' }, error.message));
      }
    }

    stop = () => {
      stopped = true;
      clearTimeout(waiting);
      clearInterval(tick);
      clearInterval(resync);
      document.removeEventListener('visibilitychange', onVisible);
      stopKeys();
    };
    load();
  });
  return () => stop();
}
