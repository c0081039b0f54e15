// Joining a room: a code and a nickname. The socket opened here is handed to the play screen.
import { h } from '../dom.js';
import { RoomSocket } from '../socket.js';
import { playerSeat, savePlayerSeat } from '../seats.js';
import { currentSession } from '../session.js';

export function mount(root, { params, navigate }) {
  const code = (params[0] || '').toUpperCase();
  const form = joinForm(navigate, code);
  root.append(h('section', { class: 'card', 'aria-labelledby': 'join-title' }, h('h1', { id: 'join-title' }, 'Join a game'), form));
  form.querySelector(code ? '#nickname' : '#code').focus();
}

export function joinForm(navigate, prefilled) {
  const code = h('input', { id: 'code', name: 'code', value: prefilled, required: true, maxlength: 12, autocomplete: 'off',
    autocapitalize: 'characters', spellcheck: 'false', class: 'code-input', 'aria-describedby': 'code-hint' });
  const nickname = h('input', { id: 'nickname', name: 'nickname', required: true, maxlength: 20, autocomplete: 'nickname',
    'aria-describedby': 'nickname-hint' });
  const session = currentSession();
  if (session) nickname.value = session.username.slice(0, 20);
  // Signed in, the game counts for the account: its record and its study groups' leaderboards.
  const countIt = session ? h('input', { id: 'count-for-account', type: 'checkbox', checked: true, 'aria-describedby': 'count-hint' }) : null;
  const submit = h('button', { type: 'submit', class: 'primary', id: 'join-submit' }, 'Join');
  const message = h('p', { class: 'message', id: 'join-message', role: 'status', 'aria-live': 'polite' });
  const seat = playerSeat(prefilled);
  const rejoin = seat && prefilled
    ? h('p', { class: 'rejoin' }, 'You are already in this game as ', h('strong', {}, seat.nickname), '. ',
        h('a', { href: `/play/${seat.code}` }, 'Go back to the game'))
    : null;

  function say(text) {
    message.textContent = text;
    message.className = text ? 'message error' : 'message';
  }

  function onSubmit(event) {
    event.preventDefault();
    const room = code.value.trim().toUpperCase();
    const name = nickname.value.trim();
    if (!room) return say('Enter the room code shown on the host’s screen.');
    if (!name) return say('Choose a nickname of 1 to 20 characters.');
    submit.disabled = true;
    say('');
    message.textContent = 'Joining…';
    const accountToken = countIt && countIt.checked ? session.token : undefined;
    const socket = new RoomSocket(() => ({ type: 'join', code: room, nickname: name, ...(accountToken ? { accountToken } : {}) }));
    const offs = [];
    const done = () => offs.forEach((off) => off());
    offs.push(socket.on('welcome', (welcome) => {
      done();
      savePlayerSeat({ code: welcome.code, resumeToken: welcome.resumeToken, nickname: welcome.nickname,
        ...(welcome.gameId ? { gameId: welcome.gameId } : {}) });
      navigate(`/play/${welcome.code}`, { socket, welcome });
    }));
    offs.push(socket.on('error', (error) => {
      done();
      socket.stop();
      submit.disabled = false;
      say(error.message);
      (error.code === 'invalid_token' && countIt ? countIt : error.code.includes('nickname') ? nickname : code).focus();
    }));
    offs.push(socket.on('status', ({ state }) => {
      if (state !== 'waiting' && state !== 'closed') return;
      done();
      socket.stop();
      submit.disabled = false;
      say('The server cannot be reached. Check your connection and try again.');
    }));
    socket.connect();
  }

  return h('form', { class: 'join-form', novalidate: true, onsubmit: onSubmit },
    rejoin,
    h('label', { for: 'code' }, 'Room code'), code,
    h('small', { id: 'code-hint' }, 'The code on the host’s screen, for example TPPFU8.'),
    h('label', { for: 'nickname' }, 'Nickname'), nickname,
    h('small', { id: 'nickname-hint' }, '1 to 20 characters. Everyone in the room will see it.'),
    countIt ? h('label', { class: 'check' }, countIt, ` Count this game for ${session.username}`) : null,
    countIt ? h('small', { id: 'count-hint' }, 'Your record and your study groups’ leaderboards keep it. Untick to play as a guest.') : null,
    submit, message);
}
