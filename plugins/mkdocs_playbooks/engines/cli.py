"""The `playbooks` command: validate, schema, new, init, aggregate, paper, editions, csp,
export."""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..core.loading import discover, load_site
from ..core.problems import ContentError, printable, shown_path
from ..core.settings import Settings
from ..output.i18n import STRINGS, strings_for
from ..output.links import check_links
from .config import (
    CONFIG_FILE_NAMES,
    ConfigFileError,
    default_settings,
    find_config_file,
    read_settings,
)
from .skeletons import SkeletonError

if TYPE_CHECKING:
    from ..assessment.paper import Sheet
    from ..assessment.targets import Targets
    from ..core.cache import Cache
    from ..core.model import Assessment
    from ..core.site import Entry
    from .export import Export, Exported
    from .site_config import EngineConfig

# The modules of other commands are imported by those commands: `validate` starts faster.

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `playbooks` command with `argv`; return its exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.run(args)
    except (ConfigFileError, SkeletonError) as error:
        _say(f"playbooks: error: {error}")
        return EXIT_USAGE
    return result


def _say(text: str) -> None:
    """A message on stderr, control characters shown as escapes (names and values echoed in it
    come from files that anyone may have written)."""
    print(printable(text), file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="playbooks",
        description="Check and scaffold the YAML playbooks and assessments of an MkDocs site.",
        epilog="Exit status: 0 valid, 1 invalid content, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check playbooks and assessments; print every problem",
        description="Check YAML playbooks and assessments and print each problem as "
        "PATH:LINE:COL: SEVERITY: MESSAGE on stderr. Exit 0 if valid, 1 if not, 2 on usage error.",
    )
    validate.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH",
        help="files or folders to check (default: the playbooks folder named in the site's "
        "configuration file, "
        "else ./playbooks)",
    )
    validate.add_argument("-f", "--config-file", type=Path, metavar="FILE",
                          help="the site's configuration giving the framework and folder "
                          "(default: ./properdocs.yml, ./mkdocs.yml or ./mkdocs.yaml, the "
                          "first found, as the engines look for it)")
    validate.add_argument("--strict", action="store_true",
                          help="treat warnings as errors (exit 1)")
    validate.add_argument("--no-cache", action="store_true",
                          help="neither read nor fill the site's cache of checked files (by "
                          "default a site's `validate` shares the build's, option `cache_dir`)")
    validate.set_defaults(run=_validate)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of playbook files",
        description="Print the JSON Schema of playbook and assessment files (for editors).",
    )
    schema.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE instead of standard output")
    schema.set_defaults(run=_schema)

    new = commands.add_parser(
        "new", help="write a commented skeleton playbook or assessment",
        description="Write a commented skeleton that validates, to fill in.",
    )
    new.add_argument("id", help="the id, also the file name, e.g. my-playbook")
    new.add_argument("--kind", choices=("playbook", "assessment"), default="playbook")
    new.add_argument("-d", "--dir", type=Path, metavar="DIR",
                     help="where to write it (default: the playbooks folder of the site's "
                     "configuration file, "
                     "else ./playbooks)")
    new.set_defaults(run=_new)

    init = commands.add_parser(
        "init", help="create a new site with an example playbook and assessment",
        description="Create DIR with mkdocs.yml, docs/index.md and playbooks/ examples; "
        "`mkdocs build --strict` works in it at once.",
    )
    init.add_argument("dir", type=Path, metavar="DIR", help="the new site's folder")
    init.add_argument("--language", default="en", choices=sorted(STRINGS),
                      help="the site's language, for the theme and the plugin's words "
                      "(default: en); the examples stay in English")
    init.set_defaults(run=_init)

    aggregate = commands.add_parser(
        "aggregate", help="a team report (CSV and HTML) from exported results",
        description="Read results exported from an assessment page, recompute every score "
        "from the answers, and write team-report.csv, team-plan.csv and a self-contained "
        "team-report.html: the team's median and spread per dimension, per round as a timeline "
        "when the results belong to several rounds, what changed between the last two rounds, "
        "who reached which level, the plan ranked by the gap to the team's targets, the "
        "evidence attached to answers, and which files were merged or left out. An attempt "
        "exported several times counts once, and a participant once per round (their latest "
        "attempt). A result of another assessment, or with answers the assessment does not "
        "have, is an error (exit 1, nothing written).",
    )
    aggregate.add_argument("results", nargs="+", type=Path, metavar="RESULT.json",
                           help="result files exported by readers")
    aggregate.add_argument("--assessment", metavar="ID",
                           help="the assessment of the results (default: the one they name)")
    aggregate.add_argument("-o", "--output", type=Path, default=Path(), metavar="DIR",
                           help="folder for the report's three files (default: .)")
    aggregate.add_argument("--team", metavar="LABEL",
                           help="the team's name, shown in the report's title (default: the "
                           "targets file's `team`)")
    aggregate.add_argument("--targets", type=Path, metavar="FILE",
                           help="the team's targets, a YAML file of `dimension: level` (default: "
                           "targets.yml in the folder of the results, when they share one)")
    aggregate.add_argument("--target", metavar="LEVEL",
                           help="one target level for every dimension the targets file does not "
                           "name")
    aggregate.add_argument("-f", "--config-file", type=Path, metavar="FILE",
                           help="the site's configuration file (default: the first of "
                           "./properdocs.yml, ./mkdocs.yml, ./mkdocs.yaml)")
    aggregate.set_defaults(run=_aggregate)

    _add_paper(commands)

    editions = commands.add_parser(
        "editions", help="build the participant and the facilitator editions side by side",
        description="Build the site twice, into DIR/participant/ and DIR/facilitator/, the "
        "second with the plays' facilitator notes and a banner on every page: a trainer "
        "publishes the first and keeps the second, and never builds the wrong one by hand.",
    )
    editions.add_argument("-f", "--config-file", type=Path, metavar="FILE",
                          help="the site's configuration file (default: the first of "
                          "./properdocs.yml, ./mkdocs.yml, ./mkdocs.yaml)")
    editions.add_argument("-d", "--site-dir", type=Path, default=Path("site"), metavar="DIR",
                          help="where to build both editions (default: site)")
    editions.set_defaults(run=_editions)

    csp = commands.add_parser(
        "csp", help="a Content-Security-Policy for a built site",
        description="Print a strict Content-Security-Policy for the site built in DIR: its own "
        "files only, plus the hash of each inline script of the theme, so that search, the "
        "palette toggle and the plugin keep working. Rebuild, then run it again, whenever the "
        "theme or its settings change.",
    )
    csp.add_argument("site", type=Path, metavar="DIR", help="the built site (e.g. site/)")
    csp.set_defaults(run=_csp)

    export = commands.add_parser(
        "export", help="write the pages and assets into a docs folder, for Zensical",
        description="Write the generated pages (rendered and sanitised as the plugin does) and "
        "the script and stylesheet into DOCS_DIR, for site engines that run no MkDocs plugin, "
        "such as Zensical; then print the settings its configuration file still needs (the assets, "
        "and the nav the plugin would make: without it, Zensical lists every page in every "
        "page). Content "
        "errors are printed as `validate` prints them: exit 1, nothing written. The folders it "
        "writes (playbooks/, assessments/, assets/playbooks/) are replaced whole on each export; "
        "one it did not write is never touched (exit 2).",
    )
    export.add_argument("docs_dir", nargs="?", type=Path, metavar="DOCS_DIR",
                        help="the docs folder (default: `docs_dir` of the configuration file, "
                        "else ./docs)")
    export.add_argument("-f", "--config-file", type=Path, metavar="FILE",
                        help="the site's configuration file (default: the first of "
                        "./zensical.toml, ./properdocs.yml, ./mkdocs.yml, ./mkdocs.yaml)")
    export.add_argument("--strict", action="store_true",
                        help="treat warnings as errors (exit 1, nothing written)")
    export.add_argument("-x", "--markdown-extension", action="append", default=[],
                        metavar="NAME", help="also render the playbooks' Markdown with this "
                        "Python-Markdown extension (e.g. admonition); repeat for more")
    export.add_argument("--no-cache", action="store_true",
                        help="neither read nor fill the site's cache (by default the export "
                        "shares the build's, option `cache_dir`: an unchanged page is not "
                        "rendered again)")
    export.set_defaults(run=_export)
    return parser


