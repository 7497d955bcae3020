"""`playbooks new` and `playbooks init`: starting points that validate and build at once."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from string import Template

from ..core.model import is_slug
from ..core.schema import json_schema
from ..core.validate import slugify
from ..output.i18n import Strings

TEMPLATES = Path(__file__).parent.parent / "templates"
SCHEMA_NAME = "playbooks.schema.json"



class SkeletonError(Exception):
    """The skeleton cannot be written (bad id, existing file or folder)."""


def new_document(directory: Path, document_id: str, kind: str = "playbook") -> Path:
    """Write `DIRECTORY/ID.yml`, a commented playbook or assessment that validates."""
    if not is_slug(document_id):
        raise SkeletonError(
            f"'{document_id}' is not a valid id: use lowercase letters, digits and single "
            f"hyphens, e.g. '{slugify(document_id) or 'my-playbook'}'")
    path = directory / f"{document_id}.yml"
    if path.exists():
        raise SkeletonError(f"{path} already exists")
    schema = directory.parent / SCHEMA_NAME
    schema_line = (f"# yaml-language-server: $schema=../{SCHEMA_NAME}\n"
                   if schema.is_file() else "")
    text = _fill(f"{kind}.yml", id=document_id, schema_line=schema_line,
                 title=document_id.replace("-", " ").capitalize())
    with _writing(directory):
        directory.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


@contextlib.contextmanager
def _writing(where: Path) -> Iterator[None]:
    """A failure to write under `where` as a `SkeletonError` naming the path."""
    try:
        yield
    except OSError as error:
        raise SkeletonError(f"{error.filename or where}: cannot write there: "
                            f"{error.strerror}") from None


GITIGNORE = """\
# What builds and commands make (see the guide), kept out of version control:
# the site (`mkdocs build`, `playbooks editions`), the other folders the guide builds into
site/
site-facilitator/
public/
# the plugin's cache (option `cache_dir`)
.cache/
# a team report (`playbooks aggregate`)
team-report.csv
team-plan.csv
team-report.html
# the pages `playbooks export` writes for site engines without plugins (Zensical)
docs/playbooks/
docs/assessments/
docs/assets/playbooks/
"""


def new_site(directory: Path, language: str = "en") -> None:
    """Create a site that `mkdocs build --strict` builds: config, home page, two examples."""
    if directory.exists() and not directory.is_dir():
        raise SkeletonError(f"{directory}: not a folder; name a new folder for the site")
    if directory.exists() and any(directory.iterdir()):
        raise SkeletonError(f"{directory} exists and is not empty")
    t = Strings(language)
    words = {"title": t("init.title"), "listen": t("phase.listen"), "welcome": t("init.welcome")}
    with _writing(directory):
        (directory / "docs").mkdir(parents=True, exist_ok=True)
        (directory / "playbooks").mkdir(exist_ok=True)
        (directory / SCHEMA_NAME).write_text(
            json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (directory / "mkdocs.yml").write_text(
            _fill("mkdocs.yml", language=language, **words), encoding="utf-8")
        (directory / "docs" / "index.md").write_text(_fill("index.md", **words),
                                                     encoding="utf-8")
        (directory / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    new_document(directory / "playbooks", "first-playbook")
    new_document(directory / "playbooks", "self-assessment", "assessment")


def _fill(template: str, **values: str) -> str:
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    return Template(text).substitute(values)
