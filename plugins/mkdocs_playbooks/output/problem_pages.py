"""Under `mkdocs serve`, the errors of a playbook shown in its page, where its author looks.

A file that cannot be read still gets a page at its address, holding its located messages and,
below them, the last version of the page that built; a file that has not built since the server
started gets a page that says so, with its messages and nothing else (no page to show). A page
whose file has errors but still renders gets the messages on top. Everything here is escaped:
messages quote the author's input.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Iterable, Mapping

from ..core.model import is_slug
from ..core.problems import Problem, printable, shown_name
from ..core.site import BrokenFile, Site
from .i18n import Strings
from .pages import MarkdownPage
from .pages.markup import front_matter, held
from .pages.urls import assessment_uri, playbook_uri


def problems_block(problems: Iterable[Problem], t: Strings,
                   explanation: str = "problems.explanation") -> str:
    """The messages as an alert block, each `PATH:LINE:COL` in code, escaped and held (they
    quote the author's input: see `markup.held`); `explanation` is the key of the words under
    them."""
    title, explanation = t("problems.title"), t(explanation)
    items = "".join(
        f"<li><code>{html.escape(shown_name(p.path))}:{p.line}:{p.column}</code> "
        f"{html.escape(p.severity.value)}: {html.escape(printable(p.message))}"
        + (f" <em>({html.escape(printable(p.hint))})</em>" if p.hint else "") + "</li>"
        for p in problems)
    return held(f'<div class="pb-problems admonition failure" role="alert">'
                f'<p class="admonition-title">{html.escape(title)}</p>'
                f"<ul>{items}</ul><p>{html.escape(explanation)}</p></div>") + "\n\n"


def with_problems(markdown: str, block: str) -> str:
    """`markdown` with `block` first, after its front matter."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end >= 0:
            return markdown[:end + 5] + "\n" + block + markdown[end + 5:]
    return block + markdown


def _uri_of(broken: BrokenFile, document_id: str) -> str:
    return assessment_uri(document_id) if broken.kind == "assessment" \
        else playbook_uri(document_id)


def pages_with_problems(
    site: Site, pages: list[MarkdownPage], last_built: Mapping[str, str], t: Strings
) -> list[MarkdownPage]:
    """`pages`, each with the errors of its file on top, plus a page for each file that could not
    be read, showing its errors and the page as it last built (`last_built`, by URI)."""
    by_path: dict[str, list[Problem]] = {}
    for problem in site.problems:
        if problem.is_error:
            by_path.setdefault(problem.path, []).append(problem)
    shown = {uri: path for path, uri in _sources(site).items()}
    result = [dataclasses.replace(page, markdown=with_problems(
                  page.markdown, problems_block(by_path[shown[page.uri]], t)))
              if shown.get(page.uri) in by_path else page
              for page in pages]
    taken = {page.uri for page in pages}
    for document_id, broken in site.broken.items():
        uri = _uri_of(broken, document_id)
        if uri in taken or not is_slug(document_id):
            continue
        problems = by_path.get(broken.path, [])
        before = last_built.get(uri)
        if before is not None:
            result.append(MarkdownPage(uri, document_id,
                                       with_problems(before, problems_block(problems, t)), None))
        else:
            result.append(_never_built(uri, broken, problems, t))
    return result


def _never_built(uri: str, broken: BrokenFile, problems: list[Problem], t: Strings,
                 ) -> MarkdownPage:
    """The page of a file that has not built since the server started: its errors, and what
    brings its page; no heading that would pass for the page's title."""
    title = t("problems.never_built_title", path=shown_name(broken.path))
    markdown = (front_matter(title, []) + problems_block(problems, t, "problems.never_built"))
    return MarkdownPage(uri, title, markdown, None)


def _sources(site: Site) -> dict[str, str]:
    """The shown path of each document's file → the URI of its page."""
    found = {entry.loaded.path: playbook_uri(entry.id) for entry in site.playbooks.values()}
    found |= {entry.loaded.path: assessment_uri(entry.id)
              for entry in site.assessments.values()}
    return found
