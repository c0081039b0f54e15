// A host's home: their decks, and a new deck from pasted notes or a .md / .txt file.
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
    fill(body, newDeckCard(session, navigate), decksCard(session),
      h('section', { class: 'card', 'aria-labelledby': 'groups-link-title' },
        h('h2', { id: 'groups-link-title' }, 'Study groups'),
        h('p', {}, 'Play a deck as a group to keep a leaderboard, then a weak-spot round on what the group missed.'),
        h('p', {}, h('a', { href: '/account/groups', id: 'host-groups' }, 'Your study groups'), ' · ',
          h('a', { href: '/account/record' }, 'My record'))));
  });
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

function newDeckCard(session, navigate) {
  let file = null;
  let fileText = null;
  const title = h('input', { id: 'deck-title', name: 'title', maxlength: 200, required: true });
  const notes = h('textarea', { id: 'deck-notes', name: 'notes', rows: 12, spellcheck: 'false', 'aria-describedby': 'notes-hint' });
  const chooser = h('input', { id: 'deck-file', type: 'file', accept: '.md,.markdown,.txt,text/markdown,text/plain', class: 'visually-hidden' });
  const fileName = h('span', { class: 'muted', id: 'file-name' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'create-deck' }, 'Make questions');
  const message = h('p', { class: 'message', id: 'deck-message', role: 'status', 'aria-live': 'polite' });
  const say = (text, kind = 'error') => { message.textContent = text; message.className = `message ${kind}`; };

  async function useFile(chosen) {
    if (!chosen) return;
    if (!/\.(md|markdown|txt)$/i.test(chosen.name)) return say('Choose a .md or .txt file of notes.');
    file = chosen;
    fileText = await chosen.text();
    notes.value = fileText;
    if (!title.value.trim()) title.value = chosen.name.replace(/\.[^.]+$/, '');
    fileName.textContent = chosen.name;
    say('');
  }

  chooser.addEventListener('change', () => useFile(chooser.files[0]));
  const drop = h('div', { class: 'drop-zone', id: 'drop-zone' },
    h('p', {}, 'Paste your notes below, or drop a .md or .txt file here, or ',
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
    if (!notes.value.trim()) return say('Paste some notes first.');
    submit.disabled = true;
    say('Reading your notes and making questions…', 'ok');
    try {
      // A file sent untouched goes as its own bytes, so the server can check it is really UTF-8 text.
      const deck = file && notes.value === fileText
        ? await request('POST', `/api/decks?title=${encodeURIComponent(name)}`, {
          token: session.token, body: file, contentType: /\.txt$/i.test(file.name) ? 'text/plain; charset=utf-8' : 'text/markdown; charset=utf-8' })
        : await request('POST', '/api/decks', { token: session.token, body: { title: name, notes: notes.value } });
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
      h('small', { id: 'notes-hint' }, 'Headings, bullet lists, “term: definition” lines and Q:/A: cards all work. Up to 1 MiB.'),
      submit, message));
}
