"""Where the CPU time of one `mkdocs build` goes, by stage and by plugin event, and in Python's
garbage collector: a build of the plugin's site and of the same pages by hand can be compared
stage by stage, with CPU time (steadier than wall time on a shared machine) and no profiler's
overhead spread over every call.

Run (in a site's folder): python benchmarks/phases.py [--out FILE.json] [-- mkdocs build options]

For example, at N = 1,000 (sites of `generate.py`):

    python benchmarks/generate.py 1000 /tmp/n1000 --sites plugin,handmade
    (cd /tmp/n1000/plugin && python ../../…/benchmarks/phases.py -- -d /tmp/site)

Prints one line per stage: the CPU seconds of this process spent in it (`time.process_time`),
how many times it ran, and the wall seconds. Stages nest (an event of a page is inside `page:
render` or `page: build`), so the times do not add up; `gc` is the cyclic garbage collector,
counted wherever it ran, by generation.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

CPU: dict[str, float] = defaultdict(float)
WALL: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            CPU[name] += time.process_time() - cpu
            WALL[name] += time.perf_counter() - wall
            CALLS[name] += 1
    return wrapper


def patch(owner: Any, attribute: str, name: str) -> None:
    setattr(owner, attribute, timed(name, getattr(owner, attribute)))


_gc_started: dict[int, tuple[float, float]] = {}


def _on_gc(phase: str, info: dict[str, int]) -> None:
    generation = info["generation"]
    if phase == "start":
        _gc_started[generation] = (time.process_time(), time.perf_counter())
        return
    cpu, wall = _gc_started.pop(generation, (time.process_time(), time.perf_counter()))
    name = f"gc: generation {generation}"
    CPU[name] += time.process_time() - cpu
    WALL[name] += time.perf_counter() - wall
    CALLS[name] += 1


def instrument() -> None:
    """Wrap MkDocs' build stages and every plugin event method (once plugins are loaded)."""
    import jinja2
    from mkdocs import utils
    from mkdocs.commands import build
    from mkdocs.plugins import CombinedEvent, PluginCollection
    from mkdocs.structure import files, nav, pages

    patch(build, "_populate_page", "page: read and render (all)")
    patch(build, "_build_page", "page: build (all)")
    patch(build, "get_context", "page build: get_context")
    patch(build, "get_files", "files: get_files")
    patch(build, "get_navigation", "nav: get_navigation")
    patch(build, "set_exclusions", "files: set_exclusions")
    patch(utils, "clean_directory", "site: clean_directory")
    patch(utils, "write_file", "write: utils.write_file")
    patch(pages.Page, "read_source", "page render: read_source")
    patch(pages.Page, "render", "page render: Markdown to HTML (Page.render)")
    patch(files.Files, "copy_static_files", "files: copy_static_files")
    patch(files.Files, "add_files_from_theme", "files: add_files_from_theme")
    patch(jinja2.Template, "render", "page build: jinja2 Template.render")
    del nav

    original_register = PluginCollection._register_event

    def register(self: Any, event_name: str, method: Any,
                 plugin_name: str | None = None) -> None:
        if isinstance(method, CombinedEvent):
            for sub in method.methods:
                register(self, event_name, sub, plugin_name)
            return
        owner = getattr(method, "__self__", None)
        label = type(owner).__module__.split(".")[0] if owner is not None else "?"
        method_name = getattr(method, "__name__", event_name)
        name = f"event {event_name}: {label}.{method_name}"
        wrapper = timed(name, method)
        wrapper.mkdocs_priority = getattr(method, "mkdocs_priority", 0)  # type: ignore[attr-defined]
        original_register(self, event_name, wrapper, plugin_name)

    PluginCollection._register_event = register  # type: ignore[method-assign]

    try:  # the plugin's own stages, when it is importable
        from mkdocs_playbooks.core import cache
        from mkdocs_playbooks.engines import memory, plugin
        from mkdocs_playbooks.output import pages as generated
        from mkdocs_playbooks.output import sanitize
    except ImportError:
        return
    patch(plugin, "load_site", "playbooks: load_site (YAML, models, checks)")
    patch(sanitize, "sanitize", "playbooks: sanitize (nh3)")
    patch(cache.Cache, "_get", "playbooks: Cache._get (memory or disk, checked)")
    patch(cache.Cache, "flush", "playbooks: Cache.flush")
    patch(cache.Cache, "prune", "playbooks: Cache.prune")
    patch(cache.KeyEncoder, "key", "playbooks: KeyEncoder.key")
    patch(memory.HeldPage, "of", "playbooks: HeldPage.of (digest, packing)")
    patch(generated, "render_assessment", "playbooks: render_assessment")
    patch(generated, "render_index", "playbooks: render_index")
    patch(generated, "render_progress", "playbooks: render_progress")


def report(total_cpu: float, total_wall: float) -> dict[str, Any]:
    rows = {name: {"cpu": round(CPU[name], 3), "wall": round(WALL[name], 3),
                   "calls": CALLS[name]} for name in CPU}
    return {"total": {"cpu": round(total_cpu, 3), "wall": round(total_wall, 3)}, "stages": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="also write the figures as JSON")
    parser.add_argument("build_args", nargs="*", help="options of `mkdocs build` (after --)")
    args = parser.parse_args()
    cpu, wall = time.process_time(), time.perf_counter()
    gc.callbacks.append(_on_gc)
    instrument()
    from mkdocs.__main__ import cli

    try:
        cli.main(["build", "-q", *args.build_args], standalone_mode=False)
    finally:
        found = report(time.process_time() - cpu, time.perf_counter() - wall)
        total = found["total"]
        print(f"{'stage':70} {'CPU s':>8} {'calls':>7} {'wall s':>8}")
        print(f"{'whole process (after imports of this script)':70} {total['cpu']:8.2f} "
              f"{'':7} {total['wall']:8.2f}")
        for name, row in sorted(found["stages"].items(), key=lambda item: -item[1]["cpu"]):
            print(f"{name[:70]:70} {row['cpu']:8.2f} {row['calls']:7} {row['wall']:8.2f}")
        if args.out is not None:
            args.out.write_text(json.dumps(found, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
