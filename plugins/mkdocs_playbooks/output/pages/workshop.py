"""The workshop kit: what a trainer prints for whom and in which edition, then the steps of a
workshop with their timings, all taken from the site's own assessments and playbooks (questions
and dimensions counted, the plays' durations as their authors wrote them).

The page is the same in both editions (it names what each edition holds, and holds no note
itself), so the facilitator edition prints it as the participants' does."""

from __future__ import annotations

from ...core.model import Assessment, Playbook
from ...core.settings import PageSettings
from ...core.site import Entry, Site
from ..i18n import Strings, strings_for
from .markup import (
    esc,
    front_matter,
    heading,
    language_switch,
    listed,
    notices,
    page_id,
    plain,
)
from .urls import WORKSHOP_URI, assessment_uri, playbook_uri, relative_link

_TABLE = '<div class="pb-kit pb-table" data-search-exclude><table>'
"""The kit's tables: out of the search index, as every playbook and play they name has its own
page there (and at thousands of them one section would outgrow Zensical's index)."""


def render_workshop(site: Site, settings: PageSettings) -> str:
    """The Markdown of the workshop kit, in the page's language."""
    t = strings_for(settings)
    playbooks = listed(site, settings, site.playbooks)
    assessments = listed(site, settings, site.assessments)
    parts = [front_matter(), f"# {plain(t('workshop.title'))}\n\n",
             language_switch(settings, None, WORKSHOP_URI, playbook_uri), notices(t),
             f"{esc(t('workshop.intro'))}\n\n"]
    if not playbooks and not assessments:
        parts.append(f"{esc(t('index.empty'))}\n\n")
        return "".join(parts)
    parts.append(heading(2, t("workshop.print"), "pb-kit-print"))
    parts.append(_to_print(site, settings, t, playbooks, assessments))
    parts.append(heading(2, t("workshop.steps"), "pb-kit-steps"))
    parts.append(_steps(site, settings, t, playbooks, assessments))
    return "".join(parts)


def _link(title: str, uri: str, anchor: str = "") -> str:
    """A link from the kit to another generated page, in the kit's HTML tables (where MkDocs
    does not read Markdown links): to its file, `…/index.html`, which every generated page is
    built as, whatever the site's URL style, and which serves from disk as from a server."""
    target = relative_link(WORKSHOP_URI, uri).removesuffix(".md") + ".html"
    return f'<a href="{esc(target)}{"#" + anchor if anchor else ""}">{esc(title)}</a>'


def _notes(playbook: Playbook) -> int:
    """How many of a playbook's plays have facilitator notes."""
    return sum(play.facilitator is not None for phase in playbook.phases for play in phase.plays)


def _counts(t: Strings, assessment: Assessment) -> dict[str, str]:
    """An assessment's questions and dimensions, counted in words."""
    questions = sum(len(dimension.questions) for dimension in assessment.dimensions)
    return {"questions": t.plural("workshop.questions", questions),
            "dimensions": t.plural("workshop.dimensions", len(assessment.dimensions))}


