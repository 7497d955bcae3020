"""The cache: a second build of unchanged playbooks skips the work; entries hold data only, and a
forged, foreign or damaged one is made again, never run nor published; the cache deletes nothing
it did not write; a cache that cannot be written does not fail a build; the day reaches only the
pages that show it. (`test_cache_matrix.py` compares builds with and without it.)"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import logging
import os
import pickle
import shutil
import stat
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_playbooks.core import cache as cache_module
from mkdocs_playbooks.core.cache import (
    MAGIC,
    MARKER,
    Cache,
    Kind,
    Memory,
    Secrets,
    key_of,
    secret_file,
    text_kind,
)
from mkdocs_playbooks.core.loading import PARSED, load_site, parse_bytes
from mkdocs_playbooks.core.settings import PageSettings, PhaseDef, Settings
from mkdocs_playbooks.engines.export import EXPORTED
from mkdocs_playbooks.engines.rendered import RENDERED, Rendered, RenderInputs
from mkdocs_playbooks.output.pages import site_pages
from mkdocs_playbooks.output.pages.markup import PAGES
from mkdocs_playbooks.output.sanitize import SANITISED

from .cache_project import TODAY, Project, cache_messages, entries
from .conftest import REPO, playbook, write_site
from .test_cache_matrix import build_by_language
from .test_cli import run

ATTACKER = Secrets(None, b"the attacker's own secret, not the victim's")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


@pytest.fixture
def quick(tmp_path: Path) -> Project:
    """The same site with a minimal theme: builds in a few hundredths of a second."""
    return Project(tmp_path / "quick", theme="minimal")


def total(counts: object) -> int:
    return sum(counts.values())  # type: ignore[attr-defined]


# Builds.

def test_second_build_of_unchanged_playbooks_takes_everything_from_the_cache(
    project: Project,
) -> None:
    first, store = project.build(cache=True, name="first")
    assert store is not None
    assert total(store.misses) > 0
    assert (project.root / ".cache" / "playbooks" / MARKER).is_file()
    second, store = project.build(cache=True, name="second")
    assert store is not None
    assert total(store.misses) == 0
    # Each file parsed, each playbook's Markdown and the index and progress pages, each page's
    # HTML (rendered and sanitised: no Markdown converted):
    assert dict(store.hits) == {"parse": 4, "markdown": 3 + 2, "rendered": 7}
    assert second == first
    # Once the pages are made, the cache holds none of the site's documents (the build frees
    # them: at 10,000 playbooks, hundreds of MiB).
    # (what pages are rendered with, where files are, is all that it keeps)
    assert [type(value) for value, _digest in store.encoder.memo.values()] == [RenderInputs]


def test_no_cache_option_neither_reads_nor_writes_it(quick: Project) -> None:
    _, store = quick.build(cache=False, name="off")
    assert store is None
    assert not (quick.root / ".cache").exists()


def test_what_depends_on_other_files_is_checked_again(
    quick: Project, caplog: pytest.LogCaptureFixture,
) -> None:
    quick.build(cache=True, name="before")
    quick.write("alpha.yml", playbook("Alpha", "alpha").replace("id: premier", "id: autre"))
    with pytest.raises(Abort):
        quick.build(cache=True, name="broken")
    # The unchanged assessment, read from the cache, names a play that is gone:
    assert "maturite.yml:18:17: error: no play 'alpha/premier'" in caplog.text


def test_a_playbook_added_to_a_paginated_listing_moves_the_later_cards(
    quick: Project,
) -> None:
    quick.options["listing_page_size"] = 2
    before, _ = quick.build(cache=True, name="before")
    assert "playbooks/page/2/index.html" in before
    assert "playbooks/page/3/index.html" not in before
    quick.write("delta.yml", playbook("Delta", "delta"))  # after beta, before revue
    cached, store = quick.build(cache=True, name="cached")
    uncached, _ = quick.build(cache=False, name="uncached")
    assert store is not None
    assert total(store.misses) > 0
    assert cached == uncached
    for folder in ("playbooks/page", "playbooks/progress/page"):
        second = cached[f"{folder}/2/index.html"].decode()
        assert 'data-pb-playbook="delta"' in second
        assert 'data-pb-playbook="revue"' in second
        assert "maturite" in cached[f"{folder}/3/index.html"].decode()


def test_an_edited_playbook_makes_again_only_the_listing_pages_that_show_it(
    quick: Project,
) -> None:
    quick.options["listing_page_size"] = 2  # alpha, beta | revue, maturite
    quick.build(cache=True, name="before")
    before = set(entries(quick.cache_folder, "markdown"))
    quick.write("alpha.yml", playbook("Alpha revu", "alpha"))
    cached, store = quick.build(cache=True, name="cached")
    uncached, _ = quick.build(cache=False, name="uncached")
    assert cached == uncached
    assert store is not None
    # alpha's page, and the first page of the index and of the progress page; beta's and revue's
    # pages and the second pages of both listings (revue, maturite) are kept.
    assert store.misses["markdown"] == 3
    assert store.hits["markdown"] == 4
    made = [path.read_bytes().decode(errors="replace")
            for path in sorted(set(entries(quick.cache_folder, "markdown")) - before)]
    assert any("Alpha revu" in text and "pb-pager" in text for text in made)  # page 1, anew
    assert not any('data-pb-playbook="revue"' in text for text in made)  # page 2 kept


# The day: only what shows a date or a review status depends on it.

def test_a_build_the_next_day_makes_again_only_the_pages_whose_review_fell_due(
    quick: Project,
) -> None:
    quick.build(cache=True, name="today")
    quick.options["today"] = TODAY + datetime.timedelta(days=1)
    next_day, store = quick.build(cache=True, name="next-day")
    assert store is not None
    assert dict(store.misses) == {}  # nothing shows the day: every page from the cache
    assert dict(store.hits) == {"parse": 4, "markdown": 5, "rendered": 7}
    assert next_day == quick.build(cache=False, name="next-day-uncached")[0]
    # revue.yml (reviewed 2026-01-10, every 6 months) is due from 2026-07-10:
    quick.options["today"] = datetime.date(2026, 7, 11)
    due, store = quick.build(cache=True, name="due")
    assert store is not None
    assert dict(store.misses) == {"markdown": 1, "rendered": 1}  # revue's page, nothing else
    assert "pb-review-due" in due["playbooks/revue/index.html"].decode()
    assert due == quick.build(cache=False, name="due-uncached")[0]
    quick.options["today"] = datetime.date(2026, 7, 12)  # due since the same day
    _, store = quick.build(cache=True, name="due-next-day")
    assert store is not None
    assert dict(store.misses) == {}


# Data only: forged, foreign and damaged entries.

def _old_digest(payload: bytes) -> bytes:
    hasher = hashlib.blake2b(digest_size=32)
    hasher.update(len(payload).to_bytes(8, "little"))
    hasher.update(payload)
    return hasher.digest()


class _WritesAFile:
    """A pickle that writes a file when it is read."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return exec, (f"open({str(self.target)!r}, 'w').write('code ran')",)


