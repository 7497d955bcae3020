"""Floor 4: the adapters to site engines and shells: the MkDocs/ProperDocs plugin, its
options, the command line, the export for Zensical. The only floor that imports MkDocs."""
