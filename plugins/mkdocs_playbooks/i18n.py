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
