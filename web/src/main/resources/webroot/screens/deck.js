// A deck before playing it: the generated questions by topic, what could not be used, and the room settings. Its
// owner edits it here: fixes, hides and adds questions, edits the notes and imports them again, renames, deletes.
import { h, fill, plural } from '../dom.js';
import { questionForm, TYPES } from '../ui/question-editor.js';
import { request } from '../api.js';
import { currentSession } from '../session.js';
import { saveHostSeat } from '../seats.js';
import { sourceNote } from '../ui/phases.js';
import { messageLine } from '../ui/gate.js';
import { roomOptions, showRoomError } from '../ui/room-options.js';

export function mount(root, { params, navigate }) {
  const id = params[0];
  const session = currentSession();
  if (!session) {
    navigate('/host', null, { replace: true });
    return;
  }
  const body = h('div', { class: 'deck' }, h('p', {}, 'Loading the deck…'));
  root.append(body);
  Promise.all([request('GET', `/api/decks/${id}`, { token: session.token }), request('GET', `/api/decks/${id}/questions`, { token: session.token })])
    .then(([deck, questions]) => {
      const mine = deck.mine === true;
      const render = (fresh, list) => fill(body,
        h('section', { class: 'card', 'aria-labelledby': 'deck-title' },
          h('h1', { id: 'deck-title' }, fresh.title),
          h('p', { class: 'muted', id: 'deck-summary' }, summaryText(fresh, list)),
          h('p', {}, h('a', { href: `/decks/${fresh.id}/practice`, id: 'practice-link' }, 'Practise on your own'),
            ' · play it with a study group from ', h('a', { href: '/account/groups' }, 'your groups'), '.'),
          h('p', {}, h('a', { href: `/account/exams?deck=${fresh.id}`, id: 'exam-link' }, 'Set a mock exam on this deck'),
            ': the real exam’s shape, one long timer, a report by topic.'),
          h('p', {}, h('a', { href: `/decks/${fresh.id}/readiness`, id: 'readiness-link' }, 'Readiness'),
            ': the score you would get now, whether it passes, and what to review.'),
          roomForm(fresh, session, navigate)),
        mine ? deckSettings(fresh, session, navigate, reload) : null,
        mine ? notesEditor(fresh, session, reload) : null,
        warnings(fresh.warnings),
        mine ? editor(fresh, list, session, reload, analysisOf(fresh, session)) : preview(list));
      const reload = () => Promise.all([request('GET', `/api/decks/${id}`, { token: session.token }),
        request('GET', `/api/decks/${id}/questions`, { token: session.token })]).then(([d, q]) => render(d, q));
      render(deck, questions);
    })
    .catch((error) => fill(body, h('p', { class: 'message error' }, error.message)));
}

function summaryText(deck, questions) {
  const review = questions.filter((q) => q.review).length;
  const hidden = questions.filter((q) => q.hidden).length;
  return [`${plural(deck.questionCount, 'question')} from ${plural(deck.topics.length, 'topic')}`,
    hidden ? `${hidden} hidden` : null, review ? `${review} to review` : null].filter(Boolean).join(' · ');
}

