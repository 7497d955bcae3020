"""Words the plugin writes into pages, in French and English; `mkdocs.yml` may override any."""

from __future__ import annotations

from collections.abc import Mapping

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "phase.listen": "Listen",
        "phase.engage": "Engage",
        "phase.adapt": "Adapt",
        "nav.section": "Playbooks",
        "index.title": "Playbooks",
        "index.intro": "Every playbook of this site, with its phases and tags.",
        "index.assessments": "Self-assessments",
        "index.empty": "No playbook yet.",
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
        "progress.title": "My progress",
        "progress.intro": "Your ticks are kept in this browser only, never sent anywhere. "
        "Export them to keep a copy or to move them to another browser.",
        "progress.of": "Progress: {title}",
        "progress.link": "See my progress",
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
        "notice.imported": "Progress imported: for each item, the most recent tick was kept.",
        "notice.import_failed": "This file is not a progress export of this site: "
        "nothing was changed.",
        "notice.reset": "All progress saved in this browser was erased.",
    },
    "fr": {
        "phase.listen": "Écouter",
        "phase.engage": "Engager",
        "phase.adapt": "Adapter",
        "nav.section": "Playbooks",
        "index.title": "Playbooks",
        "index.intro": "Tous les playbooks du site, avec leurs phases et leurs étiquettes.",
        "index.assessments": "Autoévaluations",
        "index.empty": "Aucun playbook pour l'instant.",
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
        "progress.title": "Ma progression",
        "progress.intro": "Vos coches sont gardées dans ce navigateur seulement, et ne sont "
        "envoyées nulle part. Exportez-les pour en garder une copie ou les reprendre dans "
        "un autre navigateur.",
        "progress.of": "Progression : {title}",
        "progress.link": "Voir ma progression",
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
        "notice.imported": "Progression importée : pour chaque élément, la coche la plus "
        "récente a été gardée.",
        "notice.import_failed": "Ce fichier n'est pas un export de progression de ce site : "
        "rien n'a été modifié.",
        "notice.reset": "Toute la progression enregistrée dans ce navigateur a été effacée.",
    },
}

DEFAULT_LANGUAGE = "en"


class Strings:
    """The strings of one language, falling back to English for any key it lacks."""

    def __init__(self, language: str, overrides: Mapping[str, Mapping[str, str]] | None = None):
        base = language.split("-", maxsplit=1)[0].lower()
        self.language = language
        self._table = {
            **STRINGS[DEFAULT_LANGUAGE],
            **STRINGS.get(base, {}),
            **(overrides or {}).get(base, {}),
        }

    def __call__(self, key: str, **values: object) -> str:
        return self._table[key].format(**values)


def unknown_keys(overrides: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Override keys that name no string (typos in `mkdocs.yml`)."""
    known = STRINGS[DEFAULT_LANGUAGE]
    return sorted({key for table in overrides.values() for key in table if key not in known})
