// The 3-2-1 before a game's first question, on the projector and on every phone alike, so the room starts together.
import { h } from '../dom.js';

const STEP_MS = 700;

/** Whether `question` is a game's first, just asked (not a reload in the middle of it). */
export function startsTheGame(question) {
  return question.index === 0 && !question.paused && question.remainingMs > question.durationMs - 1000;
}

/** Counts 3, 2, 1 over the screen, then calls `done`; returns a function that stops it early. */
export function leadIn(done = () => {}) {
  const number = h('span', { class: 'lead-in-number' }, '3');
  const overlay = h('div', { class: 'lead-in', id: 'lead-in', role: 'status', 'aria-live': 'assertive' },
    h('p', { class: 'lead-in-title' }, 'Get ready'), number);
  document.body.append(overlay);
  let left = 3;
  const timer = setInterval(() => {
    left -= 1;
    if (left > 0) {
      number.textContent = String(left);
      // Restarts the number's pop (nothing moves when the reader asked for reduced motion: see app.css).
      number.classList.remove('tick');
      void number.offsetWidth;
      number.classList.add('tick');
      return;
    }
    stop();
    done();
  }, STEP_MS);
  function stop() {
    clearInterval(timer);
    overlay.remove();
  }
  return stop;
}
