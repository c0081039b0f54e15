// The host's console: the code and QR to join by, the roster, the live counts and the controls.
// Made to be readable on a projector; a reload takes the console back with the host token.
import { request } from '../api.js';
import { fill, h, plural } from '../dom.js';
import { RoomSocket } from '../socket.js';
import { forgetHostSeat, hostSeat } from '../seats.js';
import { currentSession } from '../session.js';
import { announce } from '../ui/announce.js';
import { Countdown } from '../ui/countdown.js';
import { connectionBanner } from '../ui/connection.js';
import { leadIn, startsTheGame } from '../ui/leadin.js';
import { roundText } from '../ui/room-options.js';
import { Sounds } from '../ui/sounds.js';
import { leaderboardList, podiumView, questionBody, questionHeading, revealView } from '../ui/phases.js';

/** The commands that move the game or its timer on, sent with the screen they were pressed on. */
const PHASED = new Set(['start', 'next', 'pause', 'unpause', 'end']);
const NEXT_LABELS = { lobby: 'Start the game', question: 'Reveal the answer now', reveal: 'Show the leaderboard', podium: 'Close the room' };

export function mount(root, { params }) {
  const code = params[0].toUpperCase();
  // The tab that opened the room holds its host token; any other tab or device of the account that opened it gets
  // the console with that account's sign-in (and takes it over from the tab that had it).
  const session = currentSession();
  const seat = hostSeat(code) || (session ? { code, gameId: null } : null);
  if (!seat) {
    root.append(h('section', { class: 'card' }, h('h1', {}, `Room ${code}`),
      h('p', {}, 'Sign in as the account that opened this room to run its console here. ',
        h('a', { href: '/host' }, 'Sign in'), '.')));
    return null;
  }
  const socket = new RoomSocket(() => (seat.hostToken ? { type: 'host', code, hostToken: seat.hostToken }
    : { type: 'host', code, accountToken: (currentSession() || {}).token || '' }));
  const joinUrl = seat.joinUrl || `${location.origin}/join/${code}`;
  let joinNotice = localhostNotice(joinUrl);
  let phase = 'lobby';
  let paused = false;
  let locked = false;
  let lastBoard = null;
  let gameId = seat.gameId;
  let countdown = null;
  let roster = [];
  // The screen the room is on, as host commands name it (docs/protocol.md): a press meant for a screen that is gone
  // (a double tap, or the room moving on by itself) is refused by the server instead of acting on the next one.
  let at = 'lobby';
  // A command is on its way: every control waits for the server's answer.
  let busy = false;
  // Another tab took the console over: this one only watches.
  let replaced = false;
  let stopLeadIn = null;
  // A review round, or one shorter than asked, says so (docs/protocol.md, "Opening a room").
  let round = null;
  // Names already on the big screen: only newcomers pop in.
  const shown = new Set();

  const nextButton = h('button', { type: 'button', class: 'primary', id: 'next', onclick: () => command(phase === 'lobby' ? 'start' : 'next') }, 'Start the game');
  const pauseButton = h('button', { type: 'button', id: 'pause', onclick: () => command(paused ? 'unpause' : 'pause') }, 'Pause');
  const lockButton = h('button', { type: 'button', id: 'lock', 'aria-pressed': 'false', onclick: () => command('lock', { locked: !locked }) }, 'Lock the room');
  let endArmed = null;
  const endButton = h('button', { type: 'button', id: 'end', class: 'danger', onclick: () => {
    // Ending cannot be undone, so it takes a second press.
    if (!endArmed) {
      endButton.textContent = 'Press again to end';
      endArmed = setTimeout(() => { endArmed = null; endButton.textContent = 'End the game'; }, 5000);
      return;
    }
    clearTimeout(endArmed);
    endArmed = null;
    endButton.textContent = 'End the game';
    command('end');
  } }, 'End the game');
  // The projector may play sounds; the host turns them off (or on) once and the browser remembers.
  const sounds = new Sounds();
  const soundButton = h('button', { type: 'button', id: 'sound', 'aria-pressed': String(sounds.on), onclick: () => {
    sounds.on = !sounds.on;
    sounds.wake();
    soundButton.setAttribute('aria-pressed', String(sounds.on));
    soundButton.textContent = sounds.on ? 'Sound on' : 'Sound off';
  } }, sounds.on ? 'Sound on' : 'Sound off');
  const message = h('p', { class: 'message', id: 'host-message', role: 'status' });
  const lockState = h('p', { class: 'lock-state', id: 'lock-state' });
  const countEl = h('p', { class: 'player-count', id: 'player-count' }, '0 players');
  const rosterList = h('ul', { class: 'roster', id: 'roster' });
  const stage = h('div', { class: 'stage', id: 'stage' });

  root.classList.add('wide');
  document.body.classList.add('in-game');
  const consoleEl = h('section', { class: 'console', 'aria-label': 'Host console' },
    h('div', { class: 'join-panel' },
      h('div', {},
        h('p', { class: 'join-how' }, 'Join at ', h('a', { href: joinUrl, id: 'join-link', target: '_blank', rel: 'noopener' }, joinUrl.replace(/^https?:\/\//, ''))),
        h('p', { class: 'join-how' }, 'Room code'),
        lockState,
        h('p', { class: 'room-code', id: 'room-code', 'aria-label': `Room code ${code.split('').join(' ')}` }, code),
        joinNotice),
      h('img', { class: 'qr', id: 'qr', src: `/api/rooms/${code}/qr.svg`, alt: `QR code to join room ${code}`, width: 200, height: 200 })),
    connectionBanner(socket),
    h('div', { class: 'controls', role: 'group', 'aria-label': 'Game controls' }, nextButton, pauseButton, lockButton, endButton, soundButton),
    message,
    h('div', { class: 'console-body' },
      stage,
      h('section', { class: 'card roster-panel', 'aria-labelledby': 'roster-title' }, h('h2', { id: 'roster-title' }, 'Players'), countEl, rosterList)));
  root.append(consoleEl);
  if (!seat.joinUrl && session) showServersJoinLink();

  /** A console opened without the room's link (another tab or device) asks the server for it, as phones get it. */
  async function showServersJoinLink() {
    try {
      const rooms = await request('GET', '/api/rooms', { token: session.token });
      const mine = (rooms || []).find((r) => r.code === code);
      if (!mine || !mine.joinUrl) return;
      const link = consoleEl.querySelector('#join-link');
      link.href = mine.joinUrl;
      link.textContent = mine.joinUrl.replace(/^https?:\/\//, '');
      const notice = localhostNotice(mine.joinUrl);
      if (joinNotice && notice) joinNotice.replaceWith(notice);
      joinNotice = notice || joinNotice;
    } catch (e) {
      // The link from this page's address stays; the QR code comes from the server either way.
    }
  }

  async function command(type, fields = {}) {
    if (busy) return;
    sounds.wake();
    message.textContent = '';
    busy = true;
    updateControls();
    try {
      await socket.request(type, PHASED.has(type) ? { at, ...fields } : fields);
    } catch (error) {
      message.className = 'message error';
      message.textContent = error.code === 'stale_command' ? 'The game had already moved on, so that press did nothing.' : error.message;
    } finally {
      busy = false;
      updateControls();
    }
  }

  function updateControls() {
    nextButton.textContent = phase === 'leaderboard' ? (lastBoard && lastBoard.last ? 'Show the podium' : 'Next question') : (NEXT_LABELS[phase] || 'Next');
    nextButton.disabled = busy || phase === 'closed';
    pauseButton.textContent = paused ? '▶ Resume' : '❚❚ Pause';
    pauseButton.disabled = busy || phase === 'lobby' || phase === 'podium' || phase === 'closed';
    lockButton.textContent = locked ? 'Unlock the room' : 'Lock the room';
    lockState.textContent = locked ? 'Locked: nobody new can join.' : '';
    lockButton.setAttribute('aria-pressed', String(locked));
    lockButton.disabled = busy || phase === 'closed';
    endButton.disabled = busy || phase === 'closed';
    if (replaced) for (const b of [nextButton, pauseButton, lockButton, endButton]) b.disabled = true;
  }

  function showRoster(players, list) {
    roster = list;
    countEl.textContent = `${plural(players, 'player')} in the room`;
    fill(rosterList, list.length ? list.map((p) => h('li', { class: p.connected ? 'connected' : 'away' },
      h('span', { class: 'name' }, p.nickname),
      h('span', { class: 'presence' }, p.connected ? '● here' : '○ away'),
      h('span', { class: 'score' }, `${p.score} pts`),
      phase !== 'closed' ? h('button', { type: 'button', class: 'link kick', 'aria-label': `Remove ${p.nickname}`,
        onclick: () => command('kick', { playerId: p.playerId }) }, 'Remove') : null))
      : h('li', { class: 'muted' }, 'Nobody yet: share the code or the QR code.'));
    if (phase === 'lobby') lobby();
  }

  /** The roster only comes when people join or leave, so scores in it are brought up to date from the rankings. */
  function freshScores(rows) {
    const scores = new Map(rows.map((row) => [row.playerId, row.score]));
    showRoster(roster.length, roster.map((p) => (scores.has(p.playerId) ? { ...p, score: scores.get(p.playerId) } : p)));
  }

  function lobby() {
    const names = roster.filter((p) => p.connected).map((p) => {
      const fresh = !shown.has(p.playerId);
      if (fresh && shown.size) sounds.play('join');
      shown.add(p.playerId);
      return h('li', { class: fresh ? 'joined' : null }, p.nickname);
    });
    fill(stage, h('div', { class: 'card lobby-card' },
      h('h1', {}, 'Waiting for players'),
      round ? h('p', { class: 'big round-note', id: 'round-note' }, roundText(round)) : null,
      h('p', { class: 'big' }, roster.length ? `${plural(roster.length, 'player')} ready. Start when everyone is in.` : 'Players join with the code or the QR code.'),
      h('ul', { class: 'lobby-names', id: 'lobby-names', 'aria-label': 'Players in the room' }, names)));
  }

  function stopCountdown() { if (countdown) countdown.stop(); countdown = null; }

  function endLeadIn() {
    if (stopLeadIn) stopLeadIn();
    stopLeadIn = null;
  }

  function showQuestion(q) {
    endLeadIn();
    stopCountdown();
    countdown = new Countdown(q.durationMs);
    fill(stage, h('div', { class: 'card' }, questionHeading(q), countdown.element,
      questionBody(q),
      h('p', { class: 'answered-count big', id: 'answered-count', 'aria-live': 'polite' }, `0 of ${roster.filter((p) => p.connected).length || roster.length} answered`)));
    if (paused) countdown.pause(q.remainingMs);
    else if (startsTheGame(q)) {
      // The 3-2-1 is part of the question's time on the server (docs/protocol.md): its own clock starts after it.
      const receivedAt = performance.now();
      const shown = countdown;
      shown.hold(q.remainingMs - q.leadInMs);
      stopLeadIn = leadIn(q.leadInMs, () => {
        stopLeadIn = null;
        if (countdown === shown && !paused) shown.run(q.remainingMs - (performance.now() - receivedAt));
      });
    } else countdown.run(q.remainingMs);
  }

  function setPhase(next) {
    phase = next;
    // The code and QR are the lobby's main thing; once the game runs they shrink to a strip above the question.
    consoleEl.classList.toggle('playing', phase !== 'lobby');
    updateControls();
  }

  const handlers = {
    welcome(welcome) {
      gameId = welcome.gameId || gameId;
      at = welcome.at || welcome.phase;
      paused = welcome.paused;
      locked = welcome.locked;
      round = welcome.round || null;
      setPhase(welcome.phase);
      showRoster(welcome.players, welcome.roster || []);
      if (welcome.current) handlers[welcome.current.type](welcome.current);
      else if (welcome.phase === 'closed') handlers.closed({});
    },
    roster: (m) => showRoster(m.players, m.roster),
    question(q) {
      if (at !== `question:${q.index}`) sounds.play('question');
      at = `question:${q.index}`;
      setPhase('question');
      showQuestion(q);
    },
    answers(m) {
      const el = stage.querySelector('#answered-count');
      if (el) el.textContent = `${m.answered} of ${m.players} answered`;
    },
    paused(m) {
      endLeadIn();
      paused = true;
      updateControls();
      if (countdown) countdown.pause(m.remainingMs);
    },
    resumed(m) {
      paused = false;
      updateControls();
      if (countdown) countdown.run(m.remainingMs);
    },
    locked(m) {
      locked = m.locked;
      updateControls();
      announce(locked ? 'The room is locked.' : 'The room is open.');
    },
    reveal(r) {
      if (at !== `reveal:${r.index}`) sounds.play('reveal');
      at = `reveal:${r.index}`;
      endLeadIn();
      stopCountdown();
      setPhase('reveal');
      fill(stage, h('div', { class: 'card' }, revealView(r), h('p', { class: 'big' }, `${r.answered} of ${r.players} answered`)));
    },
    leaderboard(board) {
      at = `leaderboard:${board.index}`;
      stopCountdown();
      lastBoard = board;
      freshScores(board.top);
      setPhase('leaderboard');
      fill(stage, h('div', { class: 'card' }, h('h1', {}, board.last ? 'Final scores' : `Leaderboard after question ${board.index + 1} of ${board.total}`),
        leaderboardList(board.top)));
    },
    podium(p) {
      if (at !== 'podium') sounds.play('podium');
      at = 'podium';
      stopCountdown();
      freshScores(p.ranking || p.top);
      gameId = p.gameId || gameId;
      setPhase('podium');
      fill(stage, h('div', { class: 'card' }, h('h1', {}, 'The podium'), podiumView(p.top),
        p.ranking ? h('details', {}, h('summary', {}, 'Everyone’s place'), leaderboardList(p.ranking)) : null,
        h('p', {}, h('a', { href: `/results/${gameId}`, id: 'results-link' }, 'See the full results'))));
      announce(p.top.length ? `${p.top[0].nickname} wins!` : 'The game is over.');
    },
    closed(m) {
      endLeadIn();
      stopCountdown();
      setPhase('closed');
      if (seat.hostToken) forgetHostSeat();
      fill(stage, h('div', { class: 'card' }, h('h1', {}, 'The room is closed'), h('p', {}, m.reason || ''),
        h('p', {}, h('a', { href: `/results/${gameId}`, id: 'results-link' }, 'See the results'))));
    },
    error(error) {
      if (['not_room_owner', 'invalid_token', 'not_signed_in'].includes(error.code) && !seat.hostToken) {
        socket.stop();
        phase = 'closed';
        replaced = true;
        updateControls();
        fill(stage, h('div', { class: 'card', id: 'not-owner' }, h('h1', {}, 'This console is not yours'),
          h('p', {}, error.code === 'not_room_owner' ? error.message : 'Your sign-in has run out: sign in again as the account that opened the room.'),
          h('p', {}, h('a', { href: '/host' }, 'Your decks'))));
      } else if (error.code === 'invalid_host_token' || error.code === 'room_not_found') {
        if (seat.hostToken) forgetHostSeat();
        socket.stop();
        handlers.closed({ reason: error.message });
      }
    },
  };
  const offs = Object.entries(handlers).map(([type, handler]) => socket.on(type, handler));
  socket.on('status', ({ state, reason }) => {
    if (state === 'closed' && reason === 'replaced') {
      message.className = 'message error';
      fill(message, 'This console was opened in another tab or window: this one only watches now. ',
        h('button', { type: 'button', class: 'link', id: 'take-over', onclick: () => location.reload() }, 'Run it from here again'));
      replaced = true;
      updateControls();
    }
  });
  updateControls();
  lobby();
  socket.connect();
  return () => {
    root.classList.remove('wide');
    document.body.classList.remove('in-game');
    endLeadIn();
    offs.forEach((off) => off());
    stopCountdown();
    socket.stop();
  };
}

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d+){3}|\[::1\])$/i;

/**
 * A page opened on localhost would put localhost in the link and QR, which no phone can open. Without a public URL
 * the server then names this machine's network address instead; the host is told which one to read out.
 */
function localhostNotice(joinUrl) {
  if (!LOOPBACK.test(location.hostname)) return null;
  const linked = new URL(joinUrl);
  const text = LOOPBACK.test(linked.hostname)
    ? 'Phones cannot open localhost: open this page at this machine\'s network address, or set QUIZHALL_PUBLIC_URL.'
    : `Phones cannot open localhost: ask players to open ${linked.origin}`;
  return h('p', { class: 'message error', id: 'join-notice', role: 'note' }, text);
}