/** Rename, public or private, the kinds rooms offer by default, duplicate, delete. */
function deckSettings(deck, session, navigate, reload) {
  const title = h('input', { id: 'deck-name', value: deck.title, maxlength: 200, required: true });
  const isPublic = h('input', { id: 'deck-public', type: 'checkbox', checked: deck.public });
  const kinds = Object.keys(deck.kinds);
  // Defaults the deck no longer has questions of are left out, as rooms leave them out.
  const chosen = new Set((deck.defaultKinds || kinds).filter((k) => kinds.includes(k)));
  if (chosen.size === 0) kinds.forEach((k) => chosen.add(k));
  const kindBoxes = kinds.map((kind) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', class: 'default-kind', value: kind, checked: chosen.has(kind),
      onchange: (e) => { if (e.target.checked) chosen.add(kind); else chosen.delete(kind); } }),
    ` ${kindLabel(kind)} (${deck.kinds[kind]})`));
  const message = h('p', { class: 'message', id: 'settings-message', role: 'status', 'aria-live': 'polite' });
  // The topics in the owner's order, moved one place at a time by keyboard or touch.
  const topics = [...deck.topics];
  const topicList = h('ol', { class: 'topic-order', id: 'topic-order' });
  const renderTopics = (focusAt, dir) => {
    fill(topicList, topics.map((topic, i) => h('li', {}, h('span', {}, topic),
      h('button', { type: 'button', class: 'move', 'aria-label': `Move ${topic} up`, disabled: i === 0,
        onclick: () => { [topics[i - 1], topics[i]] = [topics[i], topics[i - 1]]; renderTopics(i - 1, 'up'); } }, '↑'),
      h('button', { type: 'button', class: 'move', 'aria-label': `Move ${topic} down`, disabled: i === topics.length - 1,
        onclick: () => { [topics[i + 1], topics[i]] = [topics[i], topics[i + 1]]; renderTopics(i + 1, 'down'); } }, '↓'))));
    if (focusAt !== undefined) {
      const buttons = topicList.children[focusAt].querySelectorAll('button');
      const target = dir === 'up' && !buttons[0].disabled ? buttons[0] : !buttons[1].disabled ? buttons[1] : buttons[0];
      target.focus();
    }
  };
  renderTopics();
  // Disabled until the owner's groups are known, and sent only when changed: a save never unshares by accident.
  const group = h('select', { id: 'deck-group', disabled: true }, h('option', { value: '' }, 'Not shared'));
  let groupChanged = false;
  group.addEventListener('change', () => { groupChanged = true; });
  request('GET', '/api/groups', { token: session.token })
    .then((groups) => {
      for (const g of groups) group.append(h('option', { value: g.id, selected: g.id === deck.groupId }, g.name));
      if (deck.groupId && !groups.some((g) => g.id === deck.groupId)) {
        group.append(h('option', { value: deck.groupId, selected: true }, 'A group you have left'));
      }
      group.disabled = false;
    })
    .catch(() => { group.title = 'Your groups could not be loaded.'; });
  const confirmBox = h('div', { class: 'button-row', hidden: true, id: 'delete-confirm' },
    h('span', {}, `Delete “${deck.title}” and its ${plural(deck.questionCount, 'question')} for good?`),
    h('button', { type: 'button', class: 'danger primary', id: 'delete-yes', onclick: async () => {
      try {
        await request('DELETE', `/api/decks/${deck.id}`, { token: session.token });
        navigate('/host', null, { replace: true });
      } catch (error) { say(message, error.message, true); }
    } }, 'Yes, delete it'),
    h('button', { type: 'button', onclick: () => { confirmBox.hidden = true; } }, 'Keep it'));

  async function onSubmit(event) {
    event.preventDefault();
    const body = { title: title.value, public: isPublic.checked };
    if (kinds.length) body.kinds = chosen.size === kinds.length ? null : [...chosen];
    if (kinds.length && chosen.size === 0) return say(message, 'Pick at least one kind of question for rooms.', true);
    if (topics.join('\u0000') !== deck.topics.join('\u0000')) body.topics = topics;
    const sharedWith = group.value || null;
    if (groupChanged && sharedWith === null && deck.groupId) body.groupId = null;
    try {
      await request('PATCH', `/api/decks/${deck.id}`, { token: session.token, body });
      if (groupChanged && sharedWith && sharedWith !== deck.groupId) {
        await request('POST', `/api/groups/${sharedWith}/decks`, { token: session.token, body: { deckId: deck.id } });
      }
      await reload();
    } catch (error) { say(message, error.message, true); }
  }

  return h('details', { class: 'card deck-settings', id: 'deck-settings' },
    h('summary', {}, h('h2', { class: 'inline' }, 'Deck settings')),
    h('form', { onsubmit: onSubmit, novalidate: true },
      h('label', { for: 'deck-name' }, 'Name'), title,
      h('label', { class: 'check' }, isPublic, ' Public: anyone can find it and play it (answers stay yours)'),
      kinds.length ? h('fieldset', {}, h('legend', {}, 'Kinds of question a room asks unless its host picks'), kindBoxes) : null,
      topics.length > 1 ? h('fieldset', {}, h('legend', {}, 'Order of the topics'), topicList) : null,
      h('label', { for: 'deck-group' }, 'Share with a study group (its members can open rooms with it)'), group,
      h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'primary', id: 'save-settings' }, 'Save settings'),
        h('button', { type: 'button', id: 'duplicate-deck', onclick: async () => {
          try {
            const copy = await request('POST', `/api/decks/${deck.id}/duplicate`, { token: session.token, body: {} });
            navigate(`/decks/${copy.id}`);
          } catch (error) { say(message, error.message, true); }
        } }, 'Duplicate'),
        h('button', { type: 'button', class: 'danger primary', id: 'delete-deck', onclick: () => { confirmBox.hidden = false; confirmBox.querySelector('button').focus(); } }, 'Delete…')),
      confirmBox, message,
      h('fieldset', {}, h('legend', {}, 'Take the deck elsewhere'),
        h('div', { class: 'button-row' }, EXPORTS.map(([format, label]) => h('button', { type: 'button', class: 'secondary',
          id: `export-${format}`, onclick: () => exportDeck(deck, format, session, message) }, label))))));
}

