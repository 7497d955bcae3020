"""The site's nav as data, for engines that read it from their configuration file (Zensical).

Under MkDocs the plugin arranges the nav itself (`nav.arrange`): one section, the index first,
then each page only while there are at most `nav_limit` of them. An engine without the plugin
lists, without a `nav` setting, every page of the docs folder in every page: at 1,000 playbooks,
1.4 MB of nav in each page's HTML, and five times the memory of the same pages by hand. So
`playbooks export` prints the nav the plugin would make, to add to the configuration file: the
site's own nav (or, without one, its pages as the engine lists them), with the section placed
where the plugin places it; and `not_in_nav` patterns for the generated pages it leaves out.

Free of MkDocs: a nav here is the setting's data (a page's path; `{title: path or URL}`;
`{title: [items]}`), as the configuration file holds it.
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterator, Mapping
from typing import Any

import yaml

from ..output.pages.urls import ASSESSMENTS_DIR, INDEX_URI, PLAYBOOKS_DIR

Nav = list[Any]
"""A `nav` setting's value: its items, each a page's path, `{title: path or URL}` or
`{title: [items]}`."""

NOT_IN_NAV = (f"/{PLAYBOOKS_DIR}/**", f"/{ASSESSMENTS_DIR}/**")
"""Patterns of `not_in_nav` for the generated pages: the engine then neither lists them in a nav
it makes nor reports them as missing from the one it is given."""


def lists_each_page(count: int, limit: int) -> bool:
    """Whether the plugin's section lists each of its `count` pages after the index: only while
    there are at most `limit` (`nav_limit`); beyond, the index page alone lists them."""
    return count <= limit


def arranged(nav: Nav, pages: Mapping[str, str], title: str, limit: int) -> Nav:
    """`nav` with the plugin's section placed as `nav.arrange` places it. `pages`: the titles of
    the generated pages a nav may list, by path, the index first; `title`: the section's.

    The section replaces the index page where the nav names it (titled by the author, else by
    the index page's title), or the section as this function writes it; else it goes at the end.
    Pages the nav names elsewhere stay where they are, and are not listed again."""
    others = [uri for uri in pages if uri != INDEX_URI]
    place = _section_place(nav, pages)
    already = set(_named_pages(nav, skip=place))
    if place is not None:
        title = _title_of(nav, place) or pages.get(INDEX_URI, title)
    listed = [uri for uri in others if uri not in already] if lists_each_page(len(others), limit) \
        else []
    section = {title: [INDEX_URI, *listed]}
    if place is None:
        return [*nav, section]
    return _replaced(nav, place, section)


Place = tuple[int, ...]
"""Where an item is in a nav: its index in each list, from the top."""


def _section_place(nav: Nav, generated: Container[str], at: Place = ()) -> Place | None:
    """Where the nav names the index page (a path, `{title: path}`) or holds the section as
    `arranged` writes it (the index, then generated pages only), the first found."""
    for n, item in enumerate(nav):
        if item == INDEX_URI:
            return (*at, n)
        if isinstance(item, dict) and len(item) == 1:
            value = next(iter(item.values()))
            if value == INDEX_URI or (isinstance(value, list) and value[:1] == [INDEX_URI]
                                      and all(uri in generated for uri in value)):
                return (*at, n)
            if isinstance(value, list):
                found = _section_place(value, generated, (*at, n))
                if found is not None:
                    return found
    return None


def _named_pages(nav: Nav, skip: Place | None, at: Place = ()) -> Iterator[str]:
    for n, item in enumerate(nav):
        if (*at, n) == skip:
            continue
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from _named_pages(value, skip, (*at, n))


def _title_of(nav: Nav, place: Place) -> str | None:
    item = _item(nav, place)
    return str(next(iter(item))) if isinstance(item, dict) else None


def _item(nav: Nav, place: Place) -> Any:
    item: Any = nav[place[0]]
    for n in place[1:]:
        item = next(iter(item.values()))[n]
    return item


def _replaced(nav: Nav, place: Place, section: dict[str, list[str]]) -> Nav:
    """A copy of `nav` with the item at `place` replaced by `section`."""
    copy = list(nav)
    if len(place) == 1:
        copy[place[0]] = section
        return copy
    item = copy[place[0]]
    title, children = next(iter(item.items()))
    copy[place[0]] = {title: _replaced(children, place[1:], section)}
    return copy


def not_in_nav(present: str | None) -> str | None:
    """The `not_in_nav` setting with the generated pages' patterns added to the site's own, or
    None if it has them already."""
    lines = (present or "").splitlines()
    patterns = {line.strip() for line in lines}
    missing = [pattern for pattern in NOT_IN_NAV if pattern not in patterns]
    if not missing:
        return None
    return "\n".join([*(line for line in lines if line.strip()), *missing]) + "\n"


def as_yaml(settings: dict[str, Any]) -> str:
    """`settings` as lines of `mkdocs.yml` (a multi-line text as a literal block)."""
    return yaml.dump(settings, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1000)


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # noqa: ARG002
        super().increase_indent(flow, False)  # a list indented under its key, as in MkDocs' docs


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value,
                                   style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def as_toml(settings: dict[str, Any]) -> str:
    """`settings` as lines of `zensical.toml`'s `[project]` table (a list of several items, one
    item a line)."""
    lines = []
    for key, value in settings.items():
        if isinstance(value, list) and len(value) > 1:
            items = "".join(f"  {_toml(item)},\n" for item in value)
            lines.append(f"{key} = [\n{items}]")
        else:
            lines.append(f"{key} = {_toml(value)}")
    return "".join(f"{line}\n" for line in lines)


def _toml(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml(str(k))} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml, value)) + "]"
    # A basic string: JSON's escapes are TOML's, but for DEL, which TOML wants escaped too.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")