def pickle_that_writes_a_file(path: Path, target: Path) -> None:
    """An entry as the cache wrote them before (a digest, then a pickle), that runs code."""
    payload = pickle.dumps(_WritesAFile(target))
    path.write_bytes(b"playbooks-cache 1\n" + _old_digest(payload) + payload)


def cut_short(path: Path, _target: Path) -> None:
    path.write_bytes(path.read_bytes()[:len(MAGIC) + 5])


def of_another_version(path: Path, _target: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(b"playbooks-cache 99\n" + raw[len(MAGIC):])


def altered(path: Path, _target: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 1
    path.write_bytes(bytes(raw))


def emptied(path: Path, _target: Path) -> None:
    path.write_bytes(b"")


def made_a_folder(path: Path, _target: Path) -> None:
    path.unlink()
    path.mkdir()  # reading a folder fails with an OSError other than "not found"


@pytest.mark.parametrize("damage", [pickle_that_writes_a_file, cut_short, of_another_version,
                                    altered, emptied, made_a_folder])
def test_a_damaged_or_foreign_entry_is_made_again_and_said_once_without_failing_strict(
    quick: Project, damage: Callable[[Path, Path], None], tmp_path: Path,
) -> None:
    uncached, _ = quick.build(cache=False, name="uncached")
    quick.build(cache=True, name="first")
    target = tmp_path / "written-by-the-cache"
    found = entries(quick.cache_folder)
    assert len(found) == 4 + 5 + 7  # the kit page's HTML too
    for path in found:
        damage(path, target)
    with cache_messages() as messages:
        cached, store = quick.build(cache=True, name="damaged", strict=True)
    assert not target.exists()  # nothing ran
    assert cached == uncached
    assert store is not None
    assert len(store.ignored) == len(found)
    assert len(messages) == 1  # one message for the build, however many entries
    assert messages[0].levelno == logging.INFO  # not a warning: `--strict` passes
    assert "16 cache entries were not used and made again" in messages[0].getMessage()
    if damage is made_a_folder:
        return  # a folder it did not make: the cache leaves it there
    again, store = quick.build(cache=True, name="repaired")
    assert store is not None
    assert total(store.misses) == 0
    assert again == uncached


def forge(folder: Path, kind: str, text: str, secrets: Secrets = ATTACKER) -> int:
    """Replace each entry of `kind` by a well-formed one holding `text`, signed (if at all) with
    `secrets`, as whoever can write the folder but lacks the site's secret can; how many."""
    forged = 0
    kinds = {PARSED.name: PARSED, PAGES.name: PAGES, SANITISED.name: SANITISED,
             RENDERED.name: RENDERED, EXPORTED.name: EXPORTED}
    for path in entries(folder, kind):
        payload = text.encode()
        key = secrets.key_for(kinds[kind])
        assert key is not None
        path.write_bytes(MAGIC + cache_module._tag(kinds[kind], path.name, payload, key)
                         + payload)
        forged += 1
    return forged


SCRIPT = '<script>alert("forged")</script><img src=x onerror=alert(1)>'


FORGED = {"markdown": SCRIPT, "rendered": RENDERED.encode(Rendered(  # type: ignore[union-attr]
    content=SCRIPT, toc_tokens=[], title=None, anchors=[], links={}, messages=[])).decode()}


@pytest.mark.parametrize("kind", ["markdown", "rendered"])
def test_forged_pages_are_not_published(quick: Project, kind: str) -> None:
    """A page's Markdown or rendered, sanitised HTML is published as is (a forged HTML entry
    would bypass sanitising; forged Markdown would reach other plugins, mkdocs-macros' templates
    or snippets' includes): used only when signed with the site's own secret."""
    uncached, _ = quick.build(cache=False, name="uncached")
    quick.build(cache=True, name="first")
    assert forge(quick.cache_folder, kind, FORGED[kind]) == {"markdown": 5, "rendered": 7}[kind]
    cached, store = quick.build(cache=True, name="forged")
    assert store is not None
    assert store.misses[kind] == {"markdown": 5, "rendered": 7}[kind]
    assert not any(b"alert" in page for page in cached.values())
    assert cached == uncached


def forged_document(why: str, *, extra: str = "") -> str:
    return (
        '{"playbook":{"id":"alpha","title":"Alpha","phases":[{"phase":"listen","plays":'
        f'[{{"id":"premier","title":"Premier jeu","why":{why}{extra}}}]}}]}},'
        '"values":[[[],1,1]],"keys":[]}'
    )


def parse_entry(project: Project, name: str) -> Path:
    """The cache's entry of the playbook file `name`, as parsed."""
    raw = (project.folder / name).read_bytes()
    key = key_of(parse_bytes, raw, f"playbooks/{name}", ("listen", "engage", "adapt"))
    return project.cache_folder / "parse" / key


def test_a_forged_document_says_at_most_what_a_file_could_say_and_is_sanitised(
    quick: Project,
) -> None:
    """A parsed file is a checked kind, shared without a secret: an entry goes through the
    content model and the file checks, as a new file; what it says then goes through the same
    escaping and sanitising as any author's text."""
    quick.build(cache=True, name="first")
    forged = forged_document('"Forged <script>alert(1)</script> [x](javascript:alert(2))"')
    entry = parse_entry(quick, "alpha.yml")
    assert entry.is_file()
    payload = forged.encode()
    entry.write_bytes(MAGIC + cache_module._tag(PARSED, entry.name, payload, b"") + payload)
    cached, store = quick.build(cache=True, name="forged")
    assert store is not None
    page = cached["playbooks/alpha/index.html"].decode()
    assert "Forged" in page  # without a shared secret, whoever can write the folder can do this
    assert "<script>" not in page
    assert "javascript:" not in page
    assert not any(b"<script>alert" in page for page in cached.values())


@pytest.mark.parametrize("document", [
    forged_document('"A"', extra=',"__class__":"os.system"'),  # no such field
    forged_document('{"$ref":"#"}'),  # not text
    forged_document('"A"').replace('"title":"Premier jeu"', '"title":"Premier\\njeu"'),
    forged_document('"A"').replace('"id":"premier"', '"id":"Not An Id"'),
    forged_document('"A"').replace('"phase":"listen"', '"phase":"unknown"'),  # file checks
    forged_document('"A"').replace('"id":"alpha",', ''),  # a stored document has its id
    '{"playbook":null,"values":[],"keys":[]}',
    '{"values":[[[],0,1]],"keys":[]}',
    "[]",
    "not JSON",
])
def test_a_forged_document_that_no_file_could_give_is_made_again(
    quick: Project, document: str,
) -> None:
    uncached, _ = quick.build(cache=False, name="uncached")
    quick.build(cache=True, name="first")
    forge(quick.cache_folder, "parse", document, Secrets(None, None))
    cached, store = quick.build(cache=True, name="forged")
    assert store is not None
    assert store.misses["parse"] == 4
    assert len(store.ignored) == 4
    assert cached == uncached


def test_with_a_shared_secret_nothing_forged_is_used(
    quick: Project, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With `PLAYBOOKS_CACHE_KEY`, every entry is signed: whoever cannot read the secret
    cannot change what a page says."""
    monkeypatch.setenv("PLAYBOOKS_CACHE_KEY", "a secret of the site's CI")
    uncached, _ = quick.build(cache=False, name="uncached")
    quick.build(cache=True, name="first")
    _, store = quick.build(cache=True, name="warm")
    assert store is not None
    assert total(store.misses) == 0  # the secret's own entries are used
    forge(quick.cache_folder, "parse", forged_document('"Forged"'), Secrets(None, None))
    cached, store = quick.build(cache=True, name="forged")
    assert store is not None
    assert store.misses["parse"] == 4
    assert cached == uncached


def test_a_forged_entry_copied_under_another_key_is_refused(quick: Project) -> None:
    """Each entry's tag covers its key: a genuine page's entry copied over another's is not
    shown in its place."""
    uncached, _ = quick.build(cache=False, name="uncached")
    quick.build(cache=True, name="first")
    pages = entries(quick.cache_folder, "markdown")
    for path in pages[1:]:
        shutil.copyfile(pages[0], path)
    cached, store = quick.build(cache=True, name="copied")
    assert store is not None
    assert store.misses["markdown"] == len(pages) - 1
    assert cached == uncached


def test_the_users_secret_is_kept_apart_from_the_cache(quick: Project) -> None:
    quick.build(cache=True, name="first")
    secret = secret_file()
    assert secret.is_file()
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert quick.root not in secret.parents
    assert secret.read_bytes() not in b"".join(path.read_bytes()
                                                for path in entries(quick.cache_folder))


def test_without_a_secret_the_pages_are_not_cached_and_the_files_are(
    quick: Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))  # no secret can be made there
    uncached, _ = quick.build(cache=False, name="uncached")
    quick.build(cache=True, name="first")
    with cache_messages() as messages:
        cached, store = quick.build(cache=True, name="second", strict=True)
    assert store is not None
    assert dict(store.hits) == {"parse": 4}
    assert [path.parent.name for path in entries(quick.cache_folder)] == ["parse"] * 4
    assert [record.levelno for record in messages] == [logging.INFO]
    assert "no secret to sign them" in messages[0].getMessage()
    assert cached == uncached


# Nothing deleted or published that the cache did not write.

def _old(path: Path) -> None:
    then = time.time() - 30 * 24 * 3600
    os.utime(path, (then, then))


@pytest.mark.parametrize(("option", "folder"), [
    ("docs", "docs"), ("docs/cache", "docs"), ("out/site", "site"), ("out/site/.cache", "site"),
    ("playbooks/cache", "playbooks"), (".", "docs"),
])
def test_a_cache_folder_among_the_sites_files_is_a_configuration_error(
    quick: Project, option: str, folder: str, caplog: pytest.LogCaptureFixture,
) -> None:
    for name in ("html/page.html", "markdown/notes.md", "parse/data.txt"):
        path = quick.root / "docs" / name
        path.parent.mkdir(parents=True)
        path.write_text("the user's own file")
        _old(path)
    quick.options["cache_dir"] = option
    quick.config["site_dir"] = "out/site"  # as the build below, for `playbooks validate`
    with pytest.raises(Abort):
        quick.build(cache=True, name="site")
    message = caplog.text
    assert f"option 'cache_dir': {option} " in message
    assert f"the {folder} folder" in message
    assert not (quick.root / "out" / "site" / "html").exists()
    assert sorted(path.name for path in (quick.root / "docs").rglob("*") if path.is_file()) \
        == ["data.txt", "index.md", "notes.md", "page.html"]
    if option != "docs":
        return  # `playbooks validate` shares the rule (`config.cache_dir_problem`): once
    result = run("validate", cwd=quick.root)
    assert result.returncode == 2
    assert "option 'cache_dir'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_holding_other_files_is_not_used_nor_emptied(
    quick: Project, tmp_path: Path,
) -> None:
    mine = tmp_path / "mine"
    for name in ("html/page.html", "parse/" + "a" * 64, "notes.txt"):
        path = mine / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("the user's own file")
        _old(path)
    quick.options["cache_dir"] = str(mine)
    uncached, _ = quick.build(cache=False, name="uncached")
    with cache_messages() as messages:
        cached, store = quick.build(cache=True, name="refused", strict=True)
    assert cached == uncached
    assert store is not None
    assert not (mine / MARKER).exists()
    assert sorted(path.relative_to(mine).as_posix() for path in mine.rglob("*")
                  if path.is_file()) == ["html/page.html", "notes.txt", "parse/" + "a" * 64]
    assert len(messages) == 1
    assert "holds files the plugin did not write" in messages[0].getMessage()


def test_prune_removes_only_the_caches_own_old_unused_entries(quick: Project) -> None:
    quick.build(cache=True, name="first")
    folder = quick.cache_folder
    strangers = [folder / "html" / ("b" * 64), folder / "html" / "notes.txt",
                 folder / "mine" / ("c" * 64)]
    for path in strangers:
        path.parent.mkdir(exist_ok=True)
        path.write_text("the user's own file")
    unused = folder / "html" / ("d" * 64)
    unused.write_bytes(MAGIC + b"\0" * 40)
    interrupted = folder / "parse" / ".tmp-playbooks-x1"
    interrupted.write_bytes(b"")
    for path in [*strangers, unused, interrupted, *entries(folder)]:
        _old(path)
    quick.write("beta.yml", playbook("Beta revu", "beta"))  # a change: the build prunes
    _, store = quick.build(cache=True, name="second")
    assert store is not None
    assert all(path.exists() for path in strangers)
    assert not unused.exists()
    assert not interrupted.exists()
    # The entries of the first build that this one did not use (beta's) are gone:
    assert len(entries(folder, "parse")) == 4


def test_a_cache_of_the_earlier_format_is_taken_over(quick: Project) -> None:
    folder = quick.cache_folder
    old = folder / "parse" / ("e" * 64)
    old.parent.mkdir(parents=True)
    old.write_bytes(b"playbooks-cache 1\n" + b"\0" * 40)
    _old(old)
    quick.build(cache=True, name="first")
    assert (folder / MARKER).is_file()
    quick.write("beta.yml", playbook("Beta revu", "beta"))
    quick.build(cache=True, name="second")
    assert not old.exists()


# A cache that cannot be written.

def test_a_cache_that_cannot_be_written_says_so_once_and_the_strict_build_passes(
    quick: Project, tmp_path: Path,
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    quick.options["cache_dir"] = str(blocker / "cache")
    uncached, _ = quick.build(cache=False, name="uncached")
    with cache_messages() as messages:
        cached, store = quick.build(cache=True, name="unwritable", strict=True)
    assert cached == uncached
    assert store is not None
    assert len(messages) == 1
    assert messages[0].levelno == logging.INFO
    assert "cannot write the cache" in messages[0].getMessage()


def test_validate_says_nothing_of_a_cache_it_cannot_write(tmp_path: Path) -> None:
    write_site(tmp_path, {"a.yml": playbook("A", "a")},
               options=":\n      cache_dir: blocker/cache")
    (tmp_path / "blocker").write_text("")
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == "1 file(s) checked: 0 error(s), 0 warning(s)\n"


# The key rule.

def _shown(view: object, settings: object) -> str:
    return f"{view} {settings}"


SETTINGS = Settings(root=Path("/a"), dir=Path("/a/playbooks"), today=TODAY,
                    framework=(PhaseDef("listen"),))


def _changed(value: object) -> object:
    """Another value of the same type as `value`."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if value is None:
        return "x"
    if isinstance(value, tuple):
        return (*value, PhaseDef("engage")) if value and isinstance(value[0], PhaseDef) \
            else (*value, "x")
    if isinstance(value, dict):
        return {**value, "fr": {"play.why": "Enjeux"}}
    raise AssertionError(f"no other value for {value!r}")


def test_every_setting_a_page_may_read_is_in_its_key() -> None:
    pages = SETTINGS.for_pages()
    key = key_of(_shown, pages)
    fields = [setting.name for setting in dataclasses.fields(PageSettings)]
    assert len(fields) >= 7
    for name in fields:
        other = dataclasses.replace(pages, **{name: _changed(getattr(pages, name))})
        assert key_of(_shown, other) != key, name


def test_a_key_refuses_what_it_cannot_see() -> None:
    with pytest.raises(TypeError, match="cannot be part of a cache key"):
        key_of(_shown, SETTINGS, None)  # a site's settings hold its folders: not for pages
    with pytest.raises(TypeError, match="cannot be part of a cache key"):
        key_of(_shown, Path("a"), None)
    captured = "a"

    def closure(view: object, settings: object) -> str:
        return f"{view} {settings} {captured}"

    with pytest.raises(TypeError, match="only a module-level function"):
        key_of(closure, 1, 2)


def test_a_key_is_the_functions_and_its_inputs() -> None:
    assert key_of(_shown, "a", 1) == key_of(_shown, "a", 1)
    assert key_of(_shown, "a", 1) != key_of(_shown, "a", 1.0)
    assert key_of(_shown, "a", 1) != key_of(_shown, "a", True)
    assert key_of(_shown, ("a", "b"), 1) != key_of(_shown, ("ab",), 1)
    assert key_of(_shown, {"a": 1, "b": 2}, 1) == key_of(_shown, {"b": 2, "a": 1}, 1)
    assert key_of(_shown, "a", 1) != key_of(_changed, "a", 1)


def test_entries_round_trip_and_leave_no_temporary_file(tmp_path: Path) -> None:
    kind = text_kind("text")
    secrets = Secrets(None, b"k" * 32)
    store = Cache(tmp_path / "cache", secrets=secrets)
    assert store.through(kind, _shown, "a", "b") == "a b"
    store.flush()
    again = Cache(tmp_path / "cache", secrets=secrets)
    assert again.through(kind, _shown, "a", "b") == "a b"
    assert dict(again.hits) == {"text": 1}
    assert [path.name for path in (tmp_path / "cache" / "text").iterdir()] == [
        key_of(_shown, "a", "b")]


def test_a_temporary_file_left_under_this_process_and_key_does_not_stop_writing(
    tmp_path: Path,
) -> None:
    """Entries are written to a temporary file named by the process and the key: one left by an
    interrupted process of the same id is not in the way."""
    kind = text_kind("text")
    secrets = Secrets(None, b"k" * 32)
    left = tmp_path / "cache" / "text" / f".tmp-playbooks-{os.getpid()}-{key_of(_shown, 'a', 'b')}"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"")
    (tmp_path / "cache" / MARKER).write_text("mkdocs-playbooks", encoding="utf-8")
    store = Cache(tmp_path / "cache", secrets=secrets)
    store.through(kind, _shown, "a", "b")
    store.flush()
    assert store.writable
    again = Cache(tmp_path / "cache", secrets=secrets)
    assert again.through(kind, _shown, "a", "b") == "a b"
    assert dict(again.hits) == {"text": 1}


def test_serve_keeps_the_last_builds_pages_in_memory() -> None:
    memory = Memory()
    kind = text_kind("pages", in_memory=True)
    hits = []
    for page in ("page 0", "page 1", "page 1", "page 0"):
        memory.next_build()
        store = Cache(None, memory=memory)
        assert store.through(kind, _shown, page, None) == f"{page} None"
        hits.append(total(store.hits))
    assert hits == [0, 0, 1, 0]  # page 0 was not used by the build before: forgotten
    assert memory.now == {key_of(_shown, "page 0", None): "page 0 None"}


def test_serve_keeps_each_languages_work_and_parses_again_only_the_edited_file(
    quick: Project, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under `mkdocs serve` (each rebuild loads the configuration again and keeps the plugin),
    mkdocs-static-i18n builds each language in turn, with other pages from the same files: each
    language keeps its own memory, so an unchanged rebuild makes nothing again, and an edited
    file is parsed again (once per language), not the others."""
    build_by_language(quick)
    made: Counter[str] = Counter()
    put = Cache._put

    def counted(self: Cache, kind: Kind[Any], key: str, value: object) -> None:
        made[kind.name] += 1
        put(self, kind, key, value)

    monkeypatch.setattr(Cache, "_put", counted)

    def rebuild(*, start: bool = False) -> None:
        made.clear()
        config = load_config(str(quick.write_config(cache=False)),
                             site_dir=str(quick.root / "out" / "served"))
        if start:
            config.plugins.on_startup(command="serve", dirty=False)
            config.plugins["playbooks"].memories.clear()  # one plugin per process: a new server
        mkdocs_build(config)

    rebuild(start=True)
    assert made["parse"] > 0
    assert made["markdown"] > 0
    rebuild()
    assert (made["parse"], made["markdown"]) == (0, 0)
    quick.write("beta.yml", playbook("Beta revu", "beta"))
    rebuild()
    assert made["parse"] == 2  # beta.yml, in each language's build
    assert made["markdown"] == 2 * 3  # its page and the index and progress pages listing it


def test_the_demo_entries_are_data(tmp_path: Path) -> None:
    """Every entry of a build of the demo is JSON or text after its header, never a pickle."""
    for name in ("docs", "playbooks"):
        shutil.copytree(REPO / name, tmp_path / name)
    settings = Settings(root=tmp_path, dir=tmp_path / "playbooks", today=TODAY,
                        framework=(PhaseDef("listen"), PhaseDef("engage"), PhaseDef("adapt")),
                        language="fr", cache_dir=tmp_path / "cache")
    cache = settings.cache()
    list(site_pages(load_site(settings, cache=cache), settings, cache))
    assert cache is not None
    cache.flush()
    found = entries(tmp_path / "cache")
    assert len(found) > 10
    for path in found:
        payload = path.read_bytes()[len(MAGIC) + 32:]
        assert payload[:1] != b"\x80"  # a pickle's first byte
        text = payload.decode("utf-8")
        assert text.startswith(("{", "---", "#")), path