const EXPORTS = [['csv', 'Spreadsheet (CSV)'], ['gift', 'Moodle (GIFT)'], ['anki', 'Anki']];

/** Downloads the deck as a file: the request carries the owner's sign-in, so it is fetched, then saved. */
async function exportDeck(deck, format, session, message) {
  try {
    const blob = await request('GET', `/api/decks/${deck.id}/export?format=${format}`, { token: session.token, as: 'blob' });
    const url = URL.createObjectURL(blob);
    const ext = format === 'anki' ? 'txt' : format;
    const link = h('a', { href: url, download: `${deck.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'deck'}.${ext}`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say(message, 'The file is downloading.');
  } catch (error) { say(message, error.message, true); }
}

/** The notes in the browser: edit and import again; what the owner changed in questions is kept or marked. */
function notesEditor(deck, session, reload) {
  const text = h('textarea', { id: 'notes-text', rows: 14, 'aria-describedby': 'notes-hint' });
  const message = h('p', { class: 'message', id: 'notes-message', role: 'status', 'aria-live': 'polite' });
  const save = h('button', { type: 'button', class: 'primary', id: 'reimport' }, 'Import again');
  let loaded = false;
  const details = h('details', { class: 'card', id: 'notes-editor', ontoggle: async () => {
    if (!details.open || loaded) return;
    try {
      text.value = (await request('GET', `/api/decks/${deck.id}/notes`, { token: session.token })).notes;
      loaded = true;
    } catch (error) { say(message, error.message, true); }
  } },
  h('summary', {}, h('h2', { class: 'inline' }, 'Edit the notes')),
  h('p', { class: 'muted', id: 'notes-hint' }, 'Questions you edited stay as you left them while their line is unchanged; if the line changes or goes, they wait for you to review them. Questions you wrote and hid stay too.'),
  text, save, message);
  save.addEventListener('click', async () => {
    save.disabled = true;
    say(message, 'Importing…');
    try {
      const updated = await request('PUT', `/api/decks/${deck.id}`, { token: session.token, body: { title: deck.title, notes: text.value } });
      await reload();
      const again = document.getElementById('notes-message');
      if (again) say(again, `Imported: ${plural(updated.questionCount, 'question')}.`);
    } catch (error) {
      say(message, error.message, true);
      save.disabled = false;
    }
  });
  return details;
}

const ORIGINS = { edited: 'Edited', added: 'Written by you' };
const FILTERS = [['all', 'All questions'], ['review', 'To review'], ['attention', 'With a hint or a flag'], ['flagged', 'Flagged'],
  ['edited', 'Edited'], ['added', 'Written by you'], ['hidden', 'Hidden']];
const SORTS = [['deck', 'In deck order'], ['flags', 'Most flagged first'], ['hardest', 'Hardest first'], ['easiest', 'Easiest first'],
  ['discrimination', 'Least telling first']];

/** The deck's item analysis by question id; an empty map when it cannot be had, so the editor still works. */
function analysisOf(deck, session) {
  return request('GET', `/api/decks/${deck.id}/analysis`, { token: session.token })
    .then((a) => new Map(a.questions.map((q) => [q.questionId, q])))
    .catch(() => new Map());
}

/** Figures a teacher reads at a glance, then the hints that say what to do. */
function figuresView(f) {
  if (!f) return null;
  const parts = [];
  if (f.answers > 0) {
    parts.push(`${plural(f.answers, 'answer')}`, `${Math.round(f.correctShare * 100)}% right`);
    if (f.discrimination !== null && f.discrimination !== undefined) parts.push(`discrimination ${f.discrimination.toFixed(2)}`);
    if (f.medianMs !== null && f.medianMs !== undefined) parts.push(`median ${(f.medianMs / 1000).toFixed(1)} s`);
  } else {
    parts.push(f.earlierAnswers ? `no answers since your edit (${f.earlierAnswers} before it)` : 'not asked yet');
  }
  const flags = f.flags && f.flags.total ? f.flags : null;
  return h('div', { class: 'figures' },
    h('p', { class: 'muted figures-line' }, parts.join(' · ')),
    f.answers > 0 && f.options.length ? h('p', { class: 'muted figures-options' }, 'Chosen: ',
      f.options.map((o) => `${o.letter}${o.key ? ' ✓' : ''} ${Math.round((o.share || 0) * 100)}%`).join(' · ')) : null,
    f.hints.length ? h('ul', { class: 'hints' }, f.hints.map((hint) => h('li', {}, hint))) : null,
    flags && flags.comments.length ? h('ul', { class: 'flag-comments', 'aria-label': 'What players said' },
      flags.comments.map((c) => h('li', {}, h('q', {}, c.comment), ` — ${c.nickname}`))) : null);
}

function sortKey(by, q, f) {
  if (by === 'flags') return -(f && f.flags ? f.flags.total : 0);
  if (!f || !f.answers) return Infinity;
  if (by === 'hardest') return f.correctShare;
  if (by === 'easiest') return -f.correctShare;
  if (by === 'discrimination') return f.discrimination === null || f.discrimination === undefined ? Infinity : f.discrimination;
  return 0;
}

/** The owner's questions by topic, each with its controls; a filter and a form for a new one on top. */
function editor(deck, questions, session, reload, analysis) {
  let figures = new Map();
  const list = h('div', { id: 'editor-list' });
  const filter = h('select', { id: 'editor-filter' }, FILTERS.map(([value, label]) => h('option', { value }, label)));
  const sort = h('select', { id: 'editor-sort' }, SORTS.map(([value, label]) => h('option', { value }, label)));
  const adding = h('div', { id: 'add-question-slot' });
  const addButton = h('button', { type: 'button', class: 'primary', id: 'add-question' }, '+ Add a question');
  const status = h('p', { class: 'message', id: 'editor-message', role: 'status', 'aria-live': 'polite' });
  const byId = new Map(questions.map((q) => [q.id, q]));
  const fileInput = h('input', { type: 'file', id: 'import-file', accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain',
    class: 'visually-hidden', tabIndex: -1, onchange: async () => {
      const file = fileInput.files[0];
      fileInput.value = '';
      if (!file) return;
      const type = /\.tsv$/i.test(file.name) || file.type === 'text/tab-separated-values' ? 'text/tab-separated-values'
        : /\.txt$/i.test(file.name) ? 'text/plain' : 'text/csv';
      try {
        say(status, `Reading ${file.name}…`);
        const done = await request('POST', `/api/decks/${deck.id}/import`, { token: session.token, body: await file.text(), contentType: type });
        await reload();
        const again = document.getElementById('editor-message');
        if (again) say(again, `Added ${plural(done.added, 'question')} from ${file.name}.`);
      } catch (error) { say(status, error.message, true); }
    } });
  const importLabel = h('label', { for: 'import-file', class: 'file-button', id: 'import-label', tabindex: '0',
    onkeydown: (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); fileInput.click(); } } },
  'Add questions from a file (CSV, Quizlet, Anki)');
  // A link from a game's results names the question to fix; otherwise open on what needs review.
  const wanted = new URLSearchParams(location.search).get('question');
  if (!wanted && questions.some((q) => q.review)) filter.value = 'review';

  const flagged = (q) => { const f = figures.get(q.id); return !!(f && f.flags && f.flags.total); };
  const hinted = (q) => { const f = figures.get(q.id); return !!(f && f.hints.length); };
  const keep = (q) => ({ all: true, review: !!q.review, attention: hinted(q) || flagged(q), flagged: flagged(q),
    edited: q.origin === 'edited', added: q.origin === 'added', hidden: q.hidden }[filter.value]);

  function renderList() {
    if (sort.value !== 'deck') {
      const ranked = [...byId.values()].filter(keep)
        .sort((a, b) => sortKey(sort.value, a, figures.get(a.id)) - sortKey(sort.value, b, figures.get(b.id)));
      fill(list, ranked.length === 0 ? h('p', { class: 'muted' }, 'No question here.') : null,
        h('ol', { class: 'question-list' }, ranked.map(item)));
      return;
    }
    const topics = new Map();
    for (const q of byId.values()) {
      if (!keep(q)) continue;
      const topic = q.topic || 'Other';
      if (!topics.has(topic)) topics.set(topic, []);
      topics.get(topic).push(q);
    }
    const order = [...deck.topics, ...[...topics.keys()].filter((t) => !deck.topics.includes(t))];
    fill(list, topics.size === 0 ? h('p', { class: 'muted' }, 'No question here.') : null,
      order.filter((t) => topics.has(t)).map((topic) => h('section', { class: 'topic' },
        h('h3', { class: 'topic-name' }, `${topic} (${topics.get(topic).length})`),
        h('ol', { class: 'question-list' }, topics.get(topic).map(item)))));
  }

  function item(q) {
    const li = h('li', { class: `preview-question edit-question${q.hidden ? ' hidden-question' : ''}`, 'data-id': q.id, 'data-type': q.type });
    const act = async (method, path, body, done) => {
      try {
        const updated = await request(method, `/api/decks/${deck.id}/questions/${q.id}${path}`, { token: session.token, body });
        byId.set(updated.id, updated);
        li.replaceWith(item(updated));
        say(status, done);
        refreshSummary();
      } catch (error) { say(status, error.message, true); }
    };
    const edit = () => fill(li, questionForm(q, { topics: deck.topics, onCancel: () => li.replaceWith(item(q)),
      onSave: async (body) => {
        const updated = await request('PATCH', `/api/decks/${deck.id}/questions/${q.id}`, { token: session.token, body });
        byId.set(updated.id, updated);
        const fresh = item(updated);
        li.replaceWith(fresh);
        fresh.querySelector('.edit-open').focus();
        say(status, 'Saved.');
        refreshSummary();
      } }));
    return fill(li,
      h('p', { class: 'badges' },
        h('span', { class: 'badge' }, typeLabel(q.type)),
        ORIGINS[q.origin] ? h('span', { class: 'badge edited' }, ORIGINS[q.origin]) : null,
        flagged(q) ? h('span', { class: 'badge review' }, `⚑ ${plural(figures.get(q.id).flags.total, 'flag')}`) : null,
        q.hidden ? h('span', { class: 'badge hidden' }, 'Hidden') : null,
        q.review ? h('span', { class: 'badge review' }, 'To review') : null),
      h('p', { class: 'prompt-text' }, q.prompt),
      previewAnswer(q, true),
      q.review ? reviewNote(q, () => act('PATCH', '', {}, 'Kept as it is.')) : null,
      q.warnings && q.warnings.length ? h('p', { class: 'muted edit-warnings' }, '⚠ ', q.warnings.join('; ')) : null,
      figuresView(figures.get(q.id)),
      q.source && q.source.line > 0 ? sourceNote(q.explanation, q.source) : (q.explanation ? h('p', { class: 'explanation' }, q.explanation) : null),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'secondary edit-open', onclick: edit }, 'Edit'),
        q.hidden
          ? h('button', { type: 'button', class: 'secondary edit-restore', onclick: () => act('POST', '/restore', {}, 'Restored: rooms ask it again.') }, 'Restore')
          : h('button', { type: 'button', class: 'secondary edit-hide', onclick: () => act('DELETE', '', undefined, 'Hidden: no room asks it.') }, 'Hide'),
        q.origin === 'edited' && q.original ? h('button', { type: 'button', class: 'link edit-revert', onclick: () => act('POST', '/revert', {}, 'Back as generated.') }, 'Undo my edits') : null));
  }

  function refreshSummary() {
    const all = [...byId.values()];
    const summary = document.getElementById('deck-summary');
    const playable = all.filter((q) => q.playable).length;
    if (summary) summary.textContent = summaryText({ ...deck, questionCount: playable }, all);
  }

  addButton.addEventListener('click', () => {
    addButton.hidden = true;
    fill(adding, h('section', { class: 'card', 'aria-label': 'A new question' }, h('h3', {}, 'A new question'),
      questionForm({}, { topics: deck.topics, saveLabel: 'Add it',
        onCancel: () => { fill(adding); addButton.hidden = false; addButton.focus(); },
        onSave: async (body) => {
          const added = await request('POST', `/api/decks/${deck.id}/questions`, { token: session.token, body });
          byId.set(added.id, added);
          fill(adding);
          addButton.hidden = false;
          filter.value = 'all';
          renderList();
          say(status, 'Added: rooms can ask it now.');
          refreshSummary();
          const shown = list.querySelector(`[data-id="${added.id}"] .edit-open`);
          if (shown) shown.focus();
        } })));
  });
  filter.addEventListener('change', renderList);
  sort.addEventListener('change', renderList);
  renderList();
  if (wanted && byId.has(wanted)) {
    setTimeout(() => {
      const card = list.querySelector(`[data-id="${CSS.escape(wanted)}"]`);
      if (card) {
        card.classList.add('wanted');
        card.scrollIntoView({ block: 'center' });
        card.querySelector('.edit-open').focus();
      }
    }, 0);
  }
  analysis.then((found) => {
    figures = found;
    if (!wanted && !questions.some((q) => q.review) && [...found.values()].some((f) => f.flags && f.flags.total)) filter.value = 'attention';
    renderList();
    const card = wanted ? list.querySelector(`[data-id="${CSS.escape(wanted)}"]`) : null;
    if (card) {
      card.classList.add('wanted');
      card.querySelector('.edit-open').focus();
    }
  });
  return h('section', { class: 'card preview', 'aria-labelledby': 'preview-title' },
    h('h2', { id: 'preview-title' }, 'Your questions'),
    h('div', { class: 'editor-bar' }, addButton, h('label', { for: 'editor-filter' }, 'Show'), filter,
      h('label', { for: 'editor-sort' }, 'Sort'), sort),
    h('p', {}, fileInput, importLabel),
    adding, status, list);
}

