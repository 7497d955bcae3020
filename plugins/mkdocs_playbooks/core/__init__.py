"""Floor 1, the core: reading, checking and linking playbooks; the cache. No MkDocs here."""
