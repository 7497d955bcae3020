"""What a build keeps in memory: a generated page's Markdown is freed once it is HTML, and its
HTML once the page is written; on a large site, both are kept packed until needed. Other plugins
still see both when MkDocs' events give them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from mkdocs_playbooks.core.loader import load_text
from mkdocs_playbooks.core.model import Playbook
from mkdocs_playbooks.core.validate import to_model
from mkdocs_playbooks.engines import memory
from mkdocs_playbooks.engines.memory import PACKED_HTML
from mkdocs_playbooks.engines.neighbours import take_out

from .conftest import playbook, write_site

# A hook, as another plugin would be: it records what it sees of the pages at each event. Its
# handlers run around the playbooks plugin's (priority 0 is between its 100 and its -100).
OBSERVER = '''\
import json
from mkdocs.plugins import event_priority

seen = {"files": {}, "markdown": {}, "content": {}, "after_post_page": {}, "context": {}}


@event_priority(-200)
def on_files(files, config):
    for file in files.documentation_pages():
        seen["files"][file.src_uri] = [file.content_string, file.content_bytes.decode()]
    return files


def on_page_markdown(markdown, page, config, files):
    seen["markdown"][page.file.src_uri] = markdown
    return markdown


def on_page_context(context, page, config, nav):
    seen["context"][page.file.src_uri] = page.content
    return context


@event_priority(-200)
def on_page_content(html, page, config, files):
    seen["content"][page.file.src_uri] = [page.markdown, html]
    return html


@event_priority(-200)
def on_post_page(output, page, config):
    seen["after_post_page"][page.file.src_uri] = [page.markdown, page.content]
    return output


def on_post_build(config):
    with open(config.config_file_path.replace("mkdocs.yml", "seen.json"), "w") as out:
        json.dump(seen, out)
'''


def build_observed(tmp_path: Path, options: str = "") -> dict[str, dict[str, object]]:
    root = write_site(tmp_path, {"p1.yml": playbook("Écouter", "p1"),
                                 "p2.yml": playbook("Répondre", "p2")},
                      options=options, extra_config="hooks:\n  - observer.py\n")
    (root / "observer.py").write_text(OBSERVER, encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    seen: dict[str, dict[str, object]] = json.loads((root / "seen.json").read_text("utf-8"))
    return seen


@pytest.fixture
def packing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages packed as on a large site."""
    monkeypatch.setattr(memory, "PACK_FROM_DOCUMENTS", 2)


@pytest.mark.parametrize("packed", [True, False])
def test_other_plugins_read_a_generated_page_as_any_other(
    packed: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(memory, "PACK_FROM_DOCUMENTS", 2 if packed else 3)
    seen = build_observed(tmp_path)
    text, as_bytes = seen["files"]["playbooks/p1/index.md"]  # type: ignore[misc]
    assert text == as_bytes
    assert "Écouter" in text  # unpacked, whole: the title as written, accents included
    # The page's Markdown after its front matter, the authors' text out of it (see neighbours):
    markdown = str(seen["markdown"]["playbooks/p1/index.md"])
    assert take_out(text)[0].endswith(markdown)
    assert "Écouter" not in markdown
    assert "Écouter" in str(seen["context"]["playbooks/p1/index.md"])  # the HTML, when rendered


@pytest.mark.usefixtures("packing")
def test_a_generated_page_holds_its_markdown_and_html_only_while_needed(tmp_path: Path) -> None:
    seen = build_observed(tmp_path)
    generated = [uri for uri in seen["files"] if uri.startswith("playbooks/")]
    assert "playbooks/p2/index.md" in generated
    for uri in generated:
        markdown, packed = seen["content"][uri]  # type: ignore[misc]
        assert markdown is None  # after the last on_page_content: Markdown freed
        assert packed == PACKED_HTML  # and the HTML packed until the page is made
        assert "<h1" in str(seen["context"][uri])  # unpacked for the theme and plugins
        assert seen["after_post_page"][uri] == [None, None]  # written: HTML freed too
    # The author's own pages are left as MkDocs keeps them.
    markdown, content = seen["after_post_page"]["index.md"]  # type: ignore[misc]
    assert markdown == "# Accueil\n"
    assert "Accueil" in str(content)


def test_parts_of_models_share_their_sets_of_given_fields() -> None:
    models = [to_model(load_text(playbook(f"P{n}", f"p{n}"), f"p{n}.yml"))[0] for n in (1, 2)]
    assert all(isinstance(model, Playbook) for model in models)
    first, second = (model.phases[0].plays[0] for model in models  # type: ignore[union-attr]
                     if model is not None)
    assert first.model_fields_set is second.model_fields_set  # one set, not one per part
    given = set(first.model_fields_set)
    copied = first.model_copy(update={"title": "Autre"})
    assert copied.model_fields_set is not first.model_fields_set
    assert first.model_fields_set == given  # the shared set is never changed


def test_a_small_site_keeps_its_pages_unpacked(tmp_path: Path) -> None:
    seen = build_observed(tmp_path)  # 2 playbooks: far fewer than PACK_FROM_DOCUMENTS
    markdown, html = seen["content"]["playbooks/p1/index.md"]  # type: ignore[misc]
    assert markdown is None  # freed all the same: it costs nothing
    assert "<h1" in str(html)
    assert seen["after_post_page"]["playbooks/p1/index.md"] == [None, None]


def test_packing_changes_nothing_in_the_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             ) -> None:
    sites = {}
    for threshold in (2, 3):  # packed, then not
        monkeypatch.setattr(memory, "PACK_FROM_DOCUMENTS", threshold)
        root = write_site(tmp_path / str(threshold), {"p1.yml": playbook("Écouter", "p1"),
                                                      "p2.yml": playbook("Répondre", "p2")},
                          options=":\n      cache: false")
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        sites[threshold] = {path.relative_to(root / "site").as_posix(): path.read_bytes()
                            for path in sorted((root / "site").rglob("*")) if path.is_file()}
    assert sites[2] == sites[3]
    assert "playbooks/p1/index.html" in sites[2]
