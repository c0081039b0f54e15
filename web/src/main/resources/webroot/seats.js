// What a tab needs to come back after a reload: a player's seat or a host's console, in sessionStorage
// so that each tab (each phone, each projector window) keeps its own.

const PLAYER = 'quizhall.seat';
const HOST = 'quizhall.host';

function read(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key));
  } catch {
    return null;
  }
}

function write(key, value) {
  if (value) sessionStorage.setItem(key, JSON.stringify(value));
  else sessionStorage.removeItem(key);
}

/** {code, resumeToken, nickname, gameId?} */
export const playerSeat = (code) => {
  const seat = read(PLAYER);
  return seat && (!code || seat.code === code.toUpperCase()) ? seat : null;
};
export const savePlayerSeat = (seat) => write(PLAYER, seat);
export const forgetPlayerSeat = () => write(PLAYER, null);

/** {code, hostToken, gameId} */
export const hostSeat = (code) => {
  const seat = read(HOST);
  return seat && (!code || seat.code === code.toUpperCase()) ? seat : null;
};
export const saveHostSeat = (seat) => write(HOST, seat);
export const forgetHostSeat = () => write(HOST, null);
