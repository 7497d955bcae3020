"""MkDocs' own warnings about links that the plugin already reported at their YAML line.

MkDocs checks every link of every page, the generated ones too, and names the generated page
(`Doc file 'playbooks/x/index.md' contains a link …`), which is no file of the author's. The plugin
reports each such link where it is written (`output.links`); this filter drops MkDocs' second
message about the same link in a generated page, and nothing else. ProperDocs logs the same
messages under its own name.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection

from ..output.links import BrokenLink

LOGGERS = ("mkdocs.structure.pages", "properdocs.structure.pages")
_LINK_MESSAGE = re.compile(
    r"Doc file '(?P<page>[^']*)' contains an? (?:unrecognized relative )?link '(?P<url>[^']*)'")


class ReportedLinks(logging.Filter):
    """Drops MkDocs' messages about the links in `reported`, in the generated `pages`."""

    def __init__(self) -> None:
        super().__init__()
        self.reported: Collection[BrokenLink] = ()
        self.pages: Collection[str] = ()
        """The source paths of the generated pages of the build under way."""

    def attach(self) -> None:
        """Starts filtering MkDocs' link messages (once, however often it is called)."""
        for name in LOGGERS:
            logger = logging.getLogger(name)
            if self not in logger.filters:
                logger.addFilter(self)

    def detach(self) -> None:
        """Stops filtering."""
        for name in LOGGERS:
            logging.getLogger(name).removeFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        """False for a message about a link already reported at its YAML line."""
        if not self.reported:
            return True
        found = _LINK_MESSAGE.match(record.getMessage())
        if found is None or found.group("page") not in self.pages:
            return True
        url = found.group("url")
        return not any(link.url == url for link in self.reported)
