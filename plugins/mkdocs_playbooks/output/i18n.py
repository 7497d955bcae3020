"""Words the plugin writes into pages, in French and English; `mkdocs.yml` may override any."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..core.settings import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from ..core.settings import Settings

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "phase.listen": "Listen",
        "phase.engage": "Engage",
        "phase.adapt": "Adapt",
        "nav.section": "Playbooks",
        "edition.banner": "Facilitator edition: these pages hold notes for trainers. Do not "
        "hand them out to participants.",
        "problems.title": "This page has errors",
        "problems.explanation": "The page as it last built is shown below; it comes back as it "
        "should once the file is fixed and saved.",
        "index.title": "Playbooks",
        "index.intro": "Every playbook of this site, with its phases and tags.",
        "index.assessments": "Self-assessments",
        "index.empty": "No playbook yet.",
        "pager.label": "Pages of this list",
        "pager.title": "{title}, page {page} of {pages}",
        "pager.previous": "Previous page",
        "pager.next": "Next page",
        "playbook.owner": "Owner",
        "playbook.reviewed": "Last reviewed",
        "playbook.review_due": "Review due since {date}",
        "playbook.audience": "For",
        "playbook.sources": "Sources",
        "play.why": "Why",
        "play.how": "How",
        "play.duration": "Duration",
        "play.facilitator": "Facilitator notes",
        "play.checklist": "Checklist",
        "play.metrics": "Metrics",
        "play.resources": "Resources",
        "metric.name": "Metric",
        "metric.formula": "Formula",
        "metric.target": "Target",
        "assessment.levels": "Maturity levels",
        "assessment.level_from": "from {min}",
        "assessment.not_applicable": "Not applicable",
        "assessment.recommendations": "Recommendations by level",
        "assessment.dimension_weight": "Weight {weight}",
        "assessment.dimensions": "Dimensions",
        "assessment.one_at_a_time": "One dimension at a time",
        "assessment.previous": "Previous: {title}",
        "assessment.next_dimension": "Next: {title}",
        "assessment.answered": "{answered} / {count} answered",
        "assessment.left": "{count} question | {count} questions",
        "assessment.answers": "{count} answer | {count} answers",
        "assessment.na_part": "{count} of them not applicable | {count} of them not applicable",
        "assessment.results": "Your results",
        "assessment.see_results": "See my results",
        "assessment.overall": "Overall: {score} / 100, level {level}",
        "assessment.overall_partial": "Partial result: {score} / 100, from {count} answer "
        "to {total} questions | Partial result: {score} / 100, from {count} answers to {total} "
        "questions",
        "assessment.rule_all": "No level yet: levels are given once every question is answered "
        "(“Not applicable” counts as an answer). Still to answer:",
        "assessment.rule_percent": "No level yet: levels are given once at least {percent} % of "
        "each dimension's questions are answered (“Not applicable” counts as an answer). Still "
        "to answer:",
        "assessment.no_answer": "No answer yet.",
        "assessment.card": "{score} / 100, level {level}",
        "assessment.card_partial": "Partial: {score} / 100, {left} left before its level",
        "assessment.card_empty": "Not answered yet: {left} to answer",
        "assessment.left_in": "{title}: {left}",
        "assessment.next": "Next level: {level} (from {min}), {count} point to go | "
        "Next level: {level} (from {min}), {count} points to go",
        "assessment.top": "Highest level.",
        "assessment.target": "Target level",
        "assessment.no_target": "none",
        "assessment.target_gap": "Target {level}: {count} point to go | "
        "Target {level}: {count} points to go",
        "assessment.target_reached": "Target {level}: reached",
        "assessment.plan": "Action plan",
        "assessment.plan_help": "Dimensions ranked by the points they lack to reach the target "
        "level (or, without a target, their next level), each with the advice for its level and "
        "the plays to follow.",
        "assessment.plan_partial": "Answer the question left first: the advice depends on the "
        "level. | Answer the {count} questions left first: the advice depends on the level.",
        "assessment.no_advice": "No advice for this level.",
        "assessment.calc": "How is this calculated?",
        "assessment.calc_help": "Each answer is worth its points divided by the best answer's "
        "points, times the question's weight. A dimension's score is 100 × the sum of these "
        "values / the sum of the weights of the questions answered (not applicable ones left "
        "out), rounded to a whole number (halves up). The overall score is the mean of the "
        "rounded dimension scores weighted by the dimensions' weights, rounded the same way. A "
        "level is read from the rounded number: the last level whose minimum it reaches. With "
        "your answers:",
        "assessment.dimension": "Dimension",
        "assessment.calculation": "Calculation",
        "assessment.score": "Score",
        "assessment.level": "Level",
        "assessment.gap": "Points to go",
        "assessment.reached": "reached",
        "assessment.partial": "partial",
        "assessment.overall_row": "Overall",
        "assessment.radar": "Radar of the scores per dimension (the cards give the same values)",
        "assessment.export_json": "Export (JSON)",
        "assessment.export_csv": "Export (CSV)",
        "assessment.share": "Copy the share link",
        "assessment.share_label": "Link to these results (the answers are in the link, not your "
        "name)",
        "assessment.copied": "Link copied: whoever opens it sees these results.",
        "assessment.copy_refused": "This browser did not let the page copy the link: it is "
        "selected above, copy it yourself.",
        "assessment.clear": "Clear my answers",
        "assessment.clear_confirm": "Clear your answers to this assessment? "
        "Past attempts are kept.",
        "assessment.history": "History",
        "assessment.compare": "Compare",
        "assessment.attempt": "{date}: {score} / 100, {level}",
        "assessment.history_one": "One attempt so far ({a}). Take the assessment again later: "
        "what changed will show here.",
        "assessment.history_overall": "Overall score: {a} → {b} ({change})",
        "assessment.change": "Change",
        "assessment.changed": "The assessment changed since this attempt: {gone}, {new}.",
        "assessment.gone": "{count} answer no longer applies | {count} answers no longer apply",
        "assessment.new": "{count} new question counts as unanswered | "
        "{count} new questions count as unanswered",
        "assessment.grid": "How to compute the scores",
        "assessment.grid_help": "For each question, write the points of the answer ticked, "
        "divide by the question's best points and multiply by its weight. A dimension's "
        "score is 100 × the sum of these values / the sum of the weights of the questions "
        "answered (not applicable ones left out), rounded to a whole number (halves up). The "
        "overall score is the mean of the rounded dimension scores weighted by the dimensions' "
        "weights, rounded the same way. The level is the last one whose minimum the rounded "
        "score reaches.",
        "assessment.question": "Question",
        "assessment.points": "Points per answer",
        "assessment.weight": "Weight",
        "assessment.sheet": "Answer sheet",
        "assessment.sheet_name": "Name or team",
        "assessment.sheet_date": "Date",
        "assessment.sheet_help": "In the questionnaire, circle the number of one answer per "
        "question. Here, write in the box the points of that answer (its number gives its points); "
        "leave the box empty when the question is not answered or not applicable.",
        "assessment.sheet_complete": "A dimension has a level only when at least {percent} % of "
        "its questions are answered (not applicable counts as answered); the overall score has "
        "one only when every dimension has.",
        "assessment.number": "No.",
        "assessment.best": "Best",
        "assessment.your_points": "Points",
        "assessment.sum_points": "A = Σ weight × points ÷ best",
        "assessment.sum_weights": "B = Σ weight of the questions whose box is filled (0 included)",
        "assessment.dimension_score": "Score = 100 × A ÷ B, rounded",
        "assessment.weighted_score": "Weight × score",
        "assessment.overall_score": "Overall score = Σ (weight × score) ÷ Σ weight of the "
        "dimensions with a score, rounded",
        "notice.shared": "You are looking at shared results: your own answers are not changed. "
        "Reload the page without the link to get back to them.",
        "notice.share_invalid": "This link does not hold results of this assessment (it is "
        "damaged, or the assessment changed): nothing was changed.",
        "print.ticks": "Print my ticks and progress",
        "print.answers": "Print my answers and results",
        "progress.title": "My progress",
        "progress.intro": "Your ticks are kept in this browser only, never sent anywhere. "
        "Export them to keep a copy or to move them to another browser.",
        "progress.of": "Progress: {title}",
        "progress.link": "See my progress",
        "languages.label": "Read in",
        "progress.export": "Export",
        "progress.import": "Import",
        "progress.reset": "Erase everything",
        "progress.reset_confirm": "Erase all the progress saved in this browser?",
        "progress.needs_script": "This page shows the progress saved by your browser: "
        "it needs JavaScript.",
        "notice.unavailable": "This browser does not let the site save your progress "
        "(private browsing, or storage full): your ticks will be lost when you leave the page.",
        "notice.unreadable": "The progress saved in this browser could not be read (damaged, "
        "or saved by another version): it is left as it is, and new ticks are not saved. "
        "You can erase it on the progress page.",
        "notice.imported": "Progress imported: {ticks} tick(s), {answers} answer(s) and "
        "{attempts} attempt(s) newer than this browser's were kept.",
        "notice.import_nothing": "This file holds nothing newer than the progress saved in this "
        "browser: nothing was changed.",
        "notice.import_unsaved": "The file was read, but this browser could not save what it "
        "holds (storage full or blocked): it shows on this page only and will be lost when you "
        "leave it.",
        "notice.import_failed": "This file is not a progress export of this site: "
        "nothing was changed.",
        "notice.import_too_big": "This file is too large to be a progress export: "
        "nothing was changed.",
        "notice.reset": "All progress saved in this browser was erased.",
        "report.title": "Team report: {title}",
        "report.participants": "{count} participant | {count} participants",
        "report.partial_participants": "{count} with partial answers | "
        "{count} with partial answers",
        "report.date": "answered on {date}",
        "report.dates": "answered from {first} to {last}",
        "report.overall_median": "The team's median: {score} / 100, level {level}",
        "report.dimension": "Dimension",
        "report.overall": "Overall",
        "report.scored": "Scored",
        "report.partial": "Partial",
        "report.mean": "Mean",
        "report.median": "Median",
        "report.min": "Min",
        "report.max": "Max",
        "report.team_level": "Team level (median)",
        "report.no_answer": "No answer",
        "report.spread": "Spread per dimension",
        "report.levels": "Who reached which level",
        "report.levels_help": "People counted at each level, per dimension; partial answers "
        "reach no level.",
        "report.next_steps": "What to do next",
        "report.radar": "Scores per dimension (0-100): highest, median and lowest of the team",
        "report.recomputed": "Every score was recomputed from the answers with the reference "
        "scoring: whole numbers rounded half up, the level read from the number shown.",
    },
    "fr": {
        "phase.listen": "Écouter",
        "phase.engage": "Engager",
        "phase.adapt": "Adapter",
        "nav.section": "Playbooks",
        "edition.banner": "Édition animateur : ces pages contiennent des notes réservées à "
        "l'animation. Ne les distribuez pas aux participants.",
        "problems.title": "Cette page a des erreurs",
        "problems.explanation": "La page telle qu'elle a été construite la dernière fois est "
        "affichée dessous ; elle revient d'elle-même une fois le fichier corrigé et enregistré.",
        "index.title": "Playbooks",
        "index.intro": "Tous les playbooks du site, avec leurs phases et leurs étiquettes.",
        "index.assessments": "Autoévaluations",
        "index.empty": "Aucun playbook pour l'instant.",
        "pager.label": "Pages de cette liste",
        "pager.title": "{title}, page {page} sur {pages}",
        "pager.previous": "Page précédente",
        "pager.next": "Page suivante",
        "playbook.owner": "Responsable",
        "playbook.reviewed": "Dernière revue",
        "playbook.review_due": "Revue à faire depuis le {date}",
        "playbook.audience": "Pour",
        "playbook.sources": "Sources",
        "play.why": "Pourquoi",
        "play.how": "Comment",
        "play.duration": "Durée",
        "play.facilitator": "Notes pour l'animateur",
        "play.checklist": "Liste de contrôle",
        "play.metrics": "Indicateurs",
        "play.resources": "Ressources",
        "metric.name": "Indicateur",
        "metric.formula": "Formule",
        "metric.target": "Cible",
        "assessment.levels": "Niveaux de maturité",
        "assessment.level_from": "à partir de {min}",
        "assessment.not_applicable": "Non applicable",
        "assessment.recommendations": "Recommandations par niveau",
        "assessment.dimension_weight": "Poids {weight}",
        "assessment.dimensions": "Dimensions",
        "assessment.one_at_a_time": "Une dimension à la fois",
        "assessment.previous": "Précédente : {title}",
        "assessment.next_dimension": "Suivante : {title}",
        "assessment.answered": "{answered} / {count} réponse | {answered} / {count} réponses",
        "assessment.left": "{count} question | {count} questions",
        "assessment.answers": "{count} réponse | {count} réponses",
        "assessment.na_part": "dont {count} non applicable | dont {count} non applicables",
        "assessment.results": "Vos résultats",
        "assessment.see_results": "Voir mes résultats",
        "assessment.overall": "Score global : {score} / 100, niveau {level}",
        "assessment.overall_partial": "Résultat partiel : {score} / 100, d'après {count} réponse "
        "sur {total} questions | Résultat partiel : {score} / 100, d'après {count} réponses sur "
        "{total} questions",
        "assessment.rule_all": "Pas encore de niveau\u00a0: les niveaux sont donnés quand toutes "
        "les questions ont une réponse («\u00a0Non applicable\u00a0» compte comme une réponse). "
        "Reste à répondre\u00a0:",
        "assessment.rule_percent": "Pas encore de niveau\u00a0: les niveaux sont donnés quand au "
        "moins {percent}\u00a0% des questions de chaque dimension ont une réponse («\u00a0Non "
        "applicable\u00a0» compte comme une réponse). Reste à répondre\u00a0:",
        "assessment.no_answer": "Pas encore de réponse.",
        "assessment.card": "{score} / 100, niveau {level}",
        "assessment.card_partial": "Partiel : {score} / 100, encore {left} avant son niveau",
        "assessment.card_empty": "Pas encore de réponse : {left} à traiter",
        "assessment.left_in": "{title}\u00a0: {left}",
        "assessment.next": "Niveau suivant : {level} (à partir de {min}), encore {count} point | "
        "Niveau suivant : {level} (à partir de {min}), encore {count} points",
        "assessment.top": "Niveau le plus haut.",
        "assessment.target": "Niveau visé",
        "assessment.no_target": "aucun",
        "assessment.target_gap": "Niveau visé {level} : encore {count} point | "
        "Niveau visé {level} : encore {count} points",
        "assessment.target_reached": "Niveau visé {level} : atteint",
        "assessment.plan": "Plan d'action",
        "assessment.plan_help": "Les dimensions, de la plus éloignée à la plus proche du niveau "
        "visé (ou, sans niveau visé, de leur niveau suivant), chacune avec les recommandations "
        "de son niveau et les fiches à suivre.",
        "assessment.plan_partial": "Répondez d'abord à la question qui reste\u00a0: les "
        "recommandations dépendent du niveau. | Répondez d'abord aux {count} questions qui "
        "restent\u00a0: les recommandations dépendent du niveau.",
        "assessment.no_advice": "Pas de recommandation pour ce niveau.",
        "assessment.calc": "Comment ce résultat est-il calculé ?",
        "assessment.calc_help": "Chaque réponse vaut ses points divisés par ceux de la meilleure "
        "réponse, multipliés par le poids de la question. Le score d'une dimension vaut 100 × la "
        "somme de ces valeurs / la somme des poids des questions répondues (les « non "
        "applicable » sont écartées), arrondi à l'entier le plus proche (,5 vers le haut). Le "
        "score global est la moyenne des scores arrondis des dimensions pondérée par leur poids, "
        "arrondie de la même façon. Le niveau se lit sur le nombre arrondi : le dernier dont le "
        "minimum est atteint. Avec vos réponses :",
        "assessment.dimension": "Dimension",
        "assessment.calculation": "Calcul",
        "assessment.score": "Score",
        "assessment.level": "Niveau",
        "assessment.gap": "Points manquants",
        "assessment.reached": "atteint",
        "assessment.partial": "partiel",
        "assessment.overall_row": "Global",
        "assessment.radar": "Radar des scores par dimension (les cartes donnent les mêmes "
        "valeurs)",
        "assessment.export_json": "Exporter (JSON)",
        "assessment.export_csv": "Exporter (CSV)",
        "assessment.share": "Copier le lien de partage",
        "assessment.share_label": "Lien vers ces résultats (il contient les réponses, pas votre "
        "nom)",
        "assessment.copied": "Lien copié : qui l'ouvre voit ces résultats.",
        "assessment.copy_refused": "Ce navigateur n'a pas permis à la page de copier le lien : "
        "il est sélectionné ci-dessus, copiez-le vous-même.",
        "assessment.clear": "Effacer mes réponses",
        "assessment.clear_confirm": "Effacer vos réponses à cette autoévaluation ? Les "
        "tentatives passées sont gardées.",
        "assessment.history": "Historique",
        "assessment.compare": "Comparer",
        "assessment.attempt": "{date} : {score} / 100, {level}",
        "assessment.history_one": "Une seule tentative pour l'instant ({a}). Refaites "
        "l'autoévaluation plus tard : les évolutions apparaîtront ici.",
        "assessment.history_overall": "Score global : {a} → {b} ({change})",
        "assessment.change": "Évolution",
        "assessment.changed": "L'autoévaluation a changé depuis cette tentative : {gone}, {new}.",
        "assessment.gone": "{count} réponse ne s'applique plus | "
        "{count} réponses ne s'appliquent plus",
        "assessment.new": "{count} nouvelle question compte comme sans réponse | "
        "{count} nouvelles questions comptent comme sans réponse",
        "assessment.grid": "Comment calculer les scores",
        "assessment.grid_help": "Pour chaque question, notez les points de la réponse cochée, "
        "divisez-les par les points de la meilleure réponse et multipliez par le poids de la "
        "question. Le score d'une dimension vaut 100 × la somme de ces valeurs / la somme des "
        "poids des questions répondues (les « non applicable » sont écartées), arrondi à "
        "l'entier le plus proche (,5 vers le haut). Le score global est la moyenne des scores "
        "arrondis des dimensions pondérée par leur poids, arrondie de la même façon. Le niveau "
        "est le dernier dont le minimum est atteint par le score arrondi.",
        "assessment.question": "Question",
        "assessment.points": "Points par réponse",
        "assessment.weight": "Poids",
        "assessment.sheet": "Feuille de réponses",
        "assessment.sheet_name": "Nom ou équipe",
        "assessment.sheet_date": "Date",
        "assessment.sheet_help": "Dans le questionnaire, entourez le numéro d'une réponse par "
        "question. Ici, notez dans la case les points de cette réponse (son numéro donne ses "
        "points) ; laissez la case vide si la question est sans réponse ou non applicable.",
        "assessment.sheet_complete": "Une dimension n'a un niveau que si au moins {percent} % de "
        "ses questions ont une réponse (« non applicable » compte comme une réponse) ; le score "
        "global n'en a un que si toutes les dimensions en ont un.",
        "assessment.number": "N°",
        "assessment.best": "Max.",
        "assessment.your_points": "Points",
        "assessment.sum_points": "A = Σ poids × points ÷ max.",
        "assessment.sum_weights": "B = Σ poids des questions dont la case est remplie (0 compris)",
        "assessment.dimension_score": "Score = 100 × A ÷ B, arrondi",
        "assessment.weighted_score": "Poids × score",
        "assessment.overall_score": "Score global = Σ (poids × score) ÷ Σ poids des dimensions "
        "qui ont un score, arrondi",
        "notice.shared": "Vous consultez des résultats partagés : vos propres réponses ne sont "
        "pas modifiées. Rechargez la page sans le lien pour les retrouver.",
        "notice.share_invalid": "Ce lien ne contient pas de résultats de cette autoévaluation "
        "(il est abîmé, ou l'autoévaluation a changé) : rien n'a été modifié.",
        "print.ticks": "Imprimer mes coches et ma progression",
        "print.answers": "Imprimer mes réponses et mes résultats",
        "progress.title": "Ma progression",
        "progress.intro": "Vos coches sont gardées dans ce navigateur seulement, et ne sont "
        "envoyées nulle part. Exportez-les pour en garder une copie ou les reprendre dans "
        "un autre navigateur.",
        "progress.of": "Progression : {title}",
        "progress.link": "Voir ma progression",
        "languages.label": "Lire en",
        "progress.export": "Exporter",
        "progress.import": "Importer",
        "progress.reset": "Tout effacer",
        "progress.reset_confirm": "Effacer toute la progression enregistrée dans ce navigateur ?",
        "progress.needs_script": "Cette page affiche la progression enregistrée par votre "
        "navigateur : elle a besoin de JavaScript.",
        "notice.unavailable": "Ce navigateur ne permet pas au site d'enregistrer votre "
        "progression (navigation privée ou stockage plein) : vos coches seront perdues en "
        "quittant la page.",
        "notice.unreadable": "La progression enregistrée dans ce navigateur n'a pas pu être lue "
        "(abîmée, ou enregistrée par une autre version) : elle est laissée telle quelle et les "
        "nouvelles coches ne sont pas enregistrées. Vous pouvez l'effacer sur la page de "
        "progression.",
        "notice.imported": "Progression importée : {ticks} coche(s), {answers} réponse(s) et "
        "{attempts} tentative(s) plus récentes que celles de ce navigateur ont été gardées.",
        "notice.import_nothing": "Ce fichier ne contient rien de plus récent que la progression "
        "enregistrée dans ce navigateur : rien n'a été modifié.",
        "notice.import_unsaved": "Le fichier a été lu, mais ce navigateur n'a pas pu enregistrer "
        "son contenu (stockage plein ou bloqué) : il n'apparaît que sur cette page et sera perdu "
        "en la quittant.",
        "notice.import_failed": "Ce fichier n'est pas un export de progression de ce site : "
        "rien n'a été modifié.",
        "notice.import_too_big": "Ce fichier est trop volumineux pour être un export de "
        "progression : rien n'a été modifié.",
        "notice.reset": "Toute la progression enregistrée dans ce navigateur a été effacée.",
        "report.title": "Rapport d'équipe : {title}",
        "report.participants": "{count} participant | {count} participants",
        "report.partial_participants": "{count} aux réponses partielles | "
        "{count} aux réponses partielles",
        "report.date": "réponses du {date}",
        "report.dates": "réponses du {first} au {last}",
        "report.overall_median": "Médiane de l'équipe : {score} / 100, niveau {level}",
        "report.dimension": "Dimension",
        "report.overall": "Global",
        "report.scored": "Scores",
        "report.partial": "Partiels",
        "report.mean": "Moyenne",
        "report.median": "Médiane",
        "report.min": "Min",
        "report.max": "Max",
        "report.team_level": "Niveau de l'équipe (médiane)",
        "report.no_answer": "Sans réponse",
        "report.spread": "Dispersion par dimension",
        "report.levels": "Qui a atteint quel niveau",
        "report.levels_help": "Nombre de personnes à chaque niveau, par dimension ; des réponses "
        "partielles n'atteignent aucun niveau.",
        "report.next_steps": "Que faire ensuite",
        "report.radar": "Scores par dimension (0-100) : le plus haut, la médiane et le plus bas "
        "de l'équipe",
        "report.recomputed": "Chaque score a été recalculé à partir des réponses avec le calcul "
        "de référence : nombres entiers arrondis au plus proche, niveau lu sur le nombre affiché.",
    },
}



CSV_SEPARATORS = {"fr": ";", "de": ";", "es": ";", "it": ";", "pt": ";", "nl": ";"}
"""Languages whose spreadsheets use the decimal comma read `;` as the CSV separator."""

PLURAL_FORMS = " | "
"""Separates a string's singular form from its plural form: `"{count} day | {count} days"`."""


