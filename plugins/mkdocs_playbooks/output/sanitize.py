"""Sanitising the HTML of generated pages, whose text may come from many contributors.

Markdown formatting and the plugin's own markup (form controls, data and ARIA attributes) are
kept; scripts, event handlers, styles, frames and `javascript:` links are removed.
"""

from __future__ import annotations

from functools import cache

import nh3

from ..core.cache import Cache, text_kind, through

MARKDOWN_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "details", "div", "dl",
    "dt", "em", "i", "q", "small", "u",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "s", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "caption", "colgroup", "col",
}
PLUGIN_TAGS = {
    "article", "button", "fieldset", "input", "label", "legend", "nav", "noscript", "option",
    "section", "select", "textarea", "time",
}
ATTRIBUTES = {
    "*": {"class", "id", "lang", "title", "role", "hidden", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "input": {"type", "name", "value", "checked", "readonly", "accept", "maxlength",
              "autocomplete", "spellcheck", "placeholder"},
    "textarea": {"rows", "maxlength"},
    "label": {"for"},
    "option": {"value"},
    "button": {"type"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "ol": {"start"},
}
ATTRIBUTE_VALUES = {"a": {"target": {"_self"}}}
"""A link to another language's build of the site says `target="_self"`, which Material's
instant navigation and its language handling leave to the browser: the page loads whole, with
the theme's words in its language (`_blank` and the like stay refused)."""
URL_SCHEMES = {"http", "https", "mailto"}


@cache
def _cleaner() -> nh3.Cleaner:
    """One cleaner for every page: its rules are compiled once (a fifth of the time per page)."""
    return nh3.Cleaner(
        tags=MARKDOWN_TAGS | PLUGIN_TAGS,
        attributes=ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        tag_attribute_values=ATTRIBUTE_VALUES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )


def sanitize(html: str) -> str:
    """`html` with only the tags and attributes of Markdown and of the plugin's markup."""
    return _cleaner().clean(html)


SANITISED = text_kind("html")
"""Sanitised HTML in the cache: signed, since it is published as is (a forged entry would
bypass sanitising)."""


def sanitize_stored(html: str, cache: Cache | None) -> str:
    """`sanitize(html)`, kept in `cache` (the same HTML always gives the same result: no other
    input, and the cache's key names nh3's version and the rules)."""
    return through(cache, SANITISED, sanitize, html)
