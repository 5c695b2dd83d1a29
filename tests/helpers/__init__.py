"""Plain functions and classes that several test folders share: filling forms with real
engines, looking at what PDFium draws, hostile pictures, running the browser drivers.

Fixtures stay in each folder's conftest.py; what a conftest or test of another folder needs is
here, imported as `from helpers.fillers import …` (tests/ is on pytest's `pythonpath`)."""
