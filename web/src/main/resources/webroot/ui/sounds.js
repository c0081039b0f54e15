// Sounds for the big screen: a blip as a player joins, a rising tone as a question opens, a chime at the reveal and a
// short fanfare at the podium. Made with the Web Audio API (no files to fetch); only the host's console plays them,
// phones never do. The host's choice (on or off) is remembered in this browser.

const KEY = 'quizhall.sounds';
const TUNES = {
  join: [[880, 0.07]],
  question: [[523, 0.09], [659, 0.09], [784, 0.14]],
  reveal: [[784, 0.12], [1047, 0.22]],
  podium: [[523, 0.12], [659, 0.12], [784, 0.12], [1047, 0.36]],
};

export class Sounds {
  constructor(storage = window.localStorage) {
    this.storage = storage;
    this.context = null;
  }

  get on() {
    try {
      return this.storage.getItem(KEY) !== 'off';
    } catch (e) {
      return false;
    }
  }

  set on(value) {
    try {
      this.storage.setItem(KEY, value ? 'on' : 'off');
    } catch (e) {
      // A browser that keeps nothing (private mode) plays by the default each time.
    }
  }

  /** Called from a click: browsers let a page start its audio only after the user has pressed something. */
  wake() {
    if (!this.on) return;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    if (!this.context) this.context = new Context();
    if (this.context.state === 'suspended') this.context.resume();
  }

  play(name) {
    if (!this.on || !this.context || this.context.state !== 'running') return;
    const tune = TUNES[name];
    if (!tune) return;
    let at = this.context.currentTime;
    for (const [frequency, length] of tune) {
      const oscillator = this.context.createOscillator();
      const gain = this.context.createGain();
      oscillator.type = 'triangle';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
      oscillator.connect(gain).connect(this.context.destination);
      oscillator.start(at);
      oscillator.stop(at + length + 0.02);
      at += length;
    }
  }
}
