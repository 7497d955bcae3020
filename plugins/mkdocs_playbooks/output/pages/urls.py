"""Where each generated page lives: the site's URL scheme, in one place."""

from __future__ import annotations

import posixpath

PLAYBOOKS_DIR = "playbooks"
ASSESSMENTS_DIR = "assessments"
INDEX_URI = f"{PLAYBOOKS_DIR}/index.md"
PROGRESS_URI = f"{PLAYBOOKS_DIR}/progress/index.md"
WORKSHOP_URI = f"{PLAYBOOKS_DIR}/workshop/index.md"
"""The workshop kit (`output.pages.workshop`)."""


def listing_page_uri(first: str, number: int) -> str:
    """The source path of page `number` (from 1) of a listing whose first page is `first`:
    `playbooks/page/2/index.md`, `playbooks/progress/page/2/index.md`."""
    if number == 1:
        return first
    return f"{posixpath.dirname(first)}/page/{number}/index.md"


def playbook_uri(playbook_id: str) -> str:
    """The page source path of a playbook."""
    return f"{PLAYBOOKS_DIR}/{playbook_id}/index.md"


def assessment_uri(assessment_id: str) -> str:
    """The page source path of an assessment."""
    return f"{ASSESSMENTS_DIR}/{assessment_id}/index.md"


def relative_link(from_uri: str, to_uri: str) -> str:
    """A Markdown link target from one page source to another, as MkDocs resolves them."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri))
