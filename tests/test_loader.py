"""The YAML loader: positions, refusals and limits."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from mkdocs_playbooks.core.loader import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    Mark,
    Number,
    load_file,
    load_text,
)
from mkdocs_playbooks.core.problems import ContentError


def problems_of(text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_text(text, "f.yml")
    return [str(problem) for problem in caught.value.problems]


def test_values_and_keys_have_one_based_positions() -> None:
    loaded = load_text("title: A\nphases:\n  - phase: listen\n", "f.yml")
    assert loaded.data == {"title": "A", "phases": [{"phase": "listen"}]}
    assert loaded.values[("title",)] == Mark(1, 8)
    assert loaded.keys[("phases",)] == Mark(2, 1)
    assert loaded.values[("phases", 0, "phase")] == Mark(3, 12)
    assert loaded.mark(("phases", 0, "missing", 3)) == Mark(3, 5)


def test_scalars_are_read_by_the_yaml_1_2_core_schema_and_keys_stay_text() -> None:
    loaded = load_text("on: 2026-09-30\nn: 3\nf: 1.5\nb: no\nnull: ~\nt: true\n"
                       "o: 0755\nh: 0x1F\nc: 1:30\ns: 190:20:30\nd: 1.10\ny: yes\n", "f.yml")
    assert loaded.data == {"on": "2026-09-30", "n": "3", "f": "1.5", "b": "no", "null": None,
                           "t": True, "o": "0755", "h": "0x1F", "c": "1:30", "s": "190:20:30",
                           "d": "1.10", "y": "yes"}
    numbers = {key: value.value for key, value in loaded.data.items() if isinstance(value, Number)}
    assert numbers == {"n": 3, "f": 1.5, "o": 755, "h": 31, "d": 1.1}


@pytest.mark.parametrize("text", [
    'title: "a\\x1b[31mred"\n', 'title: "a\\rb"\n', "title: \"\\u0085\"\n", "title: \"\\0\"\n",
])
def test_control_characters_in_text_are_located_errors(text: str) -> None:
    (message,) = problems_of(text)
    assert message.startswith("f.yml:1:8: error: control character U+")


def test_special_files_are_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yml"
    os.mkfifo(fifo)
    with pytest.raises(ContentError) as caught:
        load_file(fifo, "pipe.yml")
    assert "not a regular file" in str(caught.value)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yml"
    path.write_bytes(b"\xef\xbb\xbftitle: A\n")
    assert load_file(path).data == {"title": "A"}


def test_every_duplicate_key_is_reported() -> None:
    assert problems_of("a: 1\nb: 2\na: 3\nb: 4\n") == [
        "f.yml:3:1: error: duplicate key 'a' (first at line 1) (keep only one of them)",
        "f.yml:4:1: error: duplicate key 'b' (first at line 2) (keep only one of them)",
    ]


def test_billion_laughs_is_refused_at_once() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 10)]
    tracemalloc.start()
    (message,) = problems_of("\n".join(lines))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 10 * 1024 * 1024  # never expanded (9**10 items): whatever the machine's load
    assert message.startswith("f.yml:1:5: error: YAML anchors ('&a0') are not supported")


def test_alias_without_anchor_is_refused() -> None:
    (message,) = problems_of("a: *nothing\n")
    assert "error:" in message


def test_very_deep_nesting_is_refused_without_crashing() -> None:
    (message,) = problems_of("a: " + "[" * 200_000 + "]" * 200_000)
    assert f"nesting deeper than {MAX_DEPTH} levels" in message


def test_oversized_files_are_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yml"
    path.write_text("title: A\nsummary: " + "x" * MAX_FILE_BYTES + "\n")
    with pytest.raises(ContentError) as caught:
        load_file(path, "big.yml")
    (problem,) = caught.value.problems
    assert str(problem) == ("big.yml:1:1: error: file is 1.0 MiB, over the 1 MiB limit for one "
                            "playbook (split it into several playbooks)")


def test_python_tags_are_refused() -> None:
    (message,) = problems_of("a: !!python/object/apply:os.system [echo hi]\n")
    assert "is not supported" in message


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_file(tmp_path / "missing.yml", "missing.yml")
    assert "cannot read the file" in str(caught.value)