def _to_print(site: Site, settings: PageSettings, t: Strings, playbooks: list[Entry[Playbook]],
              assessments: list[Entry[Assessment]]) -> str:
    """A table: each document to print, for whom, from which edition, how many copies."""
    both, participant, facilitator = (t("workshop.edition_both"),
                                      t("workshop.edition_participant"),
                                      t("workshop.edition_facilitator"))
    rows: list[tuple[str, str, str, str]] = []
    for sheet in assessments:
        assessment = sheet.model
        link = _link(assessment.title,
                     assessment_uri(page_id(site, settings, sheet.id)))
        what = esc(t("workshop.questionnaire", **_counts(t, assessment)))
        rows.append((t("workshop.item", label=link, items=what), t("workshop.participants"), both,
                     t("workshop.one_each")))
    if playbooks:
        links = ", ".join(_link(entry.model.title, playbook_uri(page_id(site, settings, entry.id)))
                          for entry in playbooks)
        rows.append((t("workshop.item", label=esc(t("workshop.handouts")), items=links),
                     t("workshop.participants"), participant, t("workshop.one_each")))
    noted = [(entry, _notes(entry.model)) for entry in playbooks if _notes(entry.model)]
    if noted:
        links = ", ".join(
            f"{_link(entry.model.title, playbook_uri(page_id(site, settings, entry.id)))} "
            f"({esc(t.plural('workshop.notes', notes))})" for entry, notes in noted)
        rows.append((t("workshop.item", label=esc(t("workshop.with_notes")), items=links),
                     t("workshop.facilitator"), facilitator, t("workshop.one")))
    rows.append((esc(t("workshop.this_kit")), t("workshop.facilitator"), both, t("workshop.one")))
    head = "".join(f"<th>{esc(t(key))}</th>" for key in (
        "workshop.document", "workshop.for", "workshop.edition", "workshop.copies"))
    body = "".join(f"<tr><td>{what}</td><td>{esc(who)}</td><td>{esc(edition)}</td>"
                   f"<td>{esc(copies)}</td></tr>" for what, who, edition, copies in rows)
    return (f"{_TABLE}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>\n\n"
            f"<p>{esc(t('workshop.print_help'))}</p>\n\n")


def _steps(site: Site, settings: PageSettings, t: Strings, playbooks: list[Entry[Playbook]],
           assessments: list[Entry[Assessment]]) -> str:
    """The workshop's steps in order, each with what it takes."""
    steps = [(t("workshop.step_prepare"), esc(t("workshop.step_prepare_text")))]
    for sheet in assessments:
        assessment = sheet.model
        steps.append((t("workshop.step_assess", title=assessment.title),
                      esc(t("workshop.step_assess_text", **_counts(t, assessment)))))
    if assessments:
        steps.append((t("workshop.step_results"), _results_step(t, assessments)))
    if playbooks:
        steps.append((t("workshop.step_plays"),
                      f"<p>{esc(t('workshop.step_plays_text'))}</p>"
                      + _agenda(site, settings, t, playbooks)))
    items = "".join(f'<li class="pb-kit-step"><p class="pb-label">{esc(title)}</p>'
                    f"{text if text.startswith('<') else f'<p>{text}</p>'}</li>"
                    for title, text in steps)
    return f'<ol class="pb-kit-steps">{items}</ol>\n\n'


def _results_step(t: Strings, assessments: list[Entry[Assessment]]) -> str:
    """From the sheets and the browsers' exports to one team report: the commands."""
    first = assessments[0].model.id
    commands = "\n".join([
        f"playbooks paper --template sheets.csv --assessment {first}",
        f"playbooks paper sheets.csv -o results/ --assessment {first}",
        'playbooks aggregate results/*.json -o report/ --team "…"'])
    return (f"<p>{esc(t('workshop.step_results_text'))}</p>"
            f"<pre><code>{esc(commands)}</code></pre>")


def _agenda(site: Site, settings: PageSettings, t: Strings,
            playbooks: list[Entry[Playbook]]) -> str:
    """Every play by phase of the framework, with its playbook and its duration."""
    rows: list[str] = []
    for phase in site.framework:
        for entry in playbooks:
            for section in entry.model.phases:
                if section.phase != phase.id:
                    continue
                uri = playbook_uri(page_id(site, settings, entry.id))
                rows.extend(
                    f"<tr><td>{esc(site.phase_title(phase.id, t))}</td>"
                    f"<td>{_link(entry.model.title, uri)}</td>"
                    f"<td>{_link(play.title, uri, play.id)}</td>"
                    f"<td>{esc(play.duration or t('workshop.no_duration'))}</td></tr>"
                    for play in section.plays)
    head = "".join(f"<th>{esc(t(key))}</th>" for key in (
        "workshop.phase", "workshop.playbook", "workshop.play", "play.duration"))
    return f'{_TABLE}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