def is_singular(language: str, count: int) -> bool:
    """French puts 0 and 1 in the singular; English (and the fallback) 1 only."""
    return count <= 1 if language == "fr" else count == 1


class Strings:
    """The strings of one language, falling back to English for any key it lacks."""

    def __init__(self, language: str, overrides: Mapping[str, Mapping[str, str]] | None = None):
        base = language.split("-", maxsplit=1)[0].lower()
        self.language = language
        self.base = base if base in STRINGS else DEFAULT_LANGUAGE
        self._table = {
            **STRINGS[DEFAULT_LANGUAGE],
            **STRINGS.get(base, {}),
            **(overrides or {}).get(base, {}),
        }

    def __call__(self, key: str, **values: object) -> str:
        """The string `key`, its `{placeholders}` filled from `values`."""
        return self._table[key].format(**values)

    def plural(self, key: str, count: int, **values: object) -> str:
        """The form of `key` for `count` (singular or plural), `{count}` filled too."""
        forms = self._table[key].split(PLURAL_FORMS)
        form = forms[0] if len(forms) == 1 or is_singular(self.base, count) else forms[-1]
        return form.format(count=count, **values)


def unknown_keys(overrides: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Override keys that name no string (typos in `mkdocs.yml`)."""
    known = STRINGS[DEFAULT_LANGUAGE]
    return sorted({key for table in overrides.values() for key in table if key not in known})


def strings_for(settings: Settings, language: str | None = None) -> Strings:
    """The plugin's words in `language` (default: the language of the pages' surroundings,
    `Settings.page_language`), with the site's overrides."""
    return Strings(language or settings.page_language, settings.strings)
