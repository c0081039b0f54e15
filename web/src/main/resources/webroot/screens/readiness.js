// Readiness for a deck's exam: the score the student would get now with its interval and the pass mark on one bar,
// the verdict, a bar per domain, the three domains that would gain most with a review round on them, and how the
// predictions made before earlier attempts compared with their scores.
import { fill, h, plural } from '../dom.js';
import { request } from '../api.js';
import { signedIn, when } from '../ui/gate.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  children.filter(Boolean).forEach((child) => el.append(child));
  return el;
}

/**
 * A bar from 0 to 100%: the interval shaded, the prediction a dark tick, the pass mark a dashed line. Drawn with SVG
 * attributes (no inline style, which the page's Content-Security-Policy refuses); the words say the same beside it.
 */
function scoreBar({ percent, low, high, pass, label }) {
  return svg('svg', { class: 'score-bar', viewBox: '0 0 100 14', preserveAspectRatio: 'none', role: 'img', 'aria-label': label, focusable: 'false' },
    svg('title', {}, document.createTextNode(label)),
    svg('rect', { class: 'score-track', x: 0, y: 3, width: 100, height: 8, rx: 2 }),
    low == null ? null : svg('rect', { class: 'score-range', x: low, y: 3, width: Math.max(0.5, high - low), height: 8 }),
    percent == null ? null : svg('rect', { class: 'score-point', x: Math.min(99, Math.max(0, percent - 0.75)), y: 0, width: 1.5, height: 14 }),
    pass == null ? null : svg('line', { class: 'score-pass', x1: pass, x2: pass, y1: 0, y2: 14 }));
}

const VERDICT = { likely_to_pass: ['✓ You are likely to pass', 'passed'], not_yet: ['Not yet', 'failed'], too_little: ['Too little to say', 'unknown'] };

function scoreText(r) {
  const p = r.predicted;
  if (r.passMark.kind === 'scaled') return `${p.scaled} of ${r.passMark.scaleMax} (likely ${p.scaledLow}–${p.scaledHigh})`;
  return `${p.percent}% (likely ${p.low}–${p.high}%)`;
}

/** The pass mark, and what it takes in questions: "pass mark 70%: 6 of 8 right (75%)". */
function passText(r) {
  const mark = r.passMark.kind === 'scaled' ? `${r.passMark.mark} of ${r.passMark.scaleMax}` : `${r.passMark.mark}%`;
  return `Pass mark ${mark}: ${r.passMark.correctNeeded} of ${r.questions} right (${r.passMark.neededPercent}%)`;
}

function practicePath(deckId, topics) {
  const query = new URLSearchParams();
  topics.forEach((t) => query.append('topic', t));
  return `/decks/${deckId}/practice${topics.length ? `?${query}` : ''}`;
}

