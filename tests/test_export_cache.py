"""`playbooks export` through the site's cache: a page whose Markdown, extensions and libraries
are unchanged is not rendered again, and what the cache gives is what rendering gives; a forged or
damaged entry is made again, never published; `--no-cache` neither reads nor fills it."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import markdown
import pytest

from mkdocs_playbooks.core.cache import MAGIC, key_of
from mkdocs_playbooks.engines.export import EXPORTED, ExportInputs, exported_body

from .cache_project import entries
from .conftest import playbook, write_site
from .in_process import run_command as run
from .test_cache import ATTACKER, SCRIPT, altered, cut_short, forge, of_another_version
from .test_export import write_demo


@contextmanager
def converted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The Markdown texts converted meanwhile (by any `markdown.Markdown`)."""
    texts: list[str] = []
    convert = markdown.Markdown.convert

    def counted(self: markdown.Markdown, source: str) -> str:
        texts.append(source)
        return convert(self, source)

    with monkeypatch.context() as patched:
        patched.setattr(markdown.Markdown, "convert", counted)
        yield texts


def written(docs: Path) -> dict[str, bytes]:
    """The exported pages by their path in the docs folder."""
    return {path.relative_to(docs).as_posix(): path.read_bytes()
            for folder in ("playbooks", "assessments") for path in sorted(docs.rglob("*.md"))
            if path.is_file() and docs / folder in path.parents}


def export(site: Path, monkeypatch: pytest.MonkeyPatch, *args: str,
           docs: str = "docs") -> tuple[dict[str, bytes], list[str]]:
    """The pages an export of `site` wrote into `docs`, and the texts it converted."""
    with converted(monkeypatch) as texts:
        result = run("export", docs, *args, cwd=site)
    assert result.returncode == 0, result.stderr
    return written(site / docs), texts


def uncached(site: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> dict[str, bytes]:
    """The pages an export without the cache writes (into another folder)."""
    pages, _ = export(site, monkeypatch, "--no-cache", *args, docs="uncached")
    return pages


def cache_folder(site: Path) -> Path:
    return site / ".cache" / "playbooks"


def test_a_second_export_of_unchanged_playbooks_converts_nothing_and_writes_the_same_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_demo(tmp_path)
    first, texts = export(site, monkeypatch)
    assert len(texts) == len(first) == 15
    assert len(entries(cache_folder(site), EXPORTED.name)) == 15
    again, texts = export(site, monkeypatch)
    assert texts == []
    assert again == first
    assert uncached(site, monkeypatch) == first


def test_an_edited_playbook_is_rendered_again_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path, {"alpha.yml": playbook("Alpha", "alpha"),
                                 "beta.yml": playbook("Beta", "beta")})
    first, _ = export(site, monkeypatch)
    beta = site / "playbooks" / "beta.yml"
    beta.write_text(beta.read_text().replace("ça compte", "ça compte double"))
    again, texts = export(site, monkeypatch)
    changed = sorted(uri for uri in again if again[uri] != first.get(uri))
    assert changed == ["playbooks/beta/index.md"]
    assert len(texts) == 1
    assert "ça compte double" in texts[0]
    assert again == uncached(site, monkeypatch)


def test_another_extension_renders_every_page_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    note = "|\n          !!! note\n\n              Attention\n"
    site = write_site(tmp_path, {"a.yml": "title: A\nphases:\n  - phase: listen\n    plays:\n"
                                 f"      - id: a\n        title: A\n        why: {note}"})
    plain, texts = export(site, monkeypatch)
    assert texts
    with_admonition, again = export(site, monkeypatch, "-x", "admonition")
    assert len(again) == len(texts)
    assert with_admonition != plain
    assert '<div class="admonition note">' in with_admonition["playbooks/a/index.md"].decode()
    assert with_admonition == uncached(site, monkeypatch, "-x", "admonition")
    assert export(site, monkeypatch) == (plain, [])  # both kept


