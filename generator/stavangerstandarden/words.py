"""`N_`: marks a default word as a message id where it is defined, not where it is shown.

`pybabel extract` finds `N_("…")` (one of Babel's default keywords); the renderer that shows
the word translates it with `Localized.gettext`. A module of its own, importable by the model
layer (contract, loader) without the i18n package, which imports the loader.
"""


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name
    return message
