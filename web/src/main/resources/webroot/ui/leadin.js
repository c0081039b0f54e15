// The 3-2-1 before a game's first question, on the projector and on every phone alike, so the room starts together.
// The server times it (the question's leadInMs, added to its deadline) and takes no answer before it is over, so the
// overlay covers the whole page and takes every tap: nothing behind it can be pressed.
import { h } from '../dom.js';

/** Whether a question comes with a lead-in still to run: the game's first, just asked (or rejoined during the 3-2-1). */
export function startsTheGame(question) {
  return !question.paused && question.leadInMs > 0;
}

/** Counts down the `ms` of a lead-in over the screen, then calls `done`; returns a function that stops it early. */
export function leadIn(ms, done = () => {}) {
  const endsAt = performance.now() + ms;
  const secondsLeft = () => Math.max(1, Math.ceil((endsAt - performance.now()) / 1000));
  let shown = secondsLeft();
  const number = h('span', { class: 'lead-in-number' }, String(shown));
  const overlay = h('div', { class: 'lead-in', id: 'lead-in', role: 'status', 'aria-live': 'assertive' },
    h('p', { class: 'lead-in-title' }, 'Get ready'), number);
  // A tap or click on the overlay is swallowed here, whatever the page's styles say.
  for (const type of ['pointerdown', 'click', 'touchstart']) {
    overlay.addEventListener(type, (event) => { event.preventDefault(); event.stopPropagation(); });
  }
  document.body.append(overlay);
  const timer = setInterval(() => {
    if (performance.now() >= endsAt) {
      stop();
      done();
      return;
    }
    const left = secondsLeft();
    if (left === shown) return;
    shown = left;
    number.textContent = String(left);
    // Restarts the number's pop (nothing moves when the reader asked for reduced motion: see app.css).
    number.classList.remove('tick');
    void number.offsetWidth;
    number.classList.add('tick');
  }, 100);
  function stop() {
    clearInterval(timer);
    overlay.remove();
  }
  return stop;
}