def test_the_options_reach_the_pages_through_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`allow_html` hands the Markdown over unrendered, the facilitator edition adds its banner
    and notes: each export equals one without the cache."""
    site = write_site(tmp_path, {"a.yml": playbook("A", "a")})
    config = site / "mkdocs.yml"
    base = config.read_text()
    first, _ = export(site, monkeypatch)
    for options in (":\n      allow_html: true", ":\n      edition: facilitator",
                    ":\n      edition: facilitator\n      allow_html: true", ""):
        config.write_text(base.replace("- playbooks\n", f"- playbooks{options}\n"))
        assert "playbooks" + options in config.read_text()
        pages, _ = export(site, monkeypatch)
        assert pages == uncached(site, monkeypatch), options
    assert pages == first


def test_every_input_of_an_exported_body_is_in_its_key() -> None:
    inputs = ExportInputs(("toc", "tables"), (("Markdown", "3.8"), ("mkdocs", "1.6.1")))
    key = key_of(exported_body, "# A", inputs)
    assert key_of(exported_body, "# B", inputs) != key
    assert key_of(exported_body, "# A", dataclasses.replace(
        inputs, extensions=("toc", "tables", "admonition"))) != key
    assert key_of(exported_body, "# A", dataclasses.replace(
        inputs, libraries=(("Markdown", "3.9"), ("mkdocs", "1.6.1")))) != key


@pytest.mark.parametrize("damage", [cut_short, of_another_version, altered])
def test_a_damaged_entry_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       damage: object) -> None:
    site = write_site(tmp_path, {"a.yml": playbook("A", "a"), "b.yml": playbook("B", "b")})
    first, texts = export(site, monkeypatch)
    found = entries(cache_folder(site), EXPORTED.name)
    assert len(found) == len(texts) > 0
    for path in found:
        damage(path, tmp_path)  # type: ignore[operator]
    again, remade = export(site, monkeypatch)
    assert len(remade) == len(found)
    assert again == first
    assert all(path.read_bytes().startswith(MAGIC) for path in found)  # written anew
    assert export(site, monkeypatch)[1] == []


def test_a_forged_entry_is_not_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An exported body is published as is (a forged one would bypass sanitising): used only
    when signed with the site's own secret; a genuine entry copied under another key neither."""
    site = write_site(tmp_path, {"a.yml": playbook("A", "a"), "b.yml": playbook("B", "b")})
    first, texts = export(site, monkeypatch)
    assert forge(cache_folder(site), EXPORTED.name, SCRIPT, ATTACKER) == len(texts)
    forged, remade = export(site, monkeypatch)
    assert len(remade) == len(texts)
    assert not any(b"alert" in page for page in forged.values())
    assert forged == first
    found = entries(cache_folder(site), EXPORTED.name)
    for path in found[1:]:
        shutil.copyfile(found[0], path)
    copied, remade = export(site, monkeypatch)
    assert len(remade) == len(found) - 1
    assert copied == first


def test_no_cache_neither_reads_nor_fills_it(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path, {"a.yml": playbook("A", "a")})
    pages, texts = export(site, monkeypatch, "--no-cache")
    assert texts
    assert not (site / ".cache").exists()
    export(site, monkeypatch)
    assert forge(cache_folder(site), EXPORTED.name, SCRIPT, ATTACKER) == len(texts)
    again, remade = export(site, monkeypatch, "--no-cache")
    assert again == pages
    assert len(remade) == len(texts)


def test_an_extension_that_reads_files_leaves_the_pages_uncached(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What pymdownx.snippets reads is in no key (as for the plugin's own pages)."""
    pytest.importorskip("pymdownx.snippets")
    site = write_site(tmp_path, {"a.yml": playbook("A", "a")})
    _, texts = export(site, monkeypatch, "-x", "pymdownx.snippets")
    _, again = export(site, monkeypatch, "-x", "pymdownx.snippets")
    assert len(again) == len(texts) > 0
    assert entries(cache_folder(site), EXPORTED.name) == []


@pytest.mark.parametrize("cache_dir", ["pages/cache", "contenu/.cache"])
def test_a_cache_folder_among_a_zensical_sites_files_is_a_usage_error(
        tmp_path: Path, cache_dir: str) -> None:
    """As in `mkdocs.yml` (`config.cache_dir_problem`): the docs folder is published."""
    (tmp_path / "contenu").mkdir()
    (tmp_path / "contenu" / "a.yml").write_text(playbook("A", "a"), encoding="utf-8")
    (tmp_path / "zensical.toml").write_text(
        '[project]\nsite_name = "S"\ndocs_dir = "pages"\n[project.plugins.playbooks]\n'
        f'dir = "contenu"\ncache_dir = "{cache_dir}"\n', encoding="utf-8")
    result = run("export", cwd=tmp_path)
    assert result.returncode == 2
    assert f"zensical.toml: plugin 'playbooks', option 'cache_dir': {cache_dir} " \
        in result.stderr
    assert not (tmp_path / "pages").exists()
    assert not (tmp_path / cache_dir).exists()
