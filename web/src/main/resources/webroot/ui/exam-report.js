// A submitted exam attempt's report: pass or fail against the pass mark, a bar per domain, time per question, and
// every question again with the answer given, the key, the explanation and the line of the notes it came from.
import { h, plural } from '../dom.js';
import { sourceNote } from './phases.js';

function seconds(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** A bar per domain (topic): right over asked, in words beside it. */
export function domainBars(domains, id) {
  return h('ul', { class: 'domain-bars', id }, domains.map((d) => h('li', {},
    h('span', { class: 'domain-name' }, d.topic || 'Other'),
    h('progress', { class: 'domain-bar', max: String(d.total), value: String(d.correct), 'aria-hidden': 'true' }),
    h('span', { class: 'domain-figure' }, `${d.correct} of ${d.total} right (${d.percent}%)`))));
}

export function reportView(report) {
  const score = report.score;
  const scaled = score.passKind === 'scaled';
  const ended = report.submittedBy === 'deadline' ? 'Submitted when the time ran out' : 'Submitted';
  return h('div', { class: 'exam-report' },
    h('section', { class: 'card', 'aria-labelledby': 'report-title' },
      report.sittingId
        ? h('p', { class: 'muted' }, h('a', { href: `/account/sittings/${report.sittingId}` }, `Group sitting: ${report.title}`), ' ›')
        : h('p', { class: 'muted' }, h('a', { href: '/account/exams' }, 'Mock exams'), ' › ', h('a', { href: `/account/exams/${report.examId}` }, report.title), ' ›'),
      h('h1', { id: 'report-title', tabindex: '-1' }, report.sittingId ? `Report: ${report.title}, group sitting` : `Report: ${report.title}, attempt ${report.number}`),
      h('p', { class: `verdict-line ${score.passed ? 'passed' : 'failed'}`, id: 'report-verdict' },
        score.passed ? '✓ Passed' : '✗ Not passed yet'),
      h('p', { class: 'big', id: 'report-score' }, scaled
        ? `${score.scaled} of ${score.scaleMax} (pass mark ${score.passMark})`
        : `${score.percent}% (pass mark ${score.passMark}%)`),
      h('p', { id: 'report-correct' }, `${score.correct} of ${score.total} right; ${score.correctNeeded} needed to pass. ${ended} after ${seconds(report.durationMs)}.`),
      h('p', { class: 'muted', id: 'score-explanation' }, score.explanation)),
    h('section', { class: 'card', 'aria-labelledby': 'domains-title' },
      h('h2', { id: 'domains-title' }, 'By domain'),
      domainBars(report.domains, 'report-domains')),
    h('section', { class: 'card', 'aria-labelledby': 'review-list-title' },
      h('h2', { id: 'review-list-title' }, 'Every question'),
      h('p', { class: 'muted', id: 'time-measure' }, `How the time per question is measured: ${report.timing.measure}`),
      h('ol', { class: 'report-questions', id: 'report-questions' }, report.questions.map((q) => h('li', {
        class: `report-question ${q.correct ? 'right' : 'wrong'}`, 'data-index': String(q.index) },
        h('p', { class: 'question-count' }, `Question ${q.index + 1} · ${q.topic || 'Other'} · ${seconds(q.timeMs)}${q.flagged ? ' · ⚑ flagged' : ''}`),
        h('p', { class: 'prompt-text' }, q.prompt),
        h('p', { class: 'my-answer' }, h('strong', {}, q.correct ? '✓ Your answer: ' : '✗ Your answer: '),
          q.answerText == null ? 'none' : q.answerText,
          !q.correct && q.credit > 0 ? ` (${Math.round(q.credit * 100)}% of it right; only a whole answer counts)` : ''),
        q.correct ? null : h('p', { class: 'key-answer' }, h('strong', {}, 'Answer: '), q.keyText),
        sourceNote(q.explanation, q.source))))),
    h('p', {}, report.sittingId
      ? h('a', { href: `/account/sittings/${report.sittingId}`, id: 'back-to-exam' }, 'Back to the sitting and the group’s results')
      : h('a', { href: `/account/exams/${report.examId}`, id: 'back-to-exam' }, 'Back to the exam'), ' · ',
      h('a', { href: `/decks/${report.deckId}/readiness?exam=${report.examId}`, id: 'report-readiness' }, 'Readiness'), ' · ',
      h('a', { href: `/decks/${report.deckId}/practice`, id: 'practice-misses' }, 'Practise'),
      `: the ${plural(report.questions.filter((q) => !q.correct || q.flagged).length, 'question')} you missed or flagged come back first.`));
}
