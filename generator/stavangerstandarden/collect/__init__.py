"""Read filled forms back into the school's summary (`stavangerstandarden collect`).

Pipeline: `inputs` finds and reads the files (`pdfform` on pikepdf, bounded by `limits`),
`form` identifies each form and matches its answers to statements, `tally` counts, `writers`
and `report` turn the summary into `sammendrag.json`, `svar.csv` and `rapport.html`; only
`command` writes files.
"""
