"""Stavangerstandarden: one YAML source → site pages, fillable forms, open data, summaries."""

from stavangerstandarden.loader import load, load_file
from stavangerstandarden.model import Standard
from stavangerstandarden.problems import InvalidSource, Problem

__all__ = ["InvalidSource", "Problem", "Standard", "load", "load_file"]
