// Shows a live connection's state to the person holding the phone: reconnecting, back, or ended.
import { h } from '../dom.js';
import { announce } from './announce.js';

const ENDED = {
  over: 'The game is over.',
  replaced: 'This game continues in another tab or window.',
  kicked: 'The host removed you from this room.',
  left: 'You left the room.',
  client_error: 'The connection was closed because of an error in this page. Reload to try again.',
};

export function connectionBanner(socket) {
  const text = h('span');
  const retry = h('button', { type: 'button', class: 'link', onclick: () => socket.reconnectNow() }, 'Reconnect now');
  const banner = h('p', { class: 'connection', role: 'status', hidden: true }, text, ' ', retry);
  let wasDown = false;
  socket.on('status', ({ state, delayMs, reason }) => {
    retry.hidden = state !== 'waiting';
    // A removal or a broken page is a warning; a game that ended or moved to another tab is neither good nor bad news.
    banner.classList.toggle('down', state === 'waiting' || state === 'reconnecting'
      || (state === 'closed' && (reason === 'kicked' || reason === 'client_error')));
    banner.classList.toggle('ended', state === 'closed' && reason !== 'kicked' && reason !== 'client_error');
    if (state === 'waiting') {
      wasDown = true;
      banner.hidden = false;
      text.textContent = `⚠ Connection lost. Reconnecting in ${Math.max(1, Math.round(delayMs / 1000))} s…`;
    } else if (state === 'reconnecting') {
      banner.hidden = false;
      text.textContent = 'Reconnecting…';
    } else if (state === 'open' && wasDown) {
      wasDown = false;
      banner.hidden = false;
      text.textContent = '✓ Back online.';
      announce('Back online.');
      setTimeout(() => { if (socket.state === 'open') banner.hidden = true; }, 3000);
    } else if (state === 'closed') {
      banner.hidden = false;
      text.textContent = ENDED[reason] || 'The connection closed.';
    } else if (state === 'open' || state === 'connecting') {
      banner.hidden = true;
    }
  });
  return banner;
}
