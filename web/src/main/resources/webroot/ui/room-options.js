// The options of a new live room that the deck page and the group page share: how it moves on, the 3-2-1, who may sit.
// Each field is named as POST /api/rooms names it (docs/protocol.md, "Opening a room"), so a refusal from the API,
// whose message starts with the field's name, puts the focus back on the field at fault.
import { h } from '../dom.js';

const MAX_AUTO_ADVANCE = 60;

/** `prefix` keeps ids apart when two forms are on a page. */
export function roomOptions(prefix) {
  const autoAdvance = h('input', { id: `${prefix}-auto-advance`, type: 'number', min: 0, max: MAX_AUTO_ADVANCE, step: 1, value: '0',
    'aria-describedby': `${prefix}-auto-advance-hint` });
  const leadIn = h('input', { id: `${prefix}-lead-in`, type: 'checkbox', checked: true });
  const guests = h('input', { id: `${prefix}-guests`, type: 'checkbox', checked: true });
  const seats = h('input', { id: `${prefix}-seats`, type: 'number', min: 1, step: 1, value: '60', 'aria-describedby': `${prefix}-seats-hint` });
  const element = h('details', { class: 'room-options', id: `${prefix}-options` },
    h('summary', {}, 'More options'),
    h('label', { for: `${prefix}-auto-advance` }, 'Move on by itself after (seconds)'), autoAdvance,
    h('small', { id: `${prefix}-auto-advance-hint` }, `0: you move the room on. 1 to ${MAX_AUTO_ADVANCE}: the answer and the leaderboard stay that long, then the next question comes.`),
    h('label', { class: 'check' }, leadIn, ' Count 3-2-1 before the first question (the question’s time starts after it)'),
    h('label', { class: 'check' }, guests, ' Guests may join (untick: signed-in players only)'),
    h('label', { for: `${prefix}-seats` }, 'Seats one network address may take'), seats,
    h('small', { id: `${prefix}-seats-hint` }, 'A class behind one school router shares one address: raise it for a bigger class.'));
  const inputs = { autoAdvance, seatsPerAddress: seats, leadIn, guestsAllowed: guests };
  return {
    element,
    inputs,
    /** The fields for the request, or {error, input} for the first one that will not do. */
    read() {
      const seconds = Number(autoAdvance.value);
      if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_AUTO_ADVANCE) {
        return { error: `Moving on by itself takes 0 to ${MAX_AUTO_ADVANCE} seconds (0: you move the room on).`, input: autoAdvance };
      }
      const perAddress = Number(seats.value);
      if (!Number.isInteger(perAddress) || perAddress < 1) return { error: 'Seats per address is a whole number, 1 or more.', input: seats };
      return { fields: { autoAdvance: seconds, leadIn: leadIn.checked, guestsAllowed: guests.checked, seatsPerAddress: perAddress } };
    },
  };
}

/**
 * Shows a refusal of POST /api/rooms in `message` (a messageLine) and focuses the field it names, opening the options
 * when the field is inside them. `fields` maps API field names to inputs.
 */
export function showRoomError(error, message, fields, options) {
  message.say(error.message);
  const field = error.code === 'invalid_field' ? Object.keys(fields).find((name) => error.message.startsWith(name)) : null;
  if (!field) return;
  if (options && options.element.contains(fields[field])) options.element.open = true;
  fields[field].focus();
}

/** The round note of an opened room or a welcome (docs/protocol.md): "Review round: … (why it is shorter)". */
export function roundText(round) {
  if (!round) return '';
  return round.why ? `${round.title} – ${round.why}.` : `${round.title}.`;
}