/** Why a question waits: the line it was made from changed or went when the notes were imported again. */
function reviewNote(q, keepIt) {
  const r = q.review;
  return h('div', { class: 'review-note', role: 'note' },
    h('p', {}, r.reason === 'gone' ? 'Its line is no longer in the notes. It was:' : `Its line in the notes changed (now line ${r.line}). It was:`),
    h('blockquote', { class: 'review-old' }, r.old),
    r.now ? [h('p', {}, 'It is now:'), h('blockquote', { class: 'review-now' }, r.now)] : null,
    h('p', { class: 'muted' }, 'Rooms do not ask it until you edit it or keep it as it is.'),
    h('button', { type: 'button', class: 'secondary review-keep', onclick: keepIt }, 'Keep it as it is'));
}

function typeLabel(type) {
  return (TYPES.find(([value]) => value === type) || [type, type])[1];
}

function kindLabel(kind) {
  return kind === 'own' ? 'written by you' : kind.replaceAll('_', ' ');
}

function say(el, text, error = false) {
  el.className = error ? 'message error' : 'message ok';
  el.textContent = text;
}

function roomForm(deck, session, navigate) {
  const max = Math.max(1, Math.min(100, deck.questionCount));
  const count = h('input', { id: 'question-count', type: 'number', min: 1, max, value: String(Math.min(10, max)), required: true });
  const seconds = h('input', { id: 'seconds', type: 'number', min: 5, max: 240, step: 1, value: '20', required: true, 'aria-describedby': 'seconds-hint' });
  const speed = h('input', { id: 'speed-scoring', type: 'checkbox', checked: true });
  // The kinds a room asks, as the deck's owner chose them by default (all of them when none were chosen).
  const kinds = Object.keys(deck.kinds || {});
  const defaults = new Set((deck.defaultKinds || kinds).filter((k) => kinds.includes(k)));
  if (defaults.size === 0) kinds.forEach((k) => defaults.add(k));
  const kindBoxes = kinds.map((kind) => h('input', { type: 'checkbox', class: 'room-kind', value: kind, checked: defaults.has(kind),
    id: `room-kind-${kind}` }));
  const kindsField = kinds.length > 1 ? h('fieldset', { class: 'room-kinds', id: 'room-kinds' },
    h('legend', {}, 'Kinds of question'),
    kinds.map((kind, i) => h('label', { class: 'check', for: `room-kind-${kind}` }, kindBoxes[i], ` ${kindLabel(kind)} (${deck.kinds[kind]})`))) : null;
  // A group room counts for the group's leaderboard; a review round asks only what the group missed.
  const group = h('select', { id: 'room-group', disabled: true }, h('option', { value: '' }, 'No group'));
  const review = h('input', { id: 'room-review', type: 'checkbox', disabled: true, 'aria-describedby': 'room-review-hint' });
  group.addEventListener('change', () => { review.disabled = !group.value; if (!group.value) review.checked = false; });
  request('GET', '/api/groups', { token: session.token })
    .then((groups) => { for (const g of groups) group.append(h('option', { value: g.id }, g.name)); group.disabled = groups.length === 0; })
    .catch(() => { group.title = 'Your groups could not be loaded.'; });
  const options = roomOptions('room');
  const submit = h('button', { type: 'submit', class: 'primary', id: 'open-room' }, 'Open a room');
  const message = messageLine('room-message');
  const fields = { questionCount: count, secondsPerQuestion: seconds, kinds: kindBoxes[0], groupId: group, weakSpots: review, ...options.inputs };

  async function onSubmit(event) {
    event.preventDefault();
    const questionCount = Number(count.value);
    const secondsPerQuestion = Number(seconds.value);
    if (!Number.isInteger(questionCount) || questionCount < 1 || questionCount > max) {
      message.say(`Choose from 1 to ${max} questions.`);
      return count.focus();
    }
    if (!Number.isInteger(secondsPerQuestion) || secondsPerQuestion < 5 || secondsPerQuestion > 240) {
      message.say('Time per question is 5 to 240 seconds (4 minutes).');
      return seconds.focus();
    }
    const chosen = kindBoxes.filter((box) => box.checked).map((box) => box.value);
    if (kinds.length > 1 && chosen.length === 0) {
      message.say('Pick at least one kind of question.');
      return kindBoxes[0].focus();
    }
    const more = options.read();
    if (more.error) {
      options.element.open = true;
      message.say(more.error);
      return more.input.focus();
    }
    const body = { deckId: deck.id, questionCount, secondsPerQuestion, speedScoring: speed.checked, ...more.fields };
    if (kinds.length > 1 && chosen.length < kinds.length) body.kinds = chosen;
    if (group.value) body.groupId = group.value;
    if (review.checked) body.weakSpots = true;
    submit.disabled = true;
    message.say(review.checked ? 'Picking the questions the group missed…' : 'Opening the room…', 'ok');
    try {
      const room = await request('POST', '/api/rooms', { token: session.token, body });
      saveHostSeat({ code: room.code, hostToken: room.hostToken, gameId: room.gameId, joinUrl: room.joinUrl });
      navigate(`/host/${room.code}`);
    } catch (error) {
      showRoomError(error, message, fields, options);
      submit.disabled = false;
    }
  }

  return h('form', { id: 'room-form', class: 'room-form', novalidate: true, onsubmit: onSubmit },
    h('h2', {}, 'Play it live'),
    h('label', { for: 'question-count' }, 'Questions'), count,
    h('label', { for: 'seconds' }, 'Seconds per question'), seconds,
    h('small', { id: 'seconds-hint' }, 'From 5 seconds to 4 minutes (240).'),
    h('label', { class: 'check' }, speed, ' Faster answers score more'),
    kindsField,
    h('label', { for: 'room-group' }, 'Study group'), group,
    h('label', { class: 'check' }, review, ' Review round: only the questions the group missed, worst first'),
    h('small', { id: 'room-review-hint' }, 'For a group: it has as many questions as the group has missed, at most the number above.'),
    options.element,
    submit, message);
}

