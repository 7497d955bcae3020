"""A team's targets: the level it aims at in each dimension, read from a small YAML file kept
beside the team's results (`targets.yml`), or given for every dimension on the command line.

```yaml
# teams/communication/targets.yml
assessment: maturite-social-media   # optional: checked when given
team: Communication                 # optional: the report's title, unless --team names one
default: conversation               # optional: the target of every dimension not listed
targets:                            # dimension id: level id
  ecoute: engagement
  mesure-adaptation: conversation
```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.loader import Loaded, Path_, load_file
from ..core.model import Assessment
from ..core.problems import ContentError, Problem, did_you_mean

TARGETS_FILE = "targets.yml"
"""The name of a team's targets file, looked for beside its results."""

KEYS = ("assessment", "team", "default", "targets")


@dataclass(frozen=True)
class Targets:
    """A level id per dimension id (dimensions without a target are absent)."""

    levels: dict[str, str] = field(default_factory=dict)
    team: str = ""
    path: str = ""
    """The targets file they come from, if any."""
    option: str = ""
    """The command line's part in them (`--target LEVEL`), if any."""

    def of(self, dimension: str) -> str | None:
        """The target level of `dimension`, or None."""
        return self.levels.get(dimension)


def every_dimension(assessment: Assessment, level: str) -> Targets:
    """`level` as the target of every dimension (`--target LEVEL`); `ValueError` names the
    levels when `level` is not one."""
    ids = [known.id for known in assessment.levels]
    if level not in ids:
        raise ValueError(f"'{level}' is not a level of '{assessment.id}': "
                         f"{did_you_mean(level, ids)}")
    return Targets({d.id: level for d in assessment.dimensions}, option=f"--target {level}")


def read_targets(path: Path, assessment: Assessment) -> Targets:
    """The targets of `path`; `ContentError` lists every problem, each located at its line and
    column."""
    loaded = load_file(path, str(path))
    problems: list[Problem] = []
    data = loaded.data
    if not isinstance(data, dict):
        raise ContentError([loaded.problem((), "a targets file is a mapping",
                                           "write `targets:` then one `dimension: level` a line")])
    for key in data:
        if key not in KEYS:
            problems.append(loaded.problem((key,), f"unknown key '{key}'",
                                           did_you_mean(str(key), KEYS), at_key=True))
    named = data.get("assessment")
    if named is not None and named != assessment.id:
        problems.append(loaded.problem(("assessment",), f"these targets are for '{named}', "
                                       f"not '{assessment.id}'",
                                       "use the targets file of this assessment's team"))
    team = data.get("team")
    if team is not None and not isinstance(team, str):
        problems.append(loaded.problem(("team",), "the team's name must be text"))
    levels = _levels(loaded, data, assessment, problems)
    if problems:
        raise ContentError(problems)
    return Targets(levels, team if isinstance(team, str) else "", path=str(path))


def _levels(loaded: Loaded, data: Mapping[str, Any], assessment: Assessment,
            problems: list[Problem]) -> dict[str, str]:
    level_ids = [level.id for level in assessment.levels]
    dimension_ids = [dimension.id for dimension in assessment.dimensions]

    def level(where: Path_, value: Any) -> str | None:
        if isinstance(value, str) and value in level_ids:
            return value
        problems.append(loaded.problem(where, f"'{value}' is not a level of '{assessment.id}'",
                                       did_you_mean(str(value), level_ids)))
        return None

    default = data.get("default")
    chosen: dict[str, str] = {}
    if default is not None and (found := level(("default",), default)):
        chosen = dict.fromkeys(dimension_ids, found)
    targets = data.get("targets", {})
    if targets is None:
        targets = {}
    if not isinstance(targets, dict):
        problems.append(loaded.problem(("targets",), "`targets` maps dimension ids to level ids",
                                       "write one `dimension: level` a line under it"))
        return chosen
    for dimension, value in targets.items():
        if dimension not in dimension_ids:
            problems.append(loaded.problem(("targets", dimension),
                                           f"'{dimension}' is not a dimension of "
                                           f"'{assessment.id}'",
                                           did_you_mean(str(dimension), dimension_ids),
                                           at_key=True))
        elif found := level(("targets", dimension), value):
            chosen[dimension] = found
    return chosen


def beside(paths: list[Path]) -> Path | None:
    """The targets file in the one folder that holds every result, if there is one."""
    folders = {path.parent.resolve() for path in paths}
    if len(folders) != 1:
        return None
    candidate = paths[0].parent / TARGETS_FILE
    return candidate if candidate.is_file() else None