def _add_paper(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `paper` command's arguments."""
    paper = commands.add_parser(
        "paper", help="result files from answer sheets filled on paper and typed as CSV",
        description="Read SHEETS.csv, one row per answer sheet filled on paper: a `sheet` "
        "label, an optional `date` (YYYY-MM-DD), and one column per question headed by its "
        "number as printed, holding the number of the answer ticked, NA for not applicable, "
        "or nothing. Write one result file per sheet into DIR, the same file the page's "
        "Export button writes, for `playbooks aggregate` with the results exported on screen. "
        "A problem in the file is told at its line and column: exit 1, nothing written. "
        "--template FILE writes the empty file to fill instead.",
    )
    paper.add_argument("sheets", nargs="?", type=Path, metavar="SHEETS.csv",
                       help="the typed answer sheets")
    paper.add_argument("--template", type=Path, metavar="FILE",
                       help="write the header row of an empty sheets file to FILE and stop")
    paper.add_argument("--assessment", metavar="ID",
                       help="the assessment of the sheets (default: the site's only one)")
    paper.add_argument("-o", "--output", type=Path, default=Path(), metavar="DIR",
                       help="folder for the result files (default: .)")
    paper.add_argument("--date", type=datetime.date.fromisoformat, metavar="YYYY-MM-DD",
                       help="the day of the sheets without a date (default: today)")
    paper.add_argument("--round", metavar="NAME",
                       help="the round (campaign) of the sheets, as the page's round field "
                       "names it, e.g. 2026-Q1")
    paper.add_argument("-f", "--config-file", type=Path, metavar="FILE",
                       help="the site's configuration file (default: the first of "
                       "./properdocs.yml, ./mkdocs.yml, ./mkdocs.yaml)")
    paper.set_defaults(run=_paper)


def _settings(config_file: Path | None, *, quiet: bool = False) -> Settings:
    """The site's settings, from the configuration file named, else the one the engines would
    find here; without any, the plugin's defaults, saying so unless `quiet`."""
    if config_file is not None:
        if not config_file.is_file():
            raise ConfigFileError(f"{config_file}: no such file")
        return read_settings(config_file)
    found = find_config_file(Path())
    if found is not None:
        return read_settings(found)
    if not quiet:
        _say(f"playbooks: note: no {', '.join(CONFIG_FILE_NAMES)} here: the plugin's default "
             "options are used (playbooks folder `playbooks`, phases listen, engage, adapt)")
    return default_settings(Path.cwd())


def _validate(args: argparse.Namespace) -> int:
    settings = _settings(args.config_file, quiet=bool(args.paths))
    missing = [path for path in args.paths if not path.exists()]
    if missing:
        _say(f"playbooks: error: no such file or folder: {missing[0]}")
        return EXIT_USAGE
    if not args.paths and not settings.dir.is_dir():
        _say(f"playbooks: error: no playbooks folder at {shown_path(settings.dir, Path.cwd())}"
             " (name files or folders to check, or run in a site folder)")
        return EXIT_USAGE
    chosen = discover(args.paths) if args.paths else discover([settings.dir])
    files = chosen
    if args.paths and settings.dir.is_dir():
        # Load the whole folder too, so references to playbooks outside `chosen` resolve.
        chosen_resolved = {path.resolve() for path in chosen}
        files = [*chosen, *(path for path in discover([settings.dir])
                            if path.resolve() not in chosen_resolved)]
    cache = None if args.no_cache else settings.cache()
    site = load_site(settings, files, cache=cache)
    if cache is not None:
        cache.report()
    check_links(site, settings)
    shown = {shown_path(path, settings.root) for path in chosen}  # as build_site shows them
    problems = [problem for problem in site.problems if problem.path in shown]
    for problem in problems:
        _say(str(problem))
    errors = sum(problem.is_error for problem in problems)
    warnings = sum(problem.severity.value == "warning" for problem in problems)
    _say(f"{len(chosen)} file(s) checked: {errors} error(s), {warnings} warning(s)")
    failed = errors > 0 or (args.strict and warnings > 0)
    return EXIT_INVALID if failed else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from ..core.schema import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as error:
            _say(f"playbooks: error: {args.output}: cannot write it: {error.strerror}")
            return EXIT_USAGE
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from .skeletons import new_document

    directory = args.dir if args.dir is not None else _settings(None).dir
    path = new_document(directory, args.id, args.kind)
    _say(f"wrote {path}")
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from .skeletons import new_site

    new_site(args.dir, args.language)
    _say(f"created {args.dir}: run `mkdocs serve` in it")
    return EXIT_OK


def _aggregate(args: argparse.Namespace) -> int:
    from ..assessment.aggregate import (
        REPORT_FILES,
        file_notes,
        write_csv,
        write_html,
        write_plan_csv,
    )
    from ..assessment.team import Why, collect, summarise

    settings = _settings(args.config_file)
    if not _is_folder_to_write(args.output):
        return EXIT_USAGE
    assessment_id, unreadable = (args.assessment, "") if args.assessment \
        else _first_assessment(args.results)
    if assessment_id is None:
        _say(f"playbooks: error: no result file can be read: {unreadable}")
        return EXIT_INVALID
    site = load_site(settings) if settings.dir.is_dir() else None
    entry = site.assessments.get(str(assessment_id)) if site else None
    if entry is None:
        _say(f"playbooks: error: no assessment '{assessment_id}' in "
             f"{shown_path(settings.dir, Path.cwd())}")
        return EXIT_USAGE
    targets = _targets(args, entry.model)
    if targets is None:
        return EXIT_USAGE
    collected = collect(args.results, entry.model)
    for message in collected.errors:
        _say(f"playbooks: error: {message}")
    english = strings_for(settings, "en")
    for note, text in zip(collected.notes, file_notes(collected.notes, english), strict=True):
        _say(f"playbooks: {'warning' if note.why is Why.MAYBE_SAME else 'note'}: {text}")
    if collected.errors or not collected.taken:
        return EXIT_INVALID
    report = summarise(entry, collected, args.team or "", targets)
    strings = strings_for(settings, entry.model.lang)
    csv_file, plan_file, html_file = (args.output / name for name in REPORT_FILES)
    try:
        args.output.mkdir(parents=True, exist_ok=True)
        write_csv(csv_file, report, strings)
        write_plan_csv(plan_file, report, strings, settings.site_url)
        write_html(html_file, report, strings, settings.site_url)
    except OSError as error:
        _say(f"playbooks: error: {error.filename or args.output}: cannot write the report: "
             f"{error.strerror} (name a folder you may write with -o)")
        return EXIT_USAGE
    rounds = len(report.rounds)
    _say(f"{len(collected.taken)} attempt(s) from {collected.read} file(s)"
         + (f" in {rounds} rounds" if rounds > 1 else "")
         + f": wrote {csv_file}, {plan_file} and {html_file}")
    return EXIT_OK


def _targets(args: argparse.Namespace, assessment: Assessment) -> Targets | None:
    """The team's targets: its file's (named, or beside the results), the `--target` level for
    every dimension the file does not name; None, said, when they cannot be read."""
    from ..assessment.targets import Targets, beside, every_dimension, read_targets

    chosen = Targets()
    if args.target is not None:
        try:
            chosen = every_dimension(assessment, args.target)
        except ValueError as error:
            _say(f"playbooks: error: --target: {error}")
            return None
    path = args.targets or beside(args.results)
    if path is None:
        return chosen
    if not path.is_file():
        _say(f"playbooks: error: {path}: no such file")
        return None
    try:
        found = read_targets(path, assessment)
    except ContentError as error:
        for problem in error.problems:
            _say(str(problem))
        return None
    if args.targets is None:
        _say(f"playbooks: note: the team's targets from {path}")
    return Targets({**chosen.levels, **found.levels}, found.team, found.path, chosen.option)
def _paper(args: argparse.Namespace) -> int:
    from ..assessment.paper import SheetsError, read_sheets, template

    if (args.sheets is None) == (args.template is None):
        _say("playbooks: error: give SHEETS.csv, or --template FILE for an empty one")
        return EXIT_USAGE
    if args.sheets is not None and not _is_folder_to_write(args.output):
        return EXIT_USAGE
    if args.round is not None and not _is_round(args.round):
        return EXIT_USAGE
    settings = _settings(args.config_file)
    entry = _paper_assessment(settings, args.assessment)
    if entry is None:
        return EXIT_USAGE
    words = strings_for(settings, entry.model.lang)
    if args.template is not None:
        return _write_template(args.template, template(entry.model, words.language))
    try:
        typed = read_sheets(args.sheets, entry.model, day=args.date or settings.today,
                            na_mark=words("assessment.na_mark"))
    except SheetsError as error:
        _say(f"playbooks: error: {error}")
        return EXIT_INVALID
    for problem in typed.problems:
        _say(problem)
    if typed.problems:
        _say("playbooks: nothing written")
        return EXIT_INVALID
    return _write_sheets(args, entry.model, typed.sheets)


def _paper_assessment(settings: Settings, chosen: str | None) -> Entry[Assessment] | None:
    """The assessment the sheets answer: `chosen`, else the site's only one (translations
    aside); None, having said why, when there is none to take."""
    site = load_site(settings) if settings.dir.is_dir() else None
    originals = ([key for key in site.assessments if not site.is_translation(key)]
                 if site is not None else [])
    chosen = chosen or (originals[0] if len(originals) == 1 else None)
    entry = site.assessments.get(chosen) if site is not None and chosen else None
    if entry is None:
        known = ", ".join(originals) or "none"
        _say(f"playbooks: error: say which assessment with --assessment ID (the site's: {known})"
             if chosen is None else f"playbooks: error: no assessment '{chosen}' in "
             f"{shown_path(settings.dir, Path.cwd())} (the site's: {known})")
    return entry


def _is_round(name: str) -> bool:
    """Whether `name` can name a round in a result file; says why not."""
    from ..assessment.results import round_name
    from ..core.model import MAX_ROUND_CHARS

    if round_name(name) is None:
        _say(f"playbooks: error: --round must be a name of 1 to {MAX_ROUND_CHARS} characters on "
             "one line, e.g. 2026-Q1")
        return False
    return True


def _write_template(target: Path, text: str) -> int:
    try:
        target.write_text(text, encoding="utf-8-sig")
    except OSError as error:
        _say(f"playbooks: error: {target}: cannot write it: {error.strerror} (name a file you "
             "may write)")
        return EXIT_USAGE
    _say(f"wrote {target}: one row per answer sheet below its header")
    return EXIT_OK


def _write_sheets(args: argparse.Namespace, assessment: Assessment, sheets: list[Sheet]) -> int:
    """One result file per sheet, named by its attempt: a sheet typed again replaces its own."""
    from ..assessment.paper import sheet_result
    from ..assessment.results import result_text, round_name

    chosen_round = round_name(args.round) if args.round is not None else None
    try:
        args.output.mkdir(parents=True, exist_ok=True)
        for sheet in sheets:
            path = args.output / f"{assessment.id}-{sheet.attempt(assessment)}.json"
            document = sheet_result(assessment, sheet, round=chosen_round)
            path.write_text(result_text(document), encoding="utf-8")
            _say(f"{args.sheets}:{sheet.line}: {sheet.label}: {len(sheet.answers)} answer(s), "
                 f"wrote {path}")
    except OSError as error:
        _say(f"playbooks: error: {error.filename or args.output}: cannot write there: "
             f"{error.strerror} (name a folder you may write with -o)")
        return EXIT_USAGE
    return EXIT_OK


def _first_assessment(paths: list[Path]) -> tuple[str | None, str]:
    """The assessment named by the first readable result (the others must name the same); if
    none is readable, None and why the first is not."""
    from ..assessment.results import ResultError, read_result

    first_error = ""
    for path in paths:
        try:
            return read_result(path).assessment, ""
        except ResultError as error:
            first_error = first_error or str(error)
    return None, first_error


def _is_folder_to_write(folder: Path) -> bool:
    """Whether `folder` can be a folder to write into (absent, or a folder); says why not."""
    blocking = next((path for path in (folder, *folder.parents)
                     if path.exists() and not path.is_dir()), None)
    if blocking is None:
        return True
    _say(f"playbooks: error: {blocking}: not a folder; name a folder to write into "
         f"(it is made if need be)")
    return False


def _editions(args: argparse.Namespace) -> int:
    from .editions import EditionError, FolderError, build_editions

    config_file = args.config_file or find_config_file(Path()) or Path("mkdocs.yml")
    if not config_file.is_file():
        _say(f"playbooks: error: {config_file}: no such file")
        return EXIT_USAGE
    try:
        for edition, folder in build_editions(config_file, args.site_dir):
            _say(f"{edition} edition: {folder}")
    except FolderError as error:
        _say(f"playbooks: error: {error}")
        return EXIT_USAGE
    except EditionError as error:
        _say(f"playbooks: error: {error}")
        return EXIT_INVALID
    return EXIT_OK


def _csp(args: argparse.Namespace) -> int:
    from .csp import SiteError, html_pages, policy

    if not (args.site / "index.html").is_file():
        _say(f"playbooks: error: no built site in {args.site} (run `mkdocs build` first)")
        return EXIT_USAGE
    for path in html_pages(args.site)[1]:
        _say(f"playbooks: note: {path}: not a regular file, skipped")
    try:
        print(policy(args.site))
    except SiteError as error:
        _say(f"playbooks: error: {error}")
        return EXIT_INVALID
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .export import Export, ExportError
    from .site_config import find_engine_config, read_engine_config

    config_file = args.config_file or find_engine_config(Path())
    if config_file is None:
        _say("playbooks: note: no zensical.toml, properdocs.yml, mkdocs.yml or mkdocs.yaml here: "
             "the plugin's default options are used")
    engine = read_engine_config(config_file, Path.cwd())
    settings = engine.settings
    if not settings.dir.is_dir():
        _say(f"playbooks: error: no playbooks folder at {shown_path(settings.dir, Path.cwd())}")
        return EXIT_USAGE
    docs_dir = args.docs_dir if args.docs_dir is not None else engine.docs_dir
    banner = None
    if settings.facilitator:  # the plugin's banner, first on each page as the plugin puts it
        from ..output.pages.markup import page_banner

        banner = functools.partial(page_banner, strings_for(settings))
    cache = None if args.no_cache else settings.cache()
    try:  # the arguments checked before anything is read or written, the cache included
        target = Export(docs_dir, allow_html=engine.allow_html,
                        extensions=args.markdown_extension, banner=banner, cache=cache)
    except ExportError as error:
        _say(f"playbooks: error: {error}")
        return EXIT_USAGE
    try:
        with target:
            return _export_site(args, engine, config_file, target, cache)
    finally:
        if cache is not None:
            cache.close()  # the pages written; old entries pruned after changes


def _export_site(args: argparse.Namespace, engine: EngineConfig, config_file: Path | None,
                 target: Export, cache: Cache | None) -> int:
    from ..output.pages import site_pages
    from .export import ExportError

    settings = engine.settings
    files = discover([settings.dir])
    site = load_site(settings, files, cache=cache)
    check_links(site, settings)
    for problem in site.problems:
        _say(str(problem))
    errors = len(site.errors)
    warnings = sum(problem.severity.value == "warning" for problem in site.problems)
    _say(f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)")
    if errors > 0 or (args.strict and warnings > 0):
        _say("playbooks: nothing written")
        return EXIT_INVALID
    try:
        done = target.write(site_pages(site, settings, cache))
    except ExportError as error:
        _say(f"playbooks: error: {error}")
        return EXIT_USAGE
    _say(f"wrote {len(done.pages)} page(s) and {len(done.assets)} asset(s) into "
         f"{shown_path(target.docs_dir, Path.cwd())}")
    name = config_file.name if config_file is not None else "zensical.toml"
    for extension in engine.missing_extensions:
        _say(f"playbooks: warning: {name} lists Markdown extensions without `{extension}`, "
             "which the exported headings need: add it")
    _print_settings(engine, done, name)
    return EXIT_OK


def _print_settings(engine: EngineConfig, done: Exported, name: str) -> None:
    """Print, on stdout alone, the settings the configuration file still needs: the assets, and
    the nav the plugin would make (the engine would list every page in every page)."""
    from .export import OWNED, mkdocs_settings, settings_to_add, zensical_settings
    from .nav import automatic_nav
    from .site_nav import arranged, not_in_nav

    own = engine.nav if engine.nav is not None else automatic_nav(
        done.docs_dir, leave_out=OWNED, **engine.patterns)
    nav = arranged(own, done.nav_pages, strings_for(engine.settings)("nav.section"),
                   engine.nav_limit)
    add = settings_to_add(engine.extra_css, engine.extra_javascript,
                          nav=None if nav == engine.nav else nav,
                          not_in_nav=not_in_nav(engine.patterns.get("not_in_nav")))
    if not add:
        return
    replaced = " (its nav replaced)" if "nav" in add and engine.nav is not None else ""
    _say(f"add to {name}{replaced}:")
    sys.stdout.write((zensical_settings if engine.is_toml else mkdocs_settings)(add))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