export function mount(root, context) {
  const deckId = context.params[0];
  const body = h('div', { class: 'readiness' });
  root.append(body);
  signedIn(body, context, 'Sign in to see how ready you are', 'Readiness is worked out from what you have practised, so it needs your account.', (session) => {
    const exam = new URLSearchParams(location.search).get('exam');
    const path = `/api/decks/${deckId}/readiness${exam ? `?exam=${encodeURIComponent(exam)}` : ''}`;
    request('GET', path, { token: session.token }).then((r) => {
      const [verdictText, verdictClass] = VERDICT[r.verdict];
      const tooLittle = r.verdict === 'too_little';
      const chooser = h('select', { id: 'readiness-exam', onchange: (e) => {
        const chosen = e.target.value;
        context.navigate(`/decks/${deckId}/readiness${chosen ? `?exam=${encodeURIComponent(chosen)}` : ''}`);
      } },
      r.exams.length ? null : h('option', { value: '', selected: true }, 'No exam set: the deck’s topics, 70% to pass'),
      r.exams.map((e) => h('option', { value: e.id, selected: r.exam && r.exam.id === e.id }, e.title)));
      const focusTopics = r.practiceTopics;
      fill(body,
        h('section', { class: 'card', 'aria-labelledby': 'readiness-title' },
          h('p', { class: 'muted' }, h('a', { href: `/decks/${deckId}` }, r.deckTitle), ' ›'),
          h('h1', { id: 'readiness-title', tabindex: '-1' }, `Readiness: ${r.deckTitle}`),
          h('p', { class: 'field' }, h('label', { for: 'readiness-exam' }, 'For the exam '), chooser,
            r.exam ? [' · ', h('a', { href: `/account/exams/${r.exam.id}`, id: 'readiness-exam-link' }, 'open it')] : null),
          h('p', { class: `verdict-line ${verdictClass}`, id: 'readiness-verdict' }, verdictText),
          tooLittle ? null : h('p', { class: 'readiness-score', id: 'readiness-score' }, scoreText(r)),
          tooLittle ? null : h('p', { id: 'readiness-pass' }, passText(r)),
          tooLittle ? null : scoreBar({ percent: r.predicted.percent, low: r.predicted.low, high: r.predicted.high, pass: r.passMark.neededPercent,
            label: `Predicted ${r.predicted.percent}% of the questions right, likely between ${r.predicted.low}% and ${r.predicted.high}%; passing takes ${r.passMark.neededPercent}%` }),
          tooLittle ? null : h('p', { class: 'muted score-key', 'aria-hidden': 'true' }, '▮ prediction · shaded: likely range (9 in 10) · ┆ pass mark'),
          h('p', { id: 'readiness-message' }, r.message),
          h('p', { class: 'muted', id: 'readiness-basis' },
            `${plural(r.questions, 'question')}${r.passMark.default ? ' and a 70% pass mark, as no exam is set' : ''}. `
            + `You have studied ${r.studied} of ${plural(r.facts, 'fact')}; facts you never met count at ${r.model.prior}%, `
            + `your first-try accuracy (${r.model.firstTriesRight} of ${plural(r.model.firstTries, 'first try', 'first tries')} right, `
            + 'drawn towards 50% while there are few)'
            + (r.model.attemptsUsed ? `, and ${r.model.attemptsUsed === 1 ? 'your last exam' : `your last ${r.model.attemptsUsed} exams`} moved the prediction by ${r.model.adjustment} points.` : '.'))),
        h('section', { class: 'card', 'aria-labelledby': 'focus-title' },
          h('h2', { id: 'focus-title' }, tooLittle ? 'Where to start' : 'What would gain most'),
          r.focus.length ? h('ol', { id: 'readiness-focus', class: 'focus-list' }, r.focus.map((f) => h('li', {},
            h('strong', {}, f.topic || 'Other'),
            f.gain == null ? ` · ${f.studied} of ${plural(f.facts, 'fact')} studied`
              : ` · up to ${f.gain} points if you knew all of it (${f.studied} of ${plural(f.facts, 'fact')} studied)`)))
            : h('p', {}, 'Nothing: you would recall every fact the exam asks.'),
          focusTopics.length ? h('button', { type: 'button', class: 'primary', id: 'review-these',
            onclick: () => context.navigate(practicePath(deckId, focusTopics)) }, 'Review these') : null),
        h('section', { class: 'card', 'aria-labelledby': 'readiness-domains-title' },
          h('h2', { id: 'readiness-domains-title' }, 'By domain'),
          h('ul', { class: 'domain-bars', id: 'readiness-domains' }, r.domains.map((d) => h('li', {},
            h('span', { class: 'domain-name' }, d.topic || 'Other'),
            d.percent == null ? null : scoreBar({ percent: d.percent, low: d.low, high: d.high, pass: null,
              label: `${d.topic || 'Other'}: predicted ${d.percent}%, likely ${d.low}–${d.high}%` }),
            h('span', { class: 'domain-figure' },
              (d.percent == null ? '' : `${d.percent}% (likely ${d.low}–${d.high}%) · `)
              + `${plural(d.questions, 'question')} on the exam · ${d.studied} of ${plural(d.facts, 'fact')} studied`
              + (d.lastExam ? ` · last exam ${d.lastExam.correct} of ${d.lastExam.asked}` : '')))))),
        h('section', { class: 'card', 'aria-labelledby': 'calibration-title' },
          h('h2', { id: 'calibration-title' }, 'How the predictions did'),
          r.calibration.attempts.length ? [
            h('p', { id: 'calibration-error' }, r.calibration.meanAbsoluteError == null ? 'No attempt had a prediction yet.'
              : `Off by ${r.calibration.meanAbsoluteError} points on average (mean absolute error).`),
            h('table', { class: 'table', id: 'calibration-table' },
              h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Attempt'), h('th', { scope: 'col' }, 'Started'),
                h('th', { scope: 'col' }, 'Predicted'), h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'Error'))),
              h('tbody', {}, r.calibration.attempts.map((a) => h('tr', {},
                h('th', { scope: 'row' }, h('a', { href: `/account/attempts/${a.attemptId}` }, `${a.title}, attempt ${a.number}`)),
                h('td', {}, when(a.startedAt)),
                h('td', {}, a.predicted == null ? 'too little to say' : `${a.predicted}% (${a.low}–${a.high}%)`),
                h('td', {}, `${a.actual}% (${a.correct} of ${a.asked})`),
                h('td', {}, a.error == null ? '—' : `${a.error} points${a.inside ? '' : ', outside the range'}`))))),
          ] : h('p', {}, 'Once you sit a mock exam on this deck, the prediction made as it started is shown here beside your score.')));
      body.querySelector('#readiness-title').focus();
    }).catch((error) => fill(body, h('section', { class: 'card' }, h('h1', {}, 'Readiness'),
      h('p', { class: 'message error' }, error.status === 404 ? 'There is no such deck or exam for you.' : error.message))));
  });
}
