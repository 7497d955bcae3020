"""Markdown and HTML pieces shared by every page kind, with the escaping each place needs.

Plain-text fields are escaped; Markdown fields are passed through for the engine to render once.
"""

from __future__ import annotations

import datetime
import html
import posixpath
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ...core.cache import text_kind
from ...core.model import Assessment, Link, Playbook
from ...core.settings import PageSettings
from ...core.site import DocumentView, Site
from ..i18n import Strings, direction, language_name, strings_for
from .urls import relative_link

E = TypeVar("E")

PAGES = text_kind("markdown", in_memory=True)
"""Pages' Markdown in the cache (signed: it is published as is), kept in memory by `mkdocs
serve` too."""

Words = Callable[..., str]
"""A language's string table: `t("play.why")`, `t("progress.of", title=…)`."""


HELD_START, HELD_END = "\x02", "\x03"
"""Around every text the plugin did not write itself (and the words it writes, which a site may
override): control characters that the loader refuses in playbooks, so that no author can write
them. While other plugins read a page's Markdown, the MkDocs plugin takes out what they hold
(`engines/neighbours.py`): a playbook's text is data for every neighbour, never a template, an
include or code to run. Python-Markdown drops both characters from what it renders."""


def held(text: str) -> str:
    """`text` marked as data that no other plugin may read (see `HELD_START`)."""
    return HELD_START + unheld(text) + HELD_END


def unheld(text: str) -> str:
    """`text` without the marks of `held`: a page's Markdown as any engine reads it."""
    return text.replace(HELD_START, "").replace(HELD_END, "")


def esc(text: object) -> str:
    """`text` escaped for HTML, quotes included (for attributes); held (see `held`)."""
    return held(html.escape(str(text), quote=True))


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}#|])")


def plain(text: str) -> str:
    """Plain text made safe to place in Markdown: no markup, no HTML; held (see `held`)."""
    return held(_MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False)))


_PLUGIN_ATTRIBUTE = re.compile("data-pb-", re.IGNORECASE)


def authored(markdown: str) -> str:
    """An author's Markdown, unable to pose as the plugin's own controls; held (see `held`).

    The script acts only on elements with `data-pb-*` attributes; any that an author writes, in
    raw HTML or in an attribute list `{: … }`, is renamed `data-author-pb-*` and means nothing.
    """
    return held(_PLUGIN_ATTRIBUTE.sub("data-author-pb-", markdown).strip())


def inline(text: str) -> str:
    """An author's inline Markdown, kept on one line so it stays inside its HTML element."""
    return " ".join(authored(text).split())


def block(css_class: str, markdown: str, label: str = "") -> str:
    """An author's Markdown in a `div` of `css_class`, with an optional bold label first."""
    heading = f'<p class="pb-label">{esc(label)}</p>\n\n' if label else ""
    return f'<div class="{css_class}" markdown>\n{heading}{authored(markdown)}\n\n</div>\n'


def heading(level: int, text: str, anchor: str) -> str:
    """A Markdown heading of plain `text` with a fixed `anchor` (`{: #id }`: `{#` would open a
    comment for Jinja, which some neighbour plugins run on every page)."""
    return f"\n{'#' * level} {plain(text)} {{: #{anchor} }}\n\n"


