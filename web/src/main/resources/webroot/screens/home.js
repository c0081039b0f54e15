// The landing page: join a game with a code, or host one from your notes.
import { h } from '../dom.js';
import { joinForm } from './join.js';

export function mount(root, { navigate }) {
  root.append(
    h('section', { class: 'hero', 'aria-labelledby': 'hero-title' },
      h('h1', { id: 'hero-title' }, 'Turn your study notes into a live quiz.'),
      h('p', {}, 'Paste your notes, get fair exam questions, and play timed rounds with your study group from any phone. ',
        'Quizhall runs on your own server and remembers what your group keeps missing.')),
    h('section', { class: 'card', 'aria-labelledby': 'join-title' },
      h('h2', { id: 'join-title' }, 'Join a game'),
      joinForm(navigate, '')),
    h('section', { class: 'card', 'aria-labelledby': 'host-title' },
      h('h2', { id: 'host-title' }, 'Host a quiz'),
      h('p', {}, 'Turn your notes into questions and open a room for your group.'),
      h('a', { class: 'button primary', href: '/host' }, 'Host a quiz')),
    h('section', { class: 'card', 'aria-labelledby': 'groups-home-title' },
      h('h2', { id: 'groups-home-title' }, 'Study together'),
      h('p', {}, 'Make a study group, share decks, set assignments and see who is ahead this week.'),
      h('p', {}, h('a', { href: '/account/groups', id: 'home-groups' }, 'Your study groups'), ' · ',
        h('a', { href: '/account/record' }, 'My record'))));
}
