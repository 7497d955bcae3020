"""Puts the generated pages in the site navigation as one small `Playbooks` section.

The generated pages are `NOT_IN_NAV` files, so MkDocs neither lists them in its automatic nav nor
reports them as missing from an explicit one. The section goes where the author's `nav:` names the
index page (`playbooks/index.md`), else at the end.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import file_sort_key, get_files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths
from pathspec.gitignore import GitIgnoreSpec

from .site_nav import lists_each_page


def arrange(nav: Navigation, title: str, index: Page, pages: list[Page], limit: int) -> None:
    """Add the section: the index, then `pages` if there are at most `limit` of them."""
    already = {id(page) for page in _pages(nav.items)}
    listed = [page for page in pages if id(page) not in already]
    section = Section(title, [index, *(listed if lists_each_page(len(pages), limit) else [])])
    if not _replace(nav.items, index, section):
        nav.items.append(section)
    for page in pages:
        page.previous_page = page.next_page = None
    _relink(nav)


def _replace(items: list[StructureItem], index: Page, section: Section) -> bool:
    """Put `section` where `index` is listed, keeping the author's title for it."""
    for n, item in enumerate(items):
        if item is index:
            section.title = index.title or section.title
            items[n] = section
            return True
        if isinstance(item, Section) and _replace(item.children, index, section):
            return True
    return False


def _pages(items: list[StructureItem]) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)


def _relink(nav: Navigation) -> None:
    """Recompute parents and previous/next links, as MkDocs does after building a nav."""
    def set_parents(items: list[StructureItem], parent: Section | None) -> None:
        for item in items:
            item.parent = parent
            if isinstance(item, Section):
                set_parents(item.children, item)

    set_parents(nav.items, None)
    nav.pages = list(_pages(nav.items))
    for n, page in enumerate(nav.pages):
        page.previous_page = nav.pages[n - 1] if n > 0 else None
        page.next_page = nav.pages[n + 1] if n + 1 < len(nav.pages) else None


def automatic_nav(docs_dir: Path, *, exclude_docs: str | None = None,
                  draft_docs: str | None = None, not_in_nav: str | None = None,
                  leave_out: Sequence[str] = ()) -> list[Any]:
    """The `nav` setting MkDocs would make of `docs_dir`'s pages without one (its own rules: the
    pages `get_files` finds, in its order, nested by folder), as data; the folders of
    `leave_out` (the generated pages') left out."""
    specs = {name: GitIgnoreSpec.from_lines(text.splitlines()) if text else None
             for name, text in (("exclude_docs", exclude_docs), ("draft_docs", draft_docs),
                                ("not_in_nav", not_in_nav))}
    config = {"docs_dir": str(docs_dir), "site_dir": str(docs_dir / ".."),
              "use_directory_urls": True, **specs}
    files = get_files(cast(MkDocsConfig, config))
    pages = sorted((file for file in files.documentation_pages()
                    if file.inclusion.is_in_nav()  # type: ignore[no-untyped-call]
                    and not any(file.src_uri.startswith(f"{folder}/") for folder in leave_out)),
                   key=file_sort_key)
    return cast(list[Any], nest_paths(file.src_uri for file in pages))  # type: ignore[no-untyped-call]