def front_matter(title: str | None = None, tags: list[str] | None = None, *,
                 search_exclude: bool = False) -> str:
    """The front matter of every generated page: its title and tags, HTML-escaped (themes print
    them as they are; `{` too, see `title_text`), and `render_macros: false`, which tells
    mkdocs-macros to leave the page alone whatever its settings. MkDocs reads the front matter
    before any plugin: nothing in it is held."""
    lines = [f"title: {_yaml_string(title_text(title))}"] if title is not None else []
    if tags:
        lines += ["tags:", *(f"  - {_yaml_string(title_text(tag))}" for tag in tags)]
    if search_exclude:
        lines += ["search:", "  exclude: true"]
    lines.append("render_macros: false")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def title_text(text: str) -> str:
    """A title as themes print it (HTML), with `{` as a character reference: plugins that render
    page titles as Jinja whatever the page says (markdownextradata) find no delimiter in it."""
    return html.escape(text).replace("{", "&#123;")


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lang_attributes(lang: str, page_language: str) -> str:
    """The attributes that mark an element written in `lang` inside a page in `page_language`:
    its `lang` (for screen readers, hyphenation, spelling), and its `dir` when the direction
    differs; nothing when the languages are the same."""
    if lang == page_language:
        return ""
    written = direction(lang)
    turned = f' dir="{written}"' if written != direction(page_language) else ""
    return f' lang="{html.escape(lang)}"{turned}'  # HTML as well as Markdown: not held


def in_language(body: str, lang: str, page_language: str) -> str:
    """Markdown written in `lang` inside a page in `page_language`, marked as such. When the
    direction differs, the content is also an `.md-typeset` of its own: Material's
    right-to-left rules (`[dir=rtl] .md-typeset …`) need `dir` on an ancestor of it."""
    attributes = lang_attributes(lang, page_language)
    if not attributes:
        return body
    if "dir=" in attributes:
        body = f'<div class="md-typeset" markdown>\n\n{body}\n</div>\n'
    return f'<div{attributes} markdown>\n\n{body}\n</div>\n'


def in_language_html(content: str, lang: str, page_language: str) -> str:
    """`in_language` for HTML: a page's content written in `lang`, marked as such."""
    attributes = lang_attributes(lang, page_language)
    if not attributes:
        return content
    if "dir=" in attributes:
        content = f'<div class="md-typeset">{content}</div>'
    return f"<div{attributes}>{content}</div>"


def untranslated(t: Strings, lang: str) -> str:
    """A note, in the page's language (`t`), that the page shows a text written in `lang`
    because it has no version in the page's language (HTML)."""
    text = t("languages.untranslated", language=t.language_name(t.language),
             original=t.language_name(lang))
    return f'<p class="pb-untranslated" role="note">{html.escape(text)}</p>'  # HTML too: not held


def untranslated_note(settings: PageSettings, lang: str) -> str:
    """On a site built by language, the note on a page of one language that shows a document
    written in another (it has no version in the build's language); else nothing."""
    if not settings.build_language or lang == settings.build_language:
        return ""
    return untranslated(strings_for(settings), lang) + "\n\n"


def links_list(links: list[Link]) -> str:
    """A Markdown list of links (or titles, for sources without an address)."""
    return "".join(
        f"- [{plain(link.title)}](<{held(link.url)}>)\n" if link.url
        else f"- {plain(link.title)}\n"
        for link in links
    )


def sources(document: Playbook | Assessment, t: Words) -> str:
    """The document's sources as a section; nothing when it has none."""
    if not document.sources:
        return ""
    return heading(2, t("playbook.sources"), "pb-sources") + links_list(document.sources)


def progress_bar(
    label: str, playbook_id: str, items: list[str], of: str, play_id: str = ""
) -> str:
    """A bar the script fills from the reader's saved ticks; hidden until it does."""
    if not items:
        return ""
    play = f' data-pb-play="{play_id}"' if play_id else ""
    return (
        f'<div class="pb-progress" role="progressbar" aria-label="{esc(label)}" '
        f'aria-valuemin="0" aria-valuemax="{len(items)}" aria-valuenow="0" '
        f'data-pb-progress="{playbook_id}" data-pb-progress-of="{of}"{play} '
        f'data-pb-items="{" ".join(items)}" hidden>'
        f'<span class="pb-progress-text" data-pb-count>0 / {len(items)}</span></div>\n\n'
    )


