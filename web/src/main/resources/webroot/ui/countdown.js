// A question's countdown: a <progress> bar and the seconds left, driven by the server's remainingMs
// (never by this device's clock against the server's deadline). Announces a few moments, not every second.
import { h } from '../dom.js';
import { announce } from './announce.js';

const SPOKEN_AT = new Set([30, 10, 5]);

export class Countdown {
  constructor(durationMs) {
    this.durationMs = durationMs;
    this.bar = h('progress', { class: 'countdown-bar', max: String(durationMs), value: String(durationMs), 'aria-hidden': 'true' });
    this.label = h('p', { class: 'countdown-label' });
    this.element = h('div', { class: 'countdown', role: 'timer', 'aria-label': 'Time left' }, this.bar, this.label);
    this.lastSpoken = null;
  }

  run(remainingMs) {
    this.stop();
    this.endsAt = performance.now() + remainingMs;
    this.tick();
    this.timer = setInterval(() => this.tick(), 200);
  }

  /** Before the question opens (during the 3-2-1): its whole time shown, not running yet. */
  hold(remainingMs) {
    this.stop();
    this.bar.value = remainingMs;
    this.element.classList.remove('low', 'paused');
    this.label.textContent = `${Math.ceil(remainingMs / 1000)} s`;
  }

  pause(remainingMs) {
    this.stop();
    this.show(remainingMs, true);
  }

  tick() {
    const left = Math.max(0, this.endsAt - performance.now());
    this.show(left, false);
    if (left === 0) this.stop();
  }

  show(leftMs, paused) {
    const seconds = Math.ceil(leftMs / 1000);
    this.bar.value = leftMs;
    this.element.classList.toggle('low', seconds <= 5);
    this.element.classList.toggle('paused', paused);
    this.label.textContent = paused ? `Paused with ${seconds} s left` : seconds > 0 ? `${seconds} s left` : 'Time is up';
    if (!paused && seconds !== this.lastSpoken && (SPOKEN_AT.has(seconds) || seconds === 0)) {
      this.lastSpoken = seconds;
      announce(seconds > 0 ? `${seconds} seconds left` : 'Time is up');
    }
  }

  stop() {
    clearInterval(this.timer);
  }
}
