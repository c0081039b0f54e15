// A host's home: their decks, and a new deck from pasted notes or a file (.md / .txt, or a document the server reads).
import { h, fill, plural } from '../dom.js';
import { request } from '../api.js';
import { confirmSession } from '../session.js';
import { accountForm } from './account.js';

export function mount(root, { navigate, refreshHeader }) {
  const body = h('div', { class: 'host-home' }, h('p', {}, 'Loading…'));
  root.append(body);
  confirmSession().then((session) => {
    refreshHeader();
    if (!session) {
      fill(body, h('section', { class: 'card', 'aria-labelledby': 'host-sign-in' },
        h('h1', { id: 'host-sign-in' }, 'Sign in to host'),
        h('p', {}, 'Hosts keep their decks in an account. Players never need one.'),
        accountForm(() => { refreshHeader(); navigate('/host', null, { replace: true }); })));
      return;
    }
    fill(body, openRoomsCard(session), newDeckCard(session, navigate), decksCard(session),
      h('section', { class: 'card', 'aria-labelledby': 'groups-link-title' },
        h('h2', { id: 'groups-link-title' }, 'Study groups'),
        h('p', {}, 'Play a deck as a group to keep a leaderboard, then a weak-spot round on what the group missed.'),
        h('p', {}, h('a', { href: '/account/groups', id: 'host-groups' }, 'Your study groups'), ' · ',
          h('a', { href: '/account/record' }, 'My record'))));
  });
}

const PHASES = { lobby: 'waiting to start', playing: 'playing', podium: 'on the podium' };

/**
 * The host's rooms that are still open, so a console whose tab was closed is found again: the console opens with the
 * account's sign-in (and takes over from any other tab that has it). Shown only when there is one.
 */
function openRoomsCard(session) {
  const card = h('section', { class: 'card', id: 'open-rooms', 'aria-labelledby': 'open-rooms-title', hidden: true });
  request('GET', '/api/rooms', { token: session.token })
    .then((rooms) => {
      if (!rooms.length) return;
      fill(card, h('h2', { id: 'open-rooms-title' }, rooms.length === 1 ? 'Your open room' : 'Your open rooms'),
        h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'open-rooms-table' },
          h('thead', {}, h('tr', {}, ['Room', 'Deck', 'Players', 'Now', 'Opened', ''].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rooms.map((room) => h('tr', { 'data-code': room.code },
            h('th', { scope: 'row' }, room.code),
            h('td', {}, room.deck || 'a deleted deck'),
            h('td', {}, String(room.players)),
            h('td', {}, PHASES[room.phase] || room.phase),
            h('td', {}, new Date(room.openedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })),
            h('td', {}, h('a', { href: `/host/${room.code}`, class: 'button', 'aria-label': `Open the console of room ${room.code}` },
              'Open console'))))))));
      card.hidden = false;
    })
    .catch(() => {});
  return card;
}

function decksCard(session) {
  const list = h('ul', { class: 'deck-list', id: 'deck-list' }, h('li', {}, 'Loading your decks…'));
  request('GET', '/api/decks', { token: session.token })
    .then((decks) => fill(list, decks.length ? decks.map((deck) => h('li', {},
      h('a', { href: `/decks/${deck.id}` }, deck.title),
      h('span', { class: 'muted' }, ` · ${plural(deck.questionCount, 'question')}${deck.sample ? ' · sample' : ''}`)))
      : h('li', {}, 'No decks yet: make one from your notes above.')))
    .catch((error) => fill(list, h('li', { class: 'message error' }, error.message)));
  return h('section', { class: 'card', 'aria-labelledby': 'decks-title' }, h('h2', { id: 'decks-title' }, 'Your decks'), list);
}

const TEXT_FILE = /\.(md|markdown|txt)$/i;
const DOCUMENT = /\.(docx|odt|pdf|html?)$/i;