def print_choice(label: str) -> str:
    """A box the reader ticks to print their own state (ticks and progress, answers and
    results); unticked, the print is a clean handout. Not saved: every page starts unticked."""
    return (f'<p class="pb-print-choice" data-pb-needs-script hidden>'
            '<input type="checkbox" id="pb-print-mine" data-pb-print-mine> '
            f'<label for="pb-print-mine">{esc(label)}</label></p>')


def progress_link(t: Words, link: str) -> str:
    """A link to the reader's progress page, shown once the script runs."""
    return (f'<p class="pb-progress-link" data-pb-needs-script hidden markdown="span">'
            f"[{plain(t('progress.link'))}]({link})</p>\n\n")


NOTICES = ("unavailable", "unreadable", "import_failed", "import_csv", "import_too_big",
           "import_nothing", "imported", "import_unsaved", "reset")

_COUNTS = {name: "{" + name + "}" for name in ("ticks", "answers", "attempts", "round")}
"""The placeholders of notices the script fills (`notice.imported`), left for it in the page."""


def notices(t: Words, names: tuple[str, ...] = NOTICES[:2]) -> str:
    """Messages the script shows when saving is impossible or data cannot be read."""
    lines = "".join(_notice(t, name) for name in names)
    return (f'<div class="pb-notices">{lines}</div>\n'
            f'<div class="pb-live pb-visually-hidden" aria-live="polite" data-pb-live></div>\n\n')


def _notice(t: Words, name: str) -> str:
    """A notice; one with placeholders is a template in `data-pb-template`, filled when shown."""
    text = esc(t(f"notice.{name}", **_COUNTS))
    start = f'<p class="pb-notice" role="status" data-pb-notice="{name.replace("_", "-")}"'
    if "{" in text:
        return f'{start} data-pb-template="{text}" hidden></p>'
    return f"{start} hidden>{text}</p>"


def facts(document: Playbook | Assessment, t: Strings, review_due: datetime.date | None) -> str:
    """Owner, last review, audience; and a notice when a review is due (since `review_due`)."""
    rows: list[tuple[str, str]] = []
    if document.owner:
        rows.append((t("playbook.owner"), esc(document.owner)))
    if document.reviewed:
        day = document.reviewed
        rows.append((t("playbook.reviewed"),
                     f'<time datetime="{day.isoformat()}">{esc(t.date(day))}</time>'))
    if isinstance(document, Playbook) and document.audience:
        rows.append((t("playbook.audience"), esc(", ".join(document.audience))))
    cells = "".join(f"<dt>{esc(name)}</dt><dd>{value}</dd>" for name, value in rows)
    text = f'<dl class="pb-facts">{cells}</dl>\n\n' if rows else ""
    if review_due is not None:
        notice = esc(t("playbook.review_due", date=t.date(review_due)))
        text += f'<p class="pb-review-due" role="note">{notice}</p>\n\n'
    return text


def item_ids(playbook: Playbook, phase_id: str | None = None) -> list[str]:
    """The checklist item ids of a playbook, or of one of its phases."""
    return [item.id for phase in playbook.phases if phase_id in (None, phase.phase)
            for play in phase.plays for item in play.checklist]


def page_id(site: Site, settings: PageSettings, entry_id: str) -> str:
    """The id in the address of a document's page: its own, or in a build of one language of
    several (mkdocs-static-i18n) its original's, which each language's version takes in turn."""
    return site.original_id(entry_id) if settings.build_language else entry_id


def view_page_id(view: DocumentView[Any], settings: PageSettings) -> str:
    """`page_id` of the document of `view`."""
    return view.original_id if settings.build_language else view.id


def listed(site: Site, settings: PageSettings, entries: Mapping[str, E]) -> list[E]:
    """The documents a listing shows: each original once, as its version in the page's
    language when there is one (a translation is not another playbook to follow)."""
    return [entries[site.version_in(entry_id, settings.page_language)]
            for entry_id in entries if not site.is_translation(entry_id)]


