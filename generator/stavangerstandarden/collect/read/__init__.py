"""Readers for inputs that are not filled PDF forms: `scan` reads printed forms back."""
