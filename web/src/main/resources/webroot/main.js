// The app shell: picks a screen from location.pathname and swaps it in without reloading the page.
import { currentSession, signOut } from './session.js';
import * as home from './screens/home.js';
import * as join from './screens/join.js';
import * as play from './screens/play.js';
import * as account from './screens/account.js';
import * as host from './screens/host.js';
import * as deck from './screens/deck.js';
import * as hostConsole from './screens/console.js';
import * as results from './screens/results.js';
import * as groups from './screens/groups.js';
import * as group from './screens/group.js';
import * as groupInvite from './screens/group-invite.js';
import * as assignment from './screens/assignment.js';
import * as practice from './screens/practice.js';
import * as record from './screens/record.js';
import * as exams from './screens/exams.js';
import * as exam from './screens/exam.js';
import * as attempt from './screens/attempt.js';
import * as sitting from './screens/sitting.js';
import * as readiness from './screens/readiness.js';

const ROUTES = [
  [/^\/$/, home],
  [/^\/join\/group\/([A-Za-z0-9]+)\/?$/, groupInvite],
  [/^\/join(?:\/([A-Za-z0-9]+))?\/?$/, join],
  [/^\/play\/([A-Za-z0-9]+)\/?$/, play],
  [/^\/account\/?$/, account],
  [/^\/account\/groups\/?$/, groups],
  [/^\/account\/groups\/([0-9a-f-]+)\/?$/, group],
  [/^\/account\/assignments\/([0-9a-f-]+)\/?$/, assignment],
  [/^\/account\/record\/?$/, record],
  [/^\/account\/exams\/?$/, exams],
  [/^\/account\/exams\/([0-9a-f-]+)\/?$/, exam],
  [/^\/account\/attempts\/([0-9a-f-]+)\/?$/, attempt],
  [/^\/account\/sittings\/([0-9a-f-]+)\/?$/, sitting],
  [/^\/host\/?$/, host],
  [/^\/decks\/([0-9a-f-]+)\/?$/, deck],
  [/^\/decks\/([0-9a-f-]+)\/practice\/?$/, practice],
  [/^\/decks\/([0-9a-f-]+)\/readiness\/?$/, readiness],
  [/^\/host\/([A-Za-z0-9]+)\/?$/, hostConsole],
  [/^\/results\/([0-9a-f-]+)\/?$/, results],
];

const app = document.getElementById('app');
let leave = null;

/** Shows the screen for a path. `handoff` passes live objects (an open socket) from one screen to the next. */
export function navigate(path, handoff = null, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render(handoff);
}

function render(handoff = null) {
  if (leave) leave();
  leave = null;
  app.replaceChildren();
  const path = location.pathname;
  for (const [pattern, screen] of ROUTES) {
    const match = pattern.exec(path);
    if (match) {
      leave = screen.mount(app, { params: match.slice(1), navigate, handoff, refreshHeader }) || null;
      return;
    }
  }
  home.mount(app, { params: [], navigate, refreshHeader });
}

export function refreshHeader() {
  const session = currentSession();
  document.getElementById('signed-in').hidden = !session;
  document.getElementById('signed-in-name').textContent = session ? session.username : '';
}

// Same-origin links move between screens in place, so a live game's socket is closed on purpose, not by a page unload.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || link.hasAttribute('download') || !ROUTES.some(([p]) => p.test(url.pathname))) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', () => render());
document.getElementById('sign-out').addEventListener('click', async () => {
  await signOut();
  refreshHeader();
  navigate('/');
});

// On a phone a table's rows reflow into cards (app.css), each cell labelled with its column's heading.
function labelCells(table) {
  const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.children].forEach((cell, i) => { if (headings[i]) cell.dataset.label = headings[i]; });
  }
}
new MutationObserver(() => app.querySelectorAll('table.table:not(.gradebook)').forEach(labelCells))
  .observe(app, { childList: true, subtree: true });

refreshHeader();
render();
