"""The job hunt without a screen: records, settings, the follow-up rules.

Nothing here imports Textual; the CLI, scripts and tests use it directly.
"""
