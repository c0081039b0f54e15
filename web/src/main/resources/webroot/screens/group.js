// One study group: members and invite, playing together (a group room or a weak-spot round), mock exam sittings,
// shared decks, the lasting leaderboard (with a board per sitting), assignments, and the owner's controls.
import { fill, h, ordinal, plural } from '../dom.js';
import { request } from '../api.js';
import { saveHostSeat } from '../seats.js';
import { announce } from '../ui/announce.js';
import { confirmButton, messageLine, percent, signedIn, when } from '../ui/gate.js';
import { roomOptions, showRoomError } from '../ui/room-options.js';
import { at, boardTable, shapeText, startPanel } from '../ui/sittings.js';

export function mount(root, context) {
  const id = context.params[0];
  const body = h('div', { class: 'group' });
  root.append(body);
  let stopped = false;
  signedIn(body, context, 'Sign in to see this group', 'Only a group’s members can see it.', (session) => {
    const api = (method, path, body) => request(method, path, { token: session.token, body });
    const load = () => Promise.all([api('GET', `/api/groups/${id}`), api('GET', '/api/decks'), api('GET', `/api/groups/${id}/sittings`)])
      .then(([group, decks, sittings]) => {
        if (stopped) return;
        // A sitting coming up or under way comes first: members look for its Start.
        const soon = sittings.some((s) => s.state !== 'closed');
        const exams = sittingsCard(group, sittings, api, context.navigate);
        fill(body,
          summaryCard(group),
          liveRoomsNotice(group),
          soon ? exams : null,
          playCard(group, decks, api, context.navigate),
          soon ? null : exams,
          leaderboardCard(group, sittings, api),
          assignmentsCard(group, decks, api),
          membersCard(group, api, load, context.navigate),
          inviteCard(group, api, load),
          decksCard(group, decks, api),
          group.role === 'owner' ? ownerCard(group, api, load, context.navigate) : null);
      })
      .catch((error) => fill(body, h('section', { class: 'card' }, h('h1', {}, 'Study group'),
        h('p', { class: 'message error' }, error.status === 404 ? 'This group does not exist, or you are not in it.' : error.message),
        h('p', {}, h('a', { href: '/account/groups' }, 'Your groups')))));
    load();
  });
  return () => { stopped = true; };
}

function summaryCard(group) {
  return h('section', { class: 'card', 'aria-labelledby': 'group-title' },
    h('p', { class: 'muted' }, h('a', { href: '/account/groups' }, 'Your groups'), ' ›'),
    h('h1', { id: 'group-title' }, group.name),
    group.description ? h('p', { id: 'group-description-text' }, group.description) : null,
    h('p', { class: 'muted', id: 'group-summary' }, `${plural(group.members, 'member')} · you are ${group.role === 'owner' ? 'the owner' : 'a member'}`));
}

/** The group's rooms open now, each with a button straight into it: members join signed in, so it counts. */
function liveRoomsNotice(group) {
  const rooms = group.liveRooms || [];
  if (!rooms.length) return null;
  return h('section', { class: 'card live-rooms', id: 'live-rooms', role: 'status', 'aria-labelledby': 'live-rooms-title' },
    h('h2', { id: 'live-rooms-title' }, rooms.length === 1 ? 'A live room is open' : `${rooms.length} live rooms are open`),
    h('ul', { class: 'deck-list' }, rooms.map((room) => h('li', {},
      h('span', {}, `${room.deck || 'A deck'} · room ${room.code} · `,
        room.phase === 'lobby' ? `waiting to start, ${plural(room.players, 'player')} in` : `playing, ${plural(room.players, 'player')}`),
      ' ', h('a', { href: `/join/${room.code}`, class: 'button primary join-live', 'data-code': room.code }, 'Join it')))));
}

function deckSelect(id, decks, filter = () => true) {
  const usable = decks.filter(filter);
  return h('select', { id, name: id, required: true }, usable.map((deck) => h('option', { value: deck.id },
    `${deck.title} (${plural(deck.questionCount, 'question')})${deck.sample ? ' · sample' : ''}`)));
}

function numberInput(id, value, min, max) {
  return h('input', { id, type: 'number', min, max, step: 1, value: String(value), required: true });
}

