// transfer.js: the progress page's actions on the whole progress document: export it as a file,
// import one (merged: the newest of each tick and answer wins), reset it.

const MAX_IMPORT_BYTES = 5_000_000;

function exportProgress() {
  const text = JSON.stringify(store.read(), null, 2);
  download(`playbooks-progress-${today()}.json`, "application/json", text);
}

async function importProgress(input) {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  const incoming = file.size < MAX_IMPORT_BYTES ? parseProgress(await file.text()) : null;
  showNotice("imported", Boolean(incoming));
  showNotice("import-failed", !incoming);
  if (incoming) store.update((doc) => mergeProgress(doc, incoming));
}

// Forgets every tick and answer once the reader confirms; false when they do not.
function resetProgress(button) {
  if (!confirmed(button)) return false;
  store.reset();
  hideNotices();
  return true;
}
