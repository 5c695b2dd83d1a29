"""Read filled forms back into the school's summary (`stavangerstandarden collect`).

Pipeline: `inputs` finds and reads the files (`pdfform`, bounded by `limits`, on the engine
`pdf_pikepdf` or, where pikepdf cannot run, `pdf_pypdf`),
`form` identifies each form and matches its answers to statements, `tally` counts,
`summaryfile` writes `sammendrag.json` (and reads it back, for `--sammenlign` and the
municipality's overview), `writers` and `report` turn the summary into `svar.csv` and the
two reports
(`rapport.html` for the leader, `rapport-til-deling.html` to share; what each may show is
decided in `disclosure`); only `command` writes files.
"""