def link_id(site: Site, settings: PageSettings, entry_id: str, language: str) -> str:
    """The id of the page a link to a document leads to from a page in `language`: the version
    in that language when there is one, else the original."""
    if settings.build_language:
        return site.original_id(entry_id)
    return site.version_in(entry_id, language)


def language_switch(settings: PageSettings, view: DocumentView[Any] | None, here: str,
                    uri: Callable[[str], str]) -> str:
    """Links to the versions of a document in other languages (`view` None: of a listing page,
    which every language has): to their pages on a site in one language, to the same address in
    the other languages' folders on a site built by language, unless the theme's header has a
    language selector there (`PageSettings.language_selector`)."""
    if settings.build_language and settings.language_selector:
        return ""
    if settings.build_language:
        # Raw links (MkDocs checks Markdown links against this build's pages only); a target
        # keeps Material's instant navigation, which would keep this page's header, off them.
        current = settings.build_language
        languages = ([lang for lang, _ in view.versions] if view is not None
                     else settings.built_languages)
        links = ", ".join(
            f'<a href="{esc(_across(settings, here, lang))}" target="_self" '
            f'hreflang="{esc(lang)}" lang="{esc(lang)}">{esc(language_name(lang))}</a>'
            for lang in languages if lang in settings.built_languages and lang != current)
    elif view is not None:
        current = view.language
        links = ", ".join(
            f"[{plain(language_name(lang))}]({relative_link(here, uri(other))})"
            f'{{: hreflang="{esc(lang)}" lang="{esc(lang)}" }}'
            for lang, other in view.versions if other != view.id)
    else:
        return ""
    if not links:
        return ""
    label = esc(strings_for(settings, current)("languages.label"))
    return (f'<p class="pb-languages" data-pb-languages markdown="span">'
            f"{label} {links}</p>\n\n")


def _across(settings: PageSettings, here: str, language: str) -> str:
    """The address of the page `here` in another language's build, from this build's: as a
    file (`…/index.html`), which serves from disk and from a server, with any URL style."""
    build_language = settings.build_language or settings.language
    start = posixpath.dirname(settings.language_folder(build_language) + here)
    target = settings.language_folder(language) + posixpath.splitext(here)[0] + ".html"
    return posixpath.relpath(target, start)


_ARTICLE = re.compile(r"<article\b[^>]*>")
_BODY = re.compile(r"<body\b[^>]*>")


FACILITATOR_NOTES = "data-pb-facilitator"
"""The attribute of a facilitator note's box: a page that holds one holds notes (an author's own
`data-pb-*` attribute is renamed, see `authored`, so none can pose as one)."""


def holds_facilitator_notes(page: str) -> bool:
    """Whether a page (its Markdown or its HTML) holds a facilitator note."""
    return FACILITATOR_NOTES in page


def edition_banner(t: Words, *, notes: bool) -> str:
    """The facilitator edition's banner: on a page that holds notes, a warning printed at the
    top of every sheet; on any other page, a line on screen only saying that the page is the
    participants' own, to print for them (their edition has the same page)."""
    if notes:
        return (f'<div class="pb-edition-banner admonition warning" role="note" '
                f'data-pb-edition="facilitator"><p>{html.escape(t("edition.banner"))}</p></div>')
    return (f'<p class="pb-edition-note" role="note" data-pb-edition="facilitator">'
            f'{html.escape(t("edition.no_notes"))}</p>')


def page_banner(t: Words, page: str) -> str:
    """The edition's banner for a page, from its Markdown or HTML."""
    return edition_banner(t, notes=holds_facilitator_notes(page))


def with_banner(page_html: str, banner: str) -> str:
    """`page_html` with `banner` (see `edition_banner`) first in its article (else its body)."""
    start = _ARTICLE.search(page_html) or _BODY.search(page_html)
    if start is None:
        return banner + page_html
    return page_html[:start.end()] + banner + page_html[start.end():]
