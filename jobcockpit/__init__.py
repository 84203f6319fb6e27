"""jobcockpit: a keyboard-driven terminal cockpit for a job hunt."""

__version__ = "0.1.0"
