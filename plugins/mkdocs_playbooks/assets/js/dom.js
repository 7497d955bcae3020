// dom.js: page helpers. Find elements, build elements and SVG from text (strings become text
// nodes, never HTML), download a file, show or hide notices, tell the site what happened, ask.
// The script finds the plugin's elements by their `data-pb-*` attributes only: the plugin renames
// any that an author writes, whereas authors may write any class or id.
//
// uses words.js: fill
// gives: $, $$, make, showNotice, hideNotices, download, emit, confirmed

const SVG_TAGS = new Set(["svg", "polygon", "line", "text", "tspan", "title"]);

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

function make(tag, attributes = {}, ...children) {
  const node = SVG_TAGS.has(tag) ? document.createElementNS("http://www.w3.org/2000/svg", tag)
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// A notice with a `data-pb-template` is shown with its "{placeholders}" filled from `values`.
function showNotice(name, visible = true, values = null) {
  for (const notice of $$(`[data-pb-notice="${name}"]`)) {
    notice.hidden = !visible;
    if (values && notice.dataset.pbTemplate) notice.textContent = fill(notice.dataset.pbTemplate, values);
  }
}

function hideNotices() {
  for (const notice of $$("[data-pb-notice]")) notice.hidden = true;
}

function download(name, type, text) {
  const link = make("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

// A `playbooks:<name>` event on the document, for the site's own scripts (see the guide). Its
// `detail` is what `detail()` gives when a listener reads it: made only if a site listens (a
// result document costs an answer more than all it draws, and most sites never listen).
const emit = (name, detail) => document.dispatchEvent(
  Object.defineProperty(new CustomEvent(`playbooks:${name}`), "detail", { get: detail }));

const confirmed = (button) => window.confirm(button.dataset.pbConfirm);