function warnings(list) {
  if (!list.length) return null;
  return h('section', { class: 'card warnings', 'aria-labelledby': 'warnings-title' },
    h('h2', { id: 'warnings-title' }, `⚠ ${plural(list.length, 'line')} could not become questions`),
    h('ul', { id: 'warnings' }, list.map((w) => h('li', {},
      h('span', { class: 'line-number' }, `Line ${w.line}`), ' ', h('q', { class: 'line-text' }, w.text), ` – ${w.reason}`))));
}

function preview(questions) {
  // The server sends keys to the deck's owner only, so anyone else previews the prompts and options.
  const withKeys = questions.some(hasKey);
  const topics = new Map();
  for (const q of questions) {
    const topic = q.topic || 'Other';
    if (!topics.has(topic)) topics.set(topic, []);
    topics.get(topic).push(q);
  }
  return h('section', { class: 'card preview', 'aria-labelledby': 'preview-title' },
    h('h2', { id: 'preview-title' }, 'Questions by topic'),
    withKeys ? null : h('p', { class: 'muted', id: 'keys-hidden' },
      'Answers are shown to the deck’s owner only, so nobody can look them up during a game. Practise to see them.'),
    [...topics].map(([topic, items]) => h('details', { class: 'topic', open: true },
      h('summary', {}, h('span', { class: 'topic-name' }, topic), ` (${items.length})`),
      h('ol', { class: 'question-list' }, items.map((q) => h('li', { class: 'preview-question', 'data-type': q.type },
        h('p', { class: 'prompt-text' }, q.prompt),
        previewAnswer(q, withKeys),
        withKeys ? sourceNote(q.explanation, q.source) : null))))));
}

