"""The plugin's options in `mkdocs.yml`, each documented where it is declared."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class FrameworkPhaseConfig(base.Config):
    id = c.Type(str)
    """The phase id that playbooks name in `phase:` (a slug such as `listen`)."""

    title = c.Optional(c.Type(str))
    """The phase title; default: the built-in title for listen/engage/adapt, else the id."""


class PlaybooksConfig(base.Config):
    dir = c.Type(str, default="playbooks")
    """Folder of the YAML playbooks and assessments, relative to `mkdocs.yml`."""

    framework = c.Optional(c.ListOfItems(c.SubConfig(FrameworkPhaseConfig)))
    """Phases of the strategy framework; default: listen, engage, adapt in the site language."""

    edition = c.Choice(("participant", "facilitator"), default="participant")
    """`facilitator` adds each play's `facilitator` notes to the pages; `participant` omits them."""

    allow_html = c.Type(bool, default=False)
    """Keep raw HTML written in playbooks. Off by default: the generated pages are sanitised
    (scripts, event handlers, styles, frames and `javascript:` links removed, Markdown formatting
    kept), because playbook text often comes from many contributors; turn it on only when every
    author may publish scripts on the site."""

    strict_reviews = c.Type(bool, default=False)
    """Report reviews past due as warnings (so `--strict` fails) rather than as notes."""

    nav_limit = c.Type(int, default=30)
    """Playbooks are listed one by one in the nav only up to this many; beyond, the nav holds the
    index page alone, which keeps every page's HTML small on large sites."""

    strings = c.Type(dict, default={})
    """Overrides of the words the plugin writes, by language: `{fr: {"play.why": "Enjeux"}}`."""
