// clock.js: the time. When a change is made (saved with it: ISO 8601, UTC), and the stamp of a
// file's name: the local date and time, and a short random part ("2026-11-27-0915-k3x9").
//
// gives: now, stamp

const now = () => new Date().toISOString();

function stamp() {
  const local = new Date(Date.now() - new Date().getTimezoneOffset() * 6e4).toISOString();
  return `${local.slice(0, 10)}-${local.slice(11, 16).replace(":", "")}-${Math.random().toString(36).slice(2, 6)}`;
}