/** Only the owner's copy of a question has its key (and the explanation and notes line with it). */
function hasKey(q) {
  return q.correct !== undefined || q.accepted !== undefined || q.pairs !== undefined || q.explanation !== undefined;
}

/** What a question is answered with, by its shape: the owner sees the answer in it, anyone else the question as served. */
function previewAnswer(q, withKeys) {
  if (Array.isArray(q.pairs)) {
    return [h('p', { class: 'preview-label' }, '✓ Matching pairs:'),
      h('ul', { class: 'preview-pairs' }, q.pairs.map((pair) => h('li', {}, pair.left, ' → ', pair.right)))];
  }
  if (Array.isArray(q.left) && Array.isArray(q.right)) {
    return [h('p', { class: 'preview-label' }, 'Match each term:'),
      h('ul', { class: 'preview-pairs' }, q.left.map((term) => h('li', {}, term))),
      h('p', { class: 'preview-label' }, 'with one of:'),
      h('ul', { class: 'preview-pairs' }, q.right.map((match) => h('li', {}, match)))];
  }
  if (Array.isArray(q.items)) {
    // The owner's items are in the right order; everyone else gets them shuffled, as a game serves them.
    return withKeys
      ? [h('p', { class: 'preview-label' }, '✓ In this order:'), h('ol', { class: 'preview-order' }, q.items.map((item) => h('li', {}, item)))]
      : [h('p', { class: 'preview-label' }, 'Put in order (shuffled):'), h('ul', { class: 'preview-order' }, q.items.map((item) => h('li', {}, item)))];
  }
  if (Array.isArray(q.options)) {
    const right = new Set(Array.isArray(q.correct) ? q.correct : [q.correct]);
    const choose = Array.isArray(q.correct) ? q.correct.length : q.choose;
    return [
      q.type === 'multiple_response' && choose ? h('p', { class: 'preview-label' }, `Choose ${choose}:`) : null,
      h('ol', { class: 'preview-options', type: 'A' }, q.options.map((o, i) => h('li', { class: right.has(i) ? 'right' : null },
        right.has(i) ? '✓ ' : '', o, right.has(i) ? ' (answer)' : '')))];
  }
  return q.accepted ? h('p', {}, '✓ Typed answer: ', q.accepted.join(' / ')) : h('p', {}, 'Typed answer');
}
