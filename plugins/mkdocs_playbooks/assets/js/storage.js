// storage.js: the only code that touches localStorage. One progress document per site scope,
// re-read before each change so other tabs' changes are kept; when storage cannot be used
// (blocked, full, or holding a document this version cannot read, which is left untouched),
// changes live in this page only and `problem()` names the notice to show.

const store = (() => {
  const script = document.currentScript; // only known while this script first runs
  const scope = typeof __md_scope !== "undefined"
    ? __md_scope // Material's scope: one key per site, as Material's own settings
    : new URL("../..", script ? script.src : location.href);
  const key = `${scope.pathname}.mkdocs-playbooks`;
  let memory = null; // used instead of storage when storage cannot be used
  let problem = null; // "unavailable" or "unreadable"

  function read() {
    if (memory) return memory;
    let text;
    try {
      text = localStorage.getItem(key);
    } catch {
      problem = "unavailable";
      return (memory = emptyProgress());
    }
    const doc = text === null ? emptyProgress() : parseProgress(text);
    if (doc) return doc;
    problem = "unreadable";
    return (memory = emptyProgress());
  }

  function update(change) {
    const doc = read();
    change(doc);
    if (memory) return;
    try {
      localStorage.setItem(key, JSON.stringify(doc));
    } catch {
      problem = "unavailable";
      memory = doc;
    }
  }

  function reset() {
    try {
      localStorage.removeItem(key);
      memory = null;
      problem = null;
    } catch {
      memory = emptyProgress();
    }
  }

  // Whether a `storage` event (another tab) concerns this document; an unreadable one is read anew.
  function changedElsewhere(eventKey) {
    if (eventKey !== key && eventKey !== null) return false;
    if (problem === "unreadable") {
      memory = null;
      problem = null;
    }
    return true;
  }

  return { read, update, reset, changedElsewhere, problem: () => problem };
})();
