"""Read filled forms back into the school's summary (`stavangerstandarden collect`).

Pipeline: `inputs` finds and reads the files (`pdfform`, bounded by `limits`, on the engine
`pdf_pikepdf` or, where pikepdf cannot run, `pdf_pypdf`),
`form` identifies each form and matches its answers to statements, `tally` counts, `writers`
and `report` turn the summary into `sammendrag.json`, `svar.csv` and `rapport.html`; only
`command` writes files.
"""
