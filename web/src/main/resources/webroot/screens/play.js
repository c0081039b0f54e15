// A player's game: lobby, questions, reveals, leaderboards and the podium, as the server moves the room on.
import { fill, h, ordinal, plural } from '../dom.js';
import { RoomSocket } from '../socket.js';
import { forgetPlayerSeat, playerSeat, savePlayerSeat } from '../seats.js';
import { announce } from '../ui/announce.js';
import { Countdown } from '../ui/countdown.js';
import { connectionBanner } from '../ui/connection.js';
import { choiceControl } from '../ui/answers.js';
import { CHOICE_TYPES, leaderboardList, optionTile, podiumView, questionHeading, revealView } from '../ui/phases.js';
import { flagControl } from '../ui/flag.js';
import { leadIn, startsTheGame } from '../ui/leadin.js';
import { roundText } from '../ui/room-options.js';

const PAUSED_TEXT = '❚❚ Paused: answer when the game goes on.';
/** Refusals after which the server holds the player's answer, so answering again would not help. */
const KEPT = new Set(['already_answered', 'answer_not_saved']);

export function mount(root, { params, navigate, handoff }) {
  const code = params[0].toUpperCase();
  const seat = playerSeat(code);
  if (!seat) {
    navigate(`/join/${code}`, null, { replace: true });
    return null;
  }
  const socket = handoff ? handoff.socket : new RoomSocket(() => ({}));
  // Every later connection takes the seat back with the secret token, never by nickname.
  socket.hello = () => ({ type: 'resume', code, resumeToken: seat.resumeToken });

  const me = { playerId: null, nickname: seat.nickname, score: 0, players: 0 };
  let phase = 'lobby';
  let question = null;
  let countdown = null;
  let chosen = null;
  // The control of a multiple response, ordering or matching question (see ui/answers.js), while one is open.
  let control = null;
  let lastResult = null;
  let gameId = seat.gameId || null;
  // While the host pauses, answers are refused: the controls are off until the game goes on.
  let paused = false;
  let stopLeadIn = null;
  // The 3-2-1 before the first question runs: the server takes no answer yet, so none is sent.
  let opening = false;
  // What the round is, when there is something to say: a review round, or fewer questions than asked.
  let round = null;

  const nameEl = h('span', { class: 'who', id: 'me-name' }, seat.nickname);
  const scoreEl = h('span', { class: 'my-score', id: 'my-score' }, '0 pts');
  const stage = h('div', { class: 'stage', id: 'stage' });
  root.append(h('section', { class: 'play', 'aria-label': 'Game' },
    h('div', { class: 'play-bar' }, h('span', { class: 'room' }, `Room ${code}`), nameEl, scoreEl),
    connectionBanner(socket), stage));

  const setScore = (score) => { me.score = score; scoreEl.textContent = `${score} pts`; };
  const stopCountdown = () => { if (countdown) countdown.stop(); countdown = null; };

  function lobby() {
    phase = 'lobby';
    fill(stage,
      h('h1', { class: 'lobby-title', tabindex: '-1' }, 'You’re in!'),
      h('p', { class: 'big' }, 'Waiting for the host to start the game…'),
      round ? h('p', { class: 'round-note', id: 'round-note' }, roundText(round)) : null,
      h('p', { class: 'player-count', id: 'player-count' }, `${plural(me.players, 'player')} in the room`));
  }

  function showQuestion(q, alreadyAnswered) {
    endLeadIn();
    phase = 'question';
    question = q;
    chosen = null;
    control = null;
    stopCountdown();
    countdown = new Countdown(q.durationMs);
    const status = h('p', { class: 'answer-status', id: 'answer-status', role: 'status' });
    const answered = h('p', { class: 'answered-count', id: 'answered-count' });
    let answerArea;
    if (q.answerType === 'typed') {
      const input = h('input', { id: 'typed-answer', name: 'answer', maxlength: 200, autocomplete: 'off', spellcheck: 'false',
        'aria-labelledby': 'question-prompt' });
      answerArea = h('form', { class: 'typed', id: 'typed-form', onsubmit: (event) => {
        event.preventDefault();
        if (input.value.trim()) submit({ text: input.value.trim() });
      } }, h('label', { for: 'typed-answer' }, 'Your answer'), input, h('button', { type: 'submit', class: 'primary' }, 'Send answer'));
    } else if (CHOICE_TYPES.has(q.answerType)) {
      control = choiceControl(q.answerType, q, { submitLabel: 'Send answer', onSubmit: submit });
      answerArea = control.element;
    } else {
      answerArea = h('ol', { class: `options answers count-${q.options.length}`, id: 'answers' },
        q.options.map((text, i) => optionTile(i, text, (choice) => submit({ choice }))));
    }
    fill(stage, questionHeading(q), countdown.element, answerArea, status, answered,
      h('p', { class: 'hint' }, control ? control.hint
        : q.answerType === 'typed' ? 'Type your answer and press Enter.' : 'Tap an answer or press its number key.'));
    paused = Boolean(q.paused);
    const leading = !alreadyAnswered && startsTheGame(q);
    if (paused) countdown.pause(q.remainingMs);
    else if (leading) countdown.hold(q.remainingMs - q.leadInMs);
    else countdown.run(q.remainingMs);
    if (alreadyAnswered) lockAnswers('✓ Your answer is in. Waiting for the others…');
    else if (paused) lockAnswers(PAUSED_TEXT);
    else if (leading) beginLeadIn(q);
    else focusAnswer();
  }

  function focusAnswer() {
    if (question.answerType === 'typed') stage.querySelector('#typed-answer').focus();
    else stage.querySelector('#question-prompt').focus();
  }

  /** The 3-2-1 over the first question: answers are off until it is over, then the question's time runs. */
  function beginLeadIn(q) {
    const receivedAt = performance.now();
    opening = true;
    lockAnswers('Get ready…');
    stage.querySelector('#question-prompt').focus();
    stopLeadIn = leadIn(q.leadInMs, () => {
      stopLeadIn = null;
      opening = false;
      if (phase !== 'question' || question !== q || paused) return;
      countdown.run(q.remainingMs - (performance.now() - receivedAt));
      setLocked(false);
      const status = stage.querySelector('#answer-status');
      if (status) status.textContent = '';
      focusAnswer();
    });
  }

  function endLeadIn() {
    if (stopLeadIn) stopLeadIn();
    stopLeadIn = null;
    opening = false;
  }

  /** What the player answered: an option's index, a text, or a list of indices. */
  const answerOf = (answer) => answer.choice ?? answer.text ?? answer.choices ?? null;

  function markChosen(answer) {
    chosen = answerOf(answer);
    if (control && answer.choices) {
      control.show(answer.choices);
      control.lock(true);
    }
    const button = answer.choice !== undefined ? stage.querySelector(`[data-option="${answer.choice}"]`) : null;
    if (button) button.classList.add('chosen');
  }

  function setLocked(locked) {
    if (control) control.lock(locked);
    else for (const el of stage.querySelectorAll('.answers button, #typed-form input, #typed-form button')) el.disabled = locked;
  }

  function lockAnswers(text) {
    setLocked(true);
    const status = stage.querySelector('#answer-status');
    if (status) status.textContent = text;
  }

  /** Off while paused; back on when the game goes on, unless an answer is in or on its way. */
  function pauseAnswers(now) {
    paused = now;
    if (phase !== 'question' || chosen !== null) return;
    if (now) lockAnswers(PAUSED_TEXT);
    else {
      setLocked(false);
      const status = stage.querySelector('#answer-status');
      if (status) status.textContent = '';
    }
  }

  async function submit(answer) {
    if (phase !== 'question' || chosen !== null || paused || opening) return;
    chosen = answerOf(answer);
    const button = answer.choice !== undefined ? stage.querySelector(`[data-option="${answer.choice}"]`) : null;
    if (button) button.classList.add('chosen');
    lockAnswers('Sending…');
    const asked = question.index;
    try {
      await socket.request('answer', { index: question.index, ...answer });
      lockAnswers('✓ Answer locked in. Waiting for the others…');
      announce('Answer locked in.');
    } catch (error) {
      // A refused answer was not taken, so the player may answer again (while the question is open and running);
      // only an answer the server already holds keeps the controls off.
      const status = stage.querySelector('#answer-status');
      if (KEPT.has(error.code) || phase !== 'question' || !question || question.index !== asked) {
        if (status) status.textContent = `⚠ ${error.message}`;
        return;
      }
      chosen = null;
      if (button) button.classList.remove('chosen');
      if (paused || error.code === 'paused') {
        paused = true;
        lockAnswers(PAUSED_TEXT);
      } else {
        setLocked(false);
        if (status) status.textContent = `⚠ ${error.message}`;
      }
    }
  }

  function showReveal(reveal) {
    endLeadIn();
    phase = 'reveal';
    stopCountdown();
    const resultSlot = h('div', { class: 'my-result', id: 'my-result' });
    const mine = typeof chosen === 'number' || Array.isArray(chosen) ? chosen : null;
    // A player who answered has seen the key and may tell the deck's owner it is wrong.
    const flag = gameId && chosen !== null && chosen !== undefined
      ? flagControl({ gameId, index: reveal.index, auth: `Player ${seat.resumeToken}` }) : null;
    fill(stage, revealView(reveal, { chosen: mine, question }), resultSlot, flag);
    if (lastResult && lastResult.index === reveal.index) showResult(lastResult);
    stage.querySelector('#reveal-answer').focus();
  }

  function showResult(result) {
    lastResult = result;
    setScore(result.score);
    const slot = stage.querySelector('#my-result');
    if (!slot) return;
    const verdict = !result.answered ? '– No answer this time.'
      : result.correct ? `✓ Right! +${result.points} points` : '✗ Not right this time.';
    slot.className = `my-result ${result.correct ? 'right' : 'wrong'}`;
    fill(slot,
      h('p', { class: 'verdict' }, verdict),
      result.streak > 1 ? h('p', {}, `${result.streak} right in a row`) : null,
      h('p', {}, `You are ${ordinal(result.rank)} of ${result.players} with ${result.score} points.`));
    announce(`${verdict} You are ${ordinal(result.rank)} of ${result.players}.`);
  }

  function showLeaderboard(board) {
    phase = 'leaderboard';
    stopCountdown();
    const mine = lastResult
      ? h('p', { class: 'my-rank', id: 'my-rank' }, `You are ${ordinal(lastResult.rank)} of ${lastResult.players} with ${lastResult.score} points.`)
      : null;
    fill(stage,
      h('h1', { tabindex: '-1', id: 'leaderboard-title' }, board.last ? 'Final scores' : `Leaderboard after question ${board.index + 1}`),
      mine, leaderboardList(board.top, me.playerId),
      h('p', { class: 'hint' }, board.last ? 'The podium is next.' : 'The next question is coming.'));
    stage.querySelector('#leaderboard-title').focus();
  }

  function showPodium(podium) {
    phase = 'podium';
    stopCountdown();
    if (podium.gameId) {
      gameId = podium.gameId;
      savePlayerSeat({ ...playerSeat(code), gameId });
    }
    fill(stage,
      h('h1', { tabindex: '-1', id: 'podium-title' }, 'The podium'),
      podiumView(podium.top, me.playerId),
      h('div', { class: 'my-standing', id: 'my-standing' }),
      h('p', {}, h('a', { href: `/results/${gameId}` }, 'See the full results')));
    stage.querySelector('#podium-title').focus();
  }

  function showStanding(standing) {
    setScore(standing.score);
    const slot = stage.querySelector('#my-standing');
    if (!slot) return;
    const text = `You finished ${ordinal(standing.rank)} of ${standing.players} with ${standing.score} points.`;
    fill(slot, h('p', { class: 'big' }, text),
      h('p', {}, `${plural(standing.correct, 'right answer')}, best streak ${standing.bestStreak}.`));
    announce(text);
  }

  function ended(title, text, offerJoin) {
    endLeadIn();
    stopCountdown();
    phase = 'closed';
    fill(stage, h('h1', { tabindex: '-1', id: 'ended-title' }, title), h('p', { class: 'big' }, text),
      gameId ? h('p', {}, h('a', { href: `/results/${gameId}` }, 'See the results')) : null,
      offerJoin ? h('p', {}, h('a', { href: '/join' }, 'Join another game')) : null);
    stage.querySelector('#ended-title').focus();
  }

  const handlers = {
    welcome(welcome) {
      me.playerId = welcome.playerId;
      me.players = welcome.players;
      round = welcome.round || null;
      nameEl.textContent = welcome.nickname;
      setScore(welcome.score);
      if (welcome.result) lastResult = welcome.result;
      if (welcome.gameId && welcome.gameId !== gameId) {
        gameId = welcome.gameId;
        savePlayerSeat({ ...playerSeat(code), gameId });
      }
      const current = welcome.current;
      if (welcome.phase === 'closed') ended('This game is over', 'Thanks for playing!', true);
      else if (!current) lobby();
      else if (current.type === 'question') {
        showQuestion({ ...current, paused: welcome.paused }, welcome.answered);
        // A resumed seat gets its answer back, so the chosen option stays marked after a reload.
        if (welcome.answered && welcome.answer) markChosen(welcome.answer);
      } else {
        if (welcome.answer && current.index !== undefined) chosen = answerOf(welcome.answer);
        handlers[current.type](current);
      }
      if (welcome.standing) showStanding(welcome.standing);
    },
    players(message) {
      me.players = message.players;
      const count = stage.querySelector('#player-count');
      if (count) count.textContent = `${plural(message.players, 'player')} in the room`;
    },
    question(q) {
      showQuestion(q, false);
    },
    answers(message) {
      const el = stage.querySelector('#answered-count');
      if (el && phase === 'question' && message.index === question.index) el.textContent = `${message.answered} of ${message.players} answered`;
    },
    paused(message) {
      // A pause during the 3-2-1 ends it: the question is open, with all its time, once the game goes on.
      endLeadIn();
      if (countdown) countdown.pause(message.remainingMs);
      pauseAnswers(true);
      announce('The host paused the game.');
    },
    resumed(message) {
      if (countdown) countdown.run(message.remainingMs);
      pauseAnswers(false);
      announce('The game goes on.');
    },
    reveal: showReveal,
    result: showResult,
    leaderboard: showLeaderboard,
    podium: showPodium,
    standing: showStanding,
    kicked(message) {
      forgetPlayerSeat();
      ended('You were removed', message.message || 'The host removed you from this room.', true);
    },
    closed(message) {
      ended('This game is over', message.reason || 'Thanks for playing!', true);
    },
    error(error) {
      if (error.code === 'seat_not_found' || error.code === 'kicked' || error.code === 'room_not_found') {
        // The seat is gone (away too long, kicked, or the room closed): there is nothing to resume.
        forgetPlayerSeat();
        socket.stop();
        ended('You are no longer in this game', error.message, true);
      }
    },
  };

  const offs = Object.entries(handlers).map(([type, handler]) => socket.on(type, handler));
  socket.on('status', ({ state, reason }) => {
    if (state === 'closed' && reason === 'replaced') ended('Playing elsewhere', 'This seat was taken over by another tab or window.', false);
  });

  function onKey(event) {
    if (phase !== 'question' || !question || question.answerType === 'typed') return;
    if (event.target.closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) return;
    if (control) {
      if (chosen === null) control.onKey(event);
      return;
    }
    const choice = Number(event.key) - 1;
    if (Number.isInteger(choice) && choice >= 0 && choice < question.options.length) {
      event.preventDefault();
      submit({ choice });
    }
  }
  document.addEventListener('keydown', onKey);

  // No site menu while playing: "Sign out" must not sit one tap from the answers.
  document.body.classList.add('in-game');
  if (handoff) handlers.welcome(handoff.welcome);
  else {
    fill(stage, h('p', { class: 'big' }, 'Coming back to your game…'));
    socket.connect();
  }

  return () => {
    document.removeEventListener('keydown', onKey);
    document.body.classList.remove('in-game');
    endLeadIn();
    offs.forEach((off) => off());
    stopCountdown();
    socket.stop();
  };
}