function wholeIn(input, min, max) {
  const n = Number(input.value);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function playCard(group, decks, api, navigate) {
  const deck = deckSelect('group-deck', decks);
  const count = numberInput('group-question-count', 10, 1, 100);
  const seconds = numberInput('group-seconds', 20, 5, 240);
  const speed = h('input', { id: 'group-speed-scoring', type: 'checkbox', checked: true });
  const options = roomOptions('group');
  const message = messageLine('group-room-message');
  const open = h('button', { type: 'submit', class: 'primary', id: 'open-group-room' }, 'Open a group room');
  const weak = h('button', { type: 'button', class: 'secondary', id: 'open-weak-round', 'aria-describedby': 'weak-hint', onclick: () => start(true) }, 'Open a weak-spot round');

  async function start(weakSpots) {
    const questionCount = wholeIn(count, 1, 100);
    const secondsPerQuestion = wholeIn(seconds, 5, 240);
    if (!deck.value) return message.say('Choose a deck first.');
    if (questionCount === null) { message.say('Choose from 1 to 100 questions.'); return count.focus(); }
    if (secondsPerQuestion === null) { message.say('Time per question is 5 to 240 seconds (4 minutes).'); return seconds.focus(); }
    const more = options.read();
    if (more.error) { options.element.open = true; message.say(more.error); return more.input.focus(); }
    open.disabled = true;
    weak.disabled = true;
    message.say(weakSpots ? 'Picking the questions the group missed…' : 'Opening the room…', 'ok');
    try {
      const room = await api('POST', '/api/rooms', { deckId: deck.value, groupId: group.id, questionCount, secondsPerQuestion,
        speedScoring: speed.checked, ...more.fields, ...(weakSpots ? { weakSpots: true } : {}) });
      saveHostSeat({ code: room.code, hostToken: room.hostToken, gameId: room.gameId, joinUrl: room.joinUrl });
      navigate(`/host/${room.code}`);
    } catch (error) {
      if (error.code === 'no_questions' && weakSpots) message.say('The group has not missed any question of this deck yet: play a group room on it first.');
      else showRoomError(error, message, { deckId: deck, questionCount: count, secondsPerQuestion: seconds, ...options.inputs }, options);
      open.disabled = false;
      weak.disabled = false;
    }
  }

  return h('section', { class: 'card', 'aria-labelledby': 'play-title' },
    h('h2', { id: 'play-title' }, 'Play together'),
    h('p', {}, 'Members who join signed in count for the group’s leaderboard.'),
    decks.length ? h('form', { id: 'group-room-form', class: 'room-form', novalidate: true, onsubmit: (event) => { event.preventDefault(); start(false); } },
      h('label', { for: 'group-deck' }, 'Deck'), deck,
      h('label', { for: 'group-question-count' }, 'Questions'), count,
      h('label', { for: 'group-seconds' }, 'Seconds per question'), seconds,
      h('label', { class: 'check' }, speed, ' Faster answers score more'),
      options.element,
      h('div', { class: 'button-row' }, open, weak),
      h('small', { id: 'weak-hint' }, 'A weak-spot (review) round asks only what the group got wrong before, worst first, and shows how the group did on each; it is shorter when the group has missed fewer questions.'),
      message)
      : h('p', {}, 'No decks yet: ', h('a', { href: '/host' }, 'make one from your notes'), '.'));
}

/**
 * The group's mock exam sittings: upcoming ones counting down to a Start that turns on at the start time, the one
 * under way, closed ones with their results; the owner schedules one from their exams.
 */
function sittingsCard(group, sittings, api, navigate) {
  const list = h('ul', { class: 'deck-list sitting-list', id: 'sitting-list' });
  const owner = group.role === 'owner';
  const show = (all) => fill(list, all.length ? all.map((s) => h('li', { class: `sitting sitting-${s.state}`, 'data-sitting': s.id },
    h('p', { class: 'sitting-name' }, h('a', { href: `/account/sittings/${s.id}` }, s.title),
      h('span', { class: 'muted' }, ` · ${shapeText(s)} · ${at(s.startsAt)}`)),
    startPanel(s, { api, navigate, refresh, withResultsLink: true }),
    owner && s.state !== 'closed' ? h('p', {}, h('a', { href: `/account/sittings/${s.id}`, class: 'watch-sitting' },
      s.state === 'scheduled' ? 'Open it (to cancel it, or to watch it live from the start)' : 'Watch it live')) : null))
    : h('li', {}, owner ? 'No sittings yet: schedule one below.' : 'No sittings yet.'));
  const upcoming = (all) => all
    .filter((s) => s.state !== 'closed')
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .concat(all.filter((s) => s.state === 'closed'));
  let poll = null;
  function refresh() {
    return api('GET', `/api/groups/${group.id}/sittings`).then((all) => show(upcoming(all)))
      .catch((error) => fill(list, h('li', { class: 'message error' }, error.message)));
  }
  show(upcoming(sittings));
  // While one is coming up or under way the list asks the server again now and then; each countdown also asks at
  // the moments that change what may be done.
  if (sittings.some((s) => s.state !== 'closed')) {
    poll = setInterval(() => {
      if (!list.isConnected) { clearInterval(poll); return; }
      refresh();
    }, 30_000);
  }
  return h('section', { class: 'card', 'aria-labelledby': 'sittings-title' },
    h('h2', { id: 'sittings-title' }, 'Mock exam sittings'),
    h('p', {}, 'Everyone sits the same exam at the same time on their own device, and it ends for everyone at once. Results, and the answers, come when it closes.'),
    list,
    owner ? scheduleForm(group, api, refresh) : null);
}

function scheduleForm(group, api, refresh) {
  const exam = h('select', { id: 'sitting-exam', name: 'sitting-exam', required: true }, h('option', { value: '' }, 'Loading your exams…'));
  const title = h('input', { id: 'sitting-title-input', maxlength: 200, placeholder: 'The exam’s title' });
  const soon = new Date(Date.now() + 15 * 60_000);
  soon.setMinutes(Math.ceil(soon.getMinutes() / 5) * 5, 0, 0);
  const starts = h('input', { id: 'sitting-starts', type: 'datetime-local', value: localInputValue(soon), required: true, 'aria-describedby': 'sitting-starts-note' });
  const late = numberInput('sitting-late', 10, 1, 600);
  late.setAttribute('aria-describedby', 'sitting-late-note');
  const message = messageLine('sitting-schedule-message');
  const submit = h('button', { type: 'submit', class: 'primary', id: 'schedule-sitting' }, 'Schedule the sitting');
  const form = h('form', { id: 'schedule-sitting-form', novalidate: true, onsubmit },
    h('label', { for: 'sitting-exam' }, 'Exam'), exam,
    h('label', { for: 'sitting-title-input' }, 'Title (optional)'), title,
    h('label', { for: 'sitting-starts' }, 'Starts at'), starts,
    h('small', { id: 'sitting-starts-note' }, 'Your local time. Members can press Start from then on.'),
    h('label', { for: 'sitting-late' }, 'Late joining (minutes after the start)'), late,
    h('small', { id: 'sitting-late-note' }, 'After this nobody can begin. Everyone’s time ends at the start plus the exam’s minutes, so starting late leaves less time.'),
    submit, message);
  let exams = [];
  api('GET', '/api/exams').then((mine) => {
    exams = mine;
    fill(exam, mine.length ? mine.map((e) => h('option', { value: e.id }, `${e.title} (${plural(e.questionCount, 'question')}, ${plural(e.minutes, 'minute')})`))
      : h('option', { value: '' }, 'You have no exams yet'));
    if (!mine.length) message.say('Set a mock exam first (Mock exams, in your account), then schedule it here.', 'ok');
  }).catch((error) => message.say(error.message));

  async function onsubmit(event) {
    event.preventDefault();
    const chosen = exams.find((e) => e.id === exam.value);
    const from = new Date(starts.value);
    const lateJoinMinutes = wholeIn(late, 1, chosen ? chosen.minutes : 600);
    if (!chosen) { message.say('Choose one of your exams.'); return exam.focus(); }
    if (Number.isNaN(from.getTime())) { message.say('Choose when it starts.'); return starts.focus(); }
    if (lateJoinMinutes === null) { message.say(`Late joining is 1 to ${chosen.minutes} minutes, the exam’s length.`); return late.focus(); }
    submit.disabled = true;
    try {
      const made = await api('POST', `/api/groups/${group.id}/sittings`, { examId: chosen.id, startsAt: from.toISOString(), lateJoinMinutes,
        ...(title.value.trim() ? { title: title.value.trim() } : {}) });
      message.say(`Scheduled: “${made.title}”, ${at(made.startsAt)}.`, 'ok');
      title.value = '';
      refresh();
    } catch (error) {
      message.say(error.message);
      if (error.code === 'invalid_start') starts.focus();
      else if (error.code === 'invalid_late_join') late.focus();
      else if (error.code === 'invalid_title') title.focus();
    } finally {
      submit.disabled = false;
    }
  }
  return h('details', { class: 'topic' }, h('summary', { id: 'schedule-sitting-summary' }, 'Schedule a sitting'), form);
}

function leaderboardCard(group, sittings, api) {
  const state = { period: 'week', by: 'points', board: 'games' };
  const table = h('div', { id: 'group-leaderboard', 'aria-live': 'polite' }, h('p', {}, 'Loading…'));
  const tabs = (name, choices, label) => {
    const buttons = choices.map(([value, text]) => h('button', { type: 'button', role: 'tab', id: `lb-${name}-${value}`,
      'aria-selected': String(state[name] === value), 'aria-controls': 'group-leaderboard',
      onclick: () => { state[name] = value; select(); show(); } }, text));
    const select = () => buttons.forEach((b, i) => b.setAttribute('aria-selected', String(choices[i][0] === state[name])));
    return h('div', { class: 'tabs', role: 'tablist', 'aria-label': label }, buttons);
  };

  // A closed sitting's scores are a board of their own, beside the games'.
  const closed = sittings.filter((s) => s.state === 'closed');
  const board = h('select', { id: 'lb-board', name: 'lb-board', onchange: () => { state.board = board.value; show(); } },
    h('option', { value: 'games' }, 'Games played together'),
    closed.map((s) => h('option', { value: s.id }, `Sitting: ${s.title}, ${when(s.startsAt)}`)));
  const gameTabs = h('div', {});

  function showSitting() {
    const sitting = closed.find((s) => s.id === state.board);
    api('GET', `/api/groups/${group.id}/leaderboard?sitting=${state.board}`)
      .then((found) => fill(table, boardTable(found, sitting.passMark.kind === 'scaled', 'sitting-leaderboard')))
      .catch((error) => fill(table, h('p', { class: 'message error' }, error.message)));
  }

  function show() {
    gameTabs.hidden = state.board !== 'games';
    if (state.board !== 'games') return showSitting();
    api('GET', `/api/groups/${group.id}/leaderboard?period=${state.period}&by=${state.by}`)
      .then((board) => {
        fill(table, board.entries.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
          h('caption', {}, `${{ week: 'This week', month: 'This month', all: 'All time' }[state.period]}, by ${state.by}`),
          h('thead', {}, h('tr', {}, ['Place', 'Member', 'Points', 'Right', 'Games', 'Best streak'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, board.entries.map((e) => h('tr', {},
            h('td', {}, ordinal(e.rank)), h('th', { scope: 'row' }, e.username), h('td', {}, String(e.points)),
            h('td', {}, percent(e.accuracy)), h('td', {}, String(e.games)), h('td', {}, String(e.bestStreak)))))))
          : h('p', {}, 'No group games in this period yet. Open a group room and play signed in.'));
      })
      .catch((error) => fill(table, h('p', { class: 'message error' }, error.message)));
  }
  show();
  return h('section', { class: 'card', 'aria-labelledby': 'leaderboard-title' },
    h('h2', { id: 'leaderboard-title' }, 'Group leaderboard'),
    closed.length ? h('div', { class: 'field board-choice' }, h('label', { for: 'lb-board' }, 'Board'), board) : null,
    fill(gameTabs,
      tabs('period', [['week', 'This week'], ['month', 'This month'], ['all', 'All time']], 'Period'),
      tabs('by', [['points', 'By points'], ['accuracy', 'By accuracy']], 'Order')),
    table,
    h('button', { type: 'button', class: 'link', id: 'refresh-leaderboard', onclick: show }, 'Refresh'));
}

/** A local date-time input's value for a moment, e.g. "2025-06-03T14:05". */
function localInputValue(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function assignmentsCard(group, decks, api) {
  const list = h('ul', { class: 'deck-list', id: 'assignment-list' }, h('li', {}, 'Loading…'));
  const refresh = () => api('GET', `/api/groups/${group.id}/assignments`)
    .then((all) => fill(list, all.length ? all.map((a) => {
      const now = Date.now();
      const state = now < Date.parse(a.opensAt) ? `opens ${when(a.opensAt)}` : now > Date.parse(a.closesAt) ? `closed ${when(a.closesAt)}` : `open until ${when(a.closesAt)}`;
      return h('li', {}, h('a', { href: `/account/assignments/${a.id}` }, a.title),
        h('span', { class: 'muted' }, ` · ${state} · ${a.answered} of ${a.questionCount} answered · ${a.score} pts`));
    }) : h('li', {}, 'No assignments yet.')))
    .catch((error) => fill(list, h('li', { class: 'message error' }, error.message)));
  refresh();

  const title = h('input', { id: 'assignment-title', maxlength: 120, required: true });
  const deck = deckSelect('assignment-deck', decks);
  const count = numberInput('assignment-count', 10, 1, 100);
  const opens = h('input', { id: 'assignment-opens', type: 'datetime-local', value: localInputValue(new Date()), required: true });
  const closes = h('input', { id: 'assignment-closes', type: 'datetime-local', value: localInputValue(new Date(Date.now() + 7 * 864e5)), required: true });
  const message = messageLine('assignment-message');
  const submit = h('button', { type: 'submit', class: 'primary', id: 'create-assignment' }, 'Set the assignment');
  async function onSubmit(event) {
    event.preventDefault();
    const questionCount = wholeIn(count, 1, 100);
    const from = new Date(opens.value);
    const to = new Date(closes.value);
    if (!title.value.trim()) { message.say('Give the assignment a title.'); return title.focus(); }
    if (questionCount === null) { message.say('Choose from 1 to 100 questions.'); return count.focus(); }
    if (Number.isNaN(from.getTime())) { message.say('Choose when it opens.'); return opens.focus(); }
    if (Number.isNaN(to.getTime()) || to <= from) { message.say('It must close after it opens.'); return closes.focus(); }
    submit.disabled = true;
    try {
      await api('POST', `/api/groups/${group.id}/assignments`, { deckId: deck.value, questionCount, title: title.value.trim(),
        opensAt: from.toISOString(), closesAt: to.toISOString() });
      message.say('The assignment is set.', 'ok');
      title.value = '';
      refresh();
    } catch (error) {
      message.say(error.message);
    } finally {
      submit.disabled = false;
    }
  }
  return h('section', { class: 'card', 'aria-labelledby': 'assignments-title' },
    h('h2', { id: 'assignments-title' }, 'Assignments'),
    h('p', {}, 'Everyone answers at their own pace while the window is open, and sees each answer at once.'),
    list,
    decks.length ? h('details', { class: 'topic' }, h('summary', { id: 'new-assignment-summary' }, 'Set a new assignment'),
      h('form', { id: 'new-assignment', novalidate: true, onsubmit: onSubmit },
        h('label', { for: 'assignment-title' }, 'Title'), title,
        h('label', { for: 'assignment-deck' }, 'Deck'), deck,
        h('label', { for: 'assignment-count' }, 'Questions'), count,
        h('label', { for: 'assignment-opens' }, 'Opens'), opens,
        h('label', { for: 'assignment-closes' }, 'Closes'), closes,
        submit, message)) : null);
}

function membersCard(group, api, reload, navigate) {
  const message = messageLine('members-message');
  const owner = group.role === 'owner';
  const rows = group.memberList.map((m) => h('li', {},
    h('span', { class: 'name' }, m.username),
    h('span', { class: 'role' }, m.role === 'owner' ? '★ owner' : 'member'),
    h('span', { class: 'muted' }, ` joined ${when(m.joinedAt)}`),
    owner && m.role !== 'owner' ? confirmButton({ class: 'link remove-member', 'aria-label': `Remove ${m.username} from the group`, 'data-remove': m.username },
      'Remove', 'Press again to remove', async () => {
        try {
          await api('DELETE', `/api/groups/${group.id}/members/${encodeURIComponent(m.username)}`);
          announce(`${m.username} was removed from the group.`);
          reload();
        } catch (error) {
          message.say(error.message);
        }
      }) : null));
  return h('section', { class: 'card', 'aria-labelledby': 'members-title' },
    h('h2', { id: 'members-title' }, `Members (${group.memberList.length})`),
    h('ul', { class: 'roster', id: 'member-list' }, rows),
    owner ? null : confirmButton({ id: 'leave-group' }, 'Leave the group', 'Press again to leave', async () => {
      try {
        await api('DELETE', `/api/groups/${group.id}/members/me`);
        navigate('/account/groups', null, { replace: true });
      } catch (error) {
        message.say(error.message);
      }
    }),
    message);
}

function inviteCard(group, api, reload) {
  const link = `${location.origin}/join/group/${group.inviteCode}`;
  const message = messageLine('invite-message');
  const copy = (text, what) => async () => {
    try {
      await navigator.clipboard.writeText(text);
      message.say(`The ${what} is copied.`, 'ok');
    } catch {
      // No clipboard (an insecure origin, a refusal): select the text so the reader can copy it themselves.
      const target = document.getElementById(what === 'link' ? 'invite-link' : 'invite-code-text');
      getSelection().selectAllChildren(target);
      message.say(`Press Ctrl+C (or ⌘C) to copy the selected ${what}.`, 'ok');
    }
  };
  return h('section', { class: 'card', 'aria-labelledby': 'invite-title' },
    h('h2', { id: 'invite-title' }, 'Invite people'),
    h('p', {}, 'Invite code: ', h('strong', { class: 'room-code small-code', id: 'invite-code-text' }, group.inviteCode), ' ',
      h('button', { type: 'button', id: 'copy-invite-code', onclick: copy(group.inviteCode, 'code') }, 'Copy code')),
    h('p', {}, 'Invite link: ', h('a', { href: link, id: 'invite-link' }, link), ' ',
      h('button', { type: 'button', id: 'copy-invite-link', onclick: copy(link, 'link') }, 'Copy link')),
    group.role === 'owner' ? confirmButton({ id: 'rotate-invite', class: null, 'aria-describedby': 'rotate-hint' }, 'Make a new invite code', 'Press again: the old code stops working',
      async () => {
        try {
          await api('POST', `/api/groups/${group.id}/invite`);
          announce('A new invite code is ready; the old one no longer works.');
          reload();
        } catch (error) {
          message.say(error.message);
        }
      }) : null,
    group.role === 'owner' ? h('small', { id: 'rotate-hint' }, 'Members stay in the group; only the old code and link stop working.') : null,
    message);
}

function decksCard(group, decks, api) {
  const mine = decks.filter((d) => !d.sample);
  const select = deckSelect('share-deck', mine);
  const message = messageLine('share-message');
  async function onSubmit(event) {
    event.preventDefault();
    if (!select.value) return message.say('Choose one of your decks.');
    try {
      await api('POST', `/api/groups/${group.id}/decks`, { deckId: select.value });
      message.say(`“${select.selectedOptions[0].textContent}” is shared: every member can play and practise it.`, 'ok');
    } catch (error) {
      message.say(error.status === 404 ? 'Only a deck you made yourself can be shared.' : error.message);
    }
  }
  return h('section', { class: 'card', 'aria-labelledby': 'group-decks-title' },
    h('h2', { id: 'group-decks-title' }, 'Decks'),
    h('p', {}, 'Decks you can play here, yours and the ones members shared with their groups. Practise one on your own:'),
    h('ul', { class: 'deck-list', id: 'group-deck-list' }, decks.map((d) => h('li', {},
      h('a', { href: `/decks/${d.id}/practice` }, d.title),
      h('span', { class: 'muted' }, ` · ${plural(d.questionCount, 'question')}${d.sample ? ' · sample' : ''}`)))),
    mine.length ? h('form', { id: 'share-deck-form', novalidate: true, onsubmit: onSubmit },
      h('label', { for: 'share-deck' }, 'Share one of your decks with the group'), select,
      h('button', { type: 'submit', class: 'primary', id: 'share-deck-submit' }, 'Share'), message)
      : h('p', { class: 'muted' }, 'You have no decks of your own to share yet.'));
}

function ownerCard(group, api, reload, navigate) {
  const name = h('input', { id: 'rename-name', value: group.name, maxlength: 80, required: true });
  const description = h('textarea', { id: 'rename-description', rows: 3, maxlength: 500 });
  description.value = group.description || '';
  const message = messageLine('owner-message');
  async function onSubmit(event) {
    event.preventDefault();
    if (!name.value.trim()) { message.say('The group needs a name.'); return name.focus(); }
    try {
      await api('PATCH', `/api/groups/${group.id}`, { name: name.value.trim(), description: description.value.trim() });
      announce('The group is renamed.');
      reload();
    } catch (error) {
      message.say(error.message);
    }
  }
  return h('section', { class: 'card', 'aria-labelledby': 'owner-title' },
    h('h2', { id: 'owner-title' }, 'Group settings'),
    h('form', { id: 'rename-group', novalidate: true, onsubmit: onSubmit },
      h('label', { for: 'rename-name' }, 'Name'), name,
      h('label', { for: 'rename-description' }, 'Description'), description,
      h('button', { type: 'submit', class: 'primary', id: 'rename-submit' }, 'Save')),
    confirmButton({ id: 'delete-group' }, 'Delete the group', 'Press again to delete it for everyone', async () => {
      try {
        await api('DELETE', `/api/groups/${group.id}`);
        navigate('/account/groups', null, { replace: true });
      } catch (error) {
        message.say(error.message);
      }
    }),
    message);
}
