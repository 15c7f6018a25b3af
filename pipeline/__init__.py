"""News articles in, a validated event dataset out: events, actors and places."""

__version__ = "0.1.0"
