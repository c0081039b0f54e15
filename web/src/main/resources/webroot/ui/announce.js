// Screen-reader announcements through the page's two live regions (in index.html).

export function announce(text, { urgent = false } = {}) {
  const region = document.getElementById(urgent ? 'alert-region' : 'status-region');
  if (!region) return;
  // Clearing first makes a repeated sentence be read again.
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}