function newDeckCard(session, navigate) {
  let file = null;
  let fileText = null;
  // A Word, OpenDocument, PDF or HTML file is sent as it is: the server reads its text.
  let documentFile = null;
  const title = h('input', { id: 'deck-title', name: 'title', maxlength: 200, required: true });
  const notes = h('textarea', { id: 'deck-notes', name: 'notes', rows: 12, spellcheck: 'false', 'aria-describedby': 'notes-hint' });
  const chooser = h('input', { id: 'deck-file', type: 'file', class: 'visually-hidden',
    accept: '.md,.markdown,.txt,.docx,.odt,.pdf,.html,.htm,text/markdown,text/plain,application/pdf,text/html,'
      + 'application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text' });
  const fileName = h('span', { class: 'muted', id: 'file-name' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'create-deck' }, 'Make questions');
  const message = h('p', { class: 'message', id: 'deck-message', role: 'status', 'aria-live': 'polite' });
  const say = (text, kind = 'error') => { message.textContent = text; message.className = `message ${kind}`; };

  async function useFile(chosen) {
    if (!chosen) return;
    if (!TEXT_FILE.test(chosen.name) && !DOCUMENT.test(chosen.name)) {
      return say('Choose a file of notes: .docx, .odt, .pdf, .html, .md or .txt.');
    }
    if (!title.value.trim()) title.value = chosen.name.replace(/\.[^.]+$/, '');
    fileName.textContent = chosen.name;
    say('');
    if (DOCUMENT.test(chosen.name)) {
      documentFile = chosen;
      file = null;
      notes.value = '';
      notes.placeholder = `The text of ${chosen.name} is read when you make questions; edit it on the deck page afterwards.`;
      return;
    }
    documentFile = null;
    notes.placeholder = '';
    file = chosen;
    fileText = await chosen.text();
    notes.value = fileText;
  }

  // Typing notes instead of a chosen document: the typed notes are what is sent.
  notes.addEventListener('input', () => {
    if (documentFile && notes.value.trim()) {
      documentFile = null;
      notes.placeholder = '';
      fileName.textContent = '';
    }
  });

  chooser.addEventListener('change', () => useFile(chooser.files[0]));
  const drop = h('div', { class: 'drop-zone', id: 'drop-zone' },
    h('p', {}, 'Paste your notes below, or drop a file here (Word, OpenDocument, PDF, HTML, Markdown or text), or ',
      h('label', { for: 'deck-file', class: 'file-button', tabindex: '0',
        onkeydown: (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); chooser.click(); } } }, 'choose a file'),
      '. ', fileName), chooser);
  for (const target of [drop, notes]) {
    target.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('dragging'); });
    target.addEventListener('dragleave', () => drop.classList.remove('dragging'));
    target.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('dragging');
      useFile(event.dataTransfer.files[0]);
    });
  }

  async function onSubmit(event) {
    event.preventDefault();
    const name = title.value.trim();
    if (!name) return say('Give the deck a title.');
    if (!documentFile && !notes.value.trim()) return say('Paste some notes first, or choose a file.');
    submit.disabled = true;
    say('Reading your notes and making questions…', 'ok');
    try {
      let deck;
      if (documentFile) {
        const form = new FormData();
        form.append('title', name);
        form.append('file', documentFile, documentFile.name);
        deck = await request('POST', '/api/decks', { token: session.token, body: form });
      } else if (file && notes.value === fileText) {
        // A file sent untouched goes as its own bytes, so the server can check it is really UTF-8 text.
        deck = await request('POST', `/api/decks?title=${encodeURIComponent(name)}`, {
          token: session.token, body: file, contentType: /\.txt$/i.test(file.name) ? 'text/plain; charset=utf-8' : 'text/markdown; charset=utf-8' });
      } else {
        deck = await request('POST', '/api/decks', { token: session.token, body: { title: name, notes: notes.value } });
      }
      navigate(`/decks/${deck.id}`);
    } catch (error) {
      say(error.message);
    } finally {
      submit.disabled = false;
    }
  }

  return h('section', { class: 'card', 'aria-labelledby': 'new-deck-title' },
    h('h1', { id: 'new-deck-title' }, 'New deck from your notes'),
    h('form', { id: 'new-deck', novalidate: true, onsubmit: onSubmit },
      h('label', { for: 'deck-title' }, 'Title'), title,
      drop,
      h('label', { for: 'deck-notes' }, 'Notes'), notes,
      h('small', { id: 'notes-hint' }, 'Headings, bullet lists, tables, “term: definition” lines and Q:/A: cards all work.'
        + ' Up to 1 MiB of notes; files up to 20 MB.'),
      submit, message));
}
