"""The standard over the years: kept versions, what changed between them, and the guard.

`history` reads the frozen copies in `framework/versjoner/`; `diff` derives the changes
between consecutive versions; `lineage` says where an old statement lives now (for
`collect`); `guard` keeps `check` from letting a published version change; `freeze` makes a
frozen copy; `export` writes the changes as open data. All of it reads models, never YAML.
Import the modules themselves: `check` needs the guard and the history, not the diff.
"""
