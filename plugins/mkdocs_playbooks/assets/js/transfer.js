// transfer.js: the progress page's actions on the whole progress document: export it as a file,
// import one (a progress or a result export, merged: the newest of each tick and answer wins), reset it.
//
// uses dom.js: download, showNotice, hideNotices, confirmed
// uses clock.js: stamp
// uses progress-doc.js: parseProgress, parseImport, mergeProgress, importNotice
// uses storage.js: store
// gives: exportProgress, importProgress, resetProgress

const MAX_IMPORT_BYTES = 5_000_000;

function exportProgress() {
  const text = JSON.stringify(store.read(), null, 2);
  download(`playbooks-progress-${stamp()}.json`, "application/json", text);
}

// The notice that says what an import did, and the numbers it shows.
async function importOutcome(file) {
  if (file.size > MAX_IMPORT_BYTES) return ["import-too-big"];
  let text = "";
  try {
    text = await file.text();
  } catch {} // unreadable file: as a file that is not an export
  const [incoming, refused] = parseImport(text);
  if (!incoming) return [refused];
  // What it would take, counted on a copy: written only if anything.
  const taken = mergeProgress(parseProgress(JSON.stringify(store.read())), incoming);
  return importNotice(taken, () => store.update((doc) => mergeProgress(doc, incoming)));
}

async function importProgress(input) {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  hideNotices(); // those of storage come back with the page drawn anew
  const [name, counts] = await importOutcome(file);
  showNotice(name, true, counts);
}

// Forgets every tick and answer once the reader confirms; false when they do not.
function resetProgress(button) {
  if (!confirmed(button)) return false;
  store.reset();
  hideNotices();
  return true;
}
