// storage.js: the only code that touches localStorage. One progress document per site scope.
// Other tabs write it too, each from its own copy, which may lag behind: so this tab keeps what it
// holds (`known`), merges it into what is stored before each write (the newest of each entry
// wins), and on another tab's write merges it again and writes it back when that write lost some.
// When storage cannot be used (blocked, full, or holding a document this version cannot read,
// which is left untouched), changes live in this page only and `problem()` names the notice.
// A reader's answer is written once the page has shown it (its results drawn first: the write does
// not hold the answer back), and at once if the page is hidden or left before that.
//
// uses dom.js: showNotice
// uses progress-doc.js: emptyProgress, parseProgress, mergeProgress
// gives: store

const store = (() => {
  // Globals that page content can shadow (an element with id="__md_scope" where Material's inline
  // script is blocked; an <img name="currentScript">) are trusted only when they are what they say.
  const script = document.currentScript; // only known while this script first runs
  const scope = typeof __md_scope !== "undefined" && __md_scope instanceof URL
    ? __md_scope // Material's scope: one key per site, as Material's own settings
    : new URL("../..", script instanceof HTMLScriptElement ? script.src : location.href);
  const key = `${scope.pathname}.mkdocs-playbooks`;
  let known = emptyProgress();
  let problem = null; // "unavailable" or "unreadable"
  let lost = false; // whether the last read found stored less than this tab holds
  let same = null; // the stored text that `known` holds as it is: read again, it is not parsed
  let pending = 0; // a write put off (its frame), which `known` holds and storage not yet

  function read() {
    if (problem) return known;
    let text;
    try {
      text = localStorage.getItem(key);
    } catch {
      problem = "unavailable";
      return known;
    }
    if (text === same) { // as this tab wrote it (or nothing stored, as when this tab began)
      lost = false;
      return known;
    }
    if (text === null) known = emptyProgress(); // erased (here or in another tab)
    const doc = text === null ? emptyProgress() : parseProgress(text);
    if (!doc) {
      problem = "unreadable";
      return known;
    }
    lost = Object.values(mergeProgress(doc, known)).some(Boolean);
    same = lost ? null : text;
    return (known = doc);
  }

  function write() {
    pending = 0; // a write put off is this one: its timer finds nothing to do
    try {
      const text = JSON.stringify(known);
      localStorage.setItem(key, text);
      same = text;
      return true;
    } catch {
      problem = "unavailable";
      return false;
    }
  }

  // Applies `change` to the document and saves it; false when it lives in this page only. `soon`:
  // saved in a task of its own after the next frame is drawn, or as the page is hidden or left.
  function update(change, soon) {
    change(read());
    if (soon) pending ||= window.requestAnimationFrame(() => setTimeout(flush));
    return !problem && (soon || write());
  }

  // The write put off, done; a refused one says so (nothing else draws again to show it).
  const flush = () => pending && !problem && !write() && showNotice(problem);
  window.addEventListener("pagehide", flush);
  window.addEventListener("visibilitychange", flush); // a phone's tab put away may never be shown again

  function reset() {
    pending = 0; // erased: no write of the old document after it
    known = emptyProgress();
    same = null;
    try {
      localStorage.removeItem(key);
      problem = null;
    } catch {
      problem = "unavailable";
    }
  }

  // Whether a `storage` event (another tab) concerns this document; if that tab wrote over changes
  // of this one, they are written back. An unreadable document is read anew.
  function changedElsewhere(eventKey) {
    if (eventKey !== key && eventKey !== null) return false;
    if (problem === "unreadable") problem = null;
    read();
    if (lost && !problem) write();
    return true;
  }

  return { read, update, reset, changedElsewhere, problem: () => problem };
})();
