"""The Sammendrag page: the school's summary of filled forms, made in the browser.

The leader drops the received PDFs; a worker runs this very package under Pyodide (CPython in
WebAssembly, served by the site) and calls `collect.browser`, which reads and tallies with
the code `collect` runs on the command line. `files.summary_files` returns the page, its
scripts, Pyodide's core and the Python bundle (`bundle.python_bundle`), keyed by path under
docs/.
"""
