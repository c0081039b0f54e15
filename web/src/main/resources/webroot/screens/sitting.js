// One group sitting of a mock exam: when it starts and ends (by the server's clock), Start from the start time, the
// owner's live view of who has begun, how many questions each has answered and who has submitted (never an answer,
// asked for every 5 seconds), and once it has closed the group's results, the questions most missed and its board.
import { fill, h, plural } from '../dom.js';
import { request } from '../api.js';
import { announce } from '../ui/announce.js';
import { confirmButton, messageLine, signedIn } from '../ui/gate.js';
import { at, resultsView, shapeText, startPanel } from '../ui/sittings.js';

const OWNER_POLL_MS = 5_000;
const MEMBER_POLL_MS = 15_000;

export function mount(root, context) {
  const id = context.params[0];
  const body = h('div', { class: 'sitting' });
  root.append(body);
  let stop = () => {};
  signedIn(body, context, 'Sign in for this sitting', 'A group sitting is for the members of its group.', (session) => {
    const api = (method, path, payload) => request(method, path, { token: session.token, body: payload });
    let stopped = false;
    let poll = null;
    let owner = false;
    let shown = null;
    let resultsShown = false;
    const panel = h('div', { class: 'sitting-panel-slot' });
    const counts = h('p', { class: 'muted', id: 'sitting-counts' });
    const ownerTools = h('div', {});
    const live = h('section', { class: 'card', 'aria-labelledby': 'progress-title', hidden: true });
    const results = h('div', {});
    const status = messageLine('sitting-status');

    async function load() {
      let sitting;
      try {
        sitting = await api('GET', owner ? `/api/sittings/${id}/progress` : `/api/sittings/${id}`);
        if (shown === null && sitting.owner) {
          owner = true;
          sitting = await api('GET', `/api/sittings/${id}/progress`);
        }
      } catch (error) {
        if (stopped) return;
        if (shown !== null) {
          // A poll that fails (a lost connection) leaves the screen as it was; the next one catches up.
          status.say(`⚠ ${error.message}`);
          return;
        }
        fill(body, h('section', { class: 'card' }, h('h1', {}, 'Group sitting'),
          h('p', { class: 'message error' }, error.status === 404 ? 'There is no such sitting, or you are not in its group.' : error.message)));
        return;
      }
      if (stopped) return;
      status.say('');
      if (shown === null) layout(sitting);
      update(sitting);
    }

    function layout(sitting) {
      fill(body,
        h('section', { class: 'card', 'aria-labelledby': 'sitting-title' },
          h('p', { class: 'muted' }, h('a', { href: `/account/groups/${sitting.groupId}` }, sitting.groupName), ' › group sitting'),
          h('h1', { id: 'sitting-title' }, sitting.title),
          h('p', { id: 'sitting-shape' }, shapeText(sitting)),
          h('p', { id: 'sitting-times' }, `Starts ${at(sitting.startsAt)}; start by ${at(sitting.lateJoinUntil)}`
            + ` (${plural(sitting.lateJoinMinutes, 'minute')} after); ends for everyone at ${at(sitting.endsAt)}, so starting late leaves less time.`),
          panel, counts, ownerTools, status),
        live, results);
      poll = setInterval(load, owner ? OWNER_POLL_MS : MEMBER_POLL_MS);
    }

    function update(sitting) {
      const key = `${sitting.state}|${sitting.mine ? sitting.mine.state : ''}|${sitting.canStart}`;
      if (key !== shown) {
        shown = key;
        fill(panel, startPanel(sitting, { api, navigate: context.navigate, refresh: load }));
        fill(ownerTools, owner && sitting.state === 'scheduled'
          ? confirmButton({ id: 'cancel-sitting' }, 'Cancel the sitting', 'Press again to cancel it for everyone', async () => {
            try {
              await api('DELETE', `/api/sittings/${id}`);
              announce('The sitting is cancelled.');
              context.navigate(`/account/groups/${sitting.groupId}`, null, { replace: true });
            } catch (error) {
              status.say(error.message);
            }
          }) : null);
      }
      const c = sitting.counts;
      const text = sitting.state === 'scheduled' ? `${plural(c.members, 'member')} in the group.`
        : `${c.started} of ${plural(c.members, 'member')} began · ${c.submitted} submitted.`;
      if (counts.textContent !== text) counts.textContent = text;
      if (owner && sitting.members) showProgress(sitting);
      if (sitting.state === 'closed') {
        clearInterval(poll);
        if (!resultsShown) {
          resultsShown = true;
          showResults(sitting);
        }
      }
    }

    function showProgress(sitting) {
      const members = sitting.members;
      live.hidden = false;
      const word = (m) => m.state === 'not_started' ? 'Not started'
        : m.state === 'sitting' ? 'Sitting' : m.submittedBy === 'deadline' ? 'Time ran out' : 'Submitted';
      fill(live,
        h('h2', { id: 'progress-title' }, sitting.state === 'closed' ? 'Who sat it' : 'Live: who is sitting it'),
        h('p', { class: 'muted' }, sitting.state === 'closed' ? 'How far each member got.'
          : 'How many questions each member has answered, never which answers; it refreshes every 5 seconds.'),
        members.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'sitting-progress' },
          h('caption', { class: 'visually-hidden' }, 'Progress of each member'),
          h('thead', {}, h('tr', {}, ['Member', 'Now', 'Answered', 'Began', 'Submitted'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, members.map((m) => h('tr', { 'data-member': m.username, class: `progress-${m.state}` },
            h('th', { scope: 'row' }, m.username, m.inGroup ? '' : ' (left the group)'),
            h('td', { class: 'progress-state' }, word(m)),
            h('td', { class: 'progress-answered' },
              h('progress', { max: String(m.questionCount), value: String(m.answered), 'aria-hidden': 'true' }),
              ` ${m.answered} of ${m.questionCount}`),
            h('td', {}, m.startedAt ? at(m.startedAt) : '—'),
            h('td', {}, m.submittedAt ? at(m.submittedAt) : '—'))))))
          : h('p', { id: 'sitting-progress' }, 'Nobody else is in the group yet: share its invite.'));
    }

    async function showResults(sitting) {
      try {
        const [found, board] = await Promise.all([
          api('GET', `/api/sittings/${id}/results`),
          api('GET', `/api/groups/${sitting.groupId}/leaderboard?sitting=${id}`)]);
        if (stopped) return;
        fill(results, resultsView(found, board));
        announce('The sitting has closed: the results are in.');
      } catch (error) {
        resultsShown = false;
        status.say(error.message);
      }
    }

    stop = () => {
      stopped = true;
      clearInterval(poll);
    };
    load();
  });
  return () => stop();
}
