"""mkdocs-playbooks: YAML strategy playbooks and maturity self-assessments for MkDocs."""

__version__ = "0.1.0"
