"""Floor 3: scoring and what derives from it: share links, radar, result files, the team
report. Imports the floors below (core, output)."""
