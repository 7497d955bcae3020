"""The JSON Schema of playbook files, generated from the model (also shipped as `schema.json`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import Assessment, Playbook

SCHEMA_FILE = Path(__file__).parent / "schema.json"


def json_schema() -> dict[str, Any]:
    """One schema for both kinds: an assessment when `kind: assessment`, else a playbook."""
    playbook = Playbook.model_json_schema(ref_template="#/$defs/{model}")
    assessment = Assessment.model_json_schema(ref_template="#/$defs/{model}")
    definitions = {**playbook.pop("$defs", {}), **assessment.pop("$defs", {})}
    definitions["Playbook"] = playbook
    definitions["Assessment"] = assessment
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "mkdocs-playbooks playbook or assessment",
        "type": "object",
        "if": {"properties": {"kind": {"const": "assessment"}}, "required": ["kind"]},
        "then": {"$ref": "#/$defs/Assessment"},
        "else": {"$ref": "#/$defs/Playbook"},
        "$defs": definitions,
    }
