"""Where each generated page lives: the site's URL scheme, in one place."""

from __future__ import annotations

import posixpath

PLAYBOOKS_DIR = "playbooks"
ASSESSMENTS_DIR = "assessments"
INDEX_URI = f"{PLAYBOOKS_DIR}/index.md"
PROGRESS_URI = f"{PLAYBOOKS_DIR}/progress/index.md"


def playbook_uri(playbook_id: str) -> str:
    """The page source path of a playbook."""
    return f"{PLAYBOOKS_DIR}/{playbook_id}/index.md"


def assessment_uri(assessment_id: str) -> str:
    """The page source path of an assessment."""
    return f"{ASSESSMENTS_DIR}/{assessment_id}/index.md"


def relative_link(from_uri: str, to_uri: str) -> str:
    """A Markdown link target from one page source to another, as MkDocs resolves them."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri))
