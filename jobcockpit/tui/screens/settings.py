"""The settings screen: the follow-up numbers, the call windows, the user's own
zone and country, the theme and the keys.

Each field is read by `Settings.with_value`, the very parser behind
`jobcockpit settings KEY VALUE`, and the keys and the theme are checked by
`settings_check` as that command checks them, so the screen and the command
line accept and refuse the same values with the same words. Like every dialog, it returns the
new settings only when every field is valid; the main screen saves them and
judges the board again, so the sidebar follows the new numbers at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Static

from jobcockpit.core.drafts import DEFAULT_TEMPLATES
from jobcockpit.core.friendly import zone_matches, zone_names
from jobcockpit.core.records import RecordError
from jobcockpit.core.settings import SETTINGS, Settings, system_zone
from jobcockpit.tui.screens.forms.base import FormScreen, Reading
from jobcockpit.tui.settings_check import check
from jobcockpit.tui.widgets.field import Field


@dataclass(frozen=True, slots=True)
class Entry:
    """One setting as the screen shows it."""

    key: str
    label: str
    placeholder: str = ""


SECTIONS: tuple[tuple[str, tuple[tuple[Entry, ...], ...]], ...] = (
    (
        "Waits and limits of the follow-up rules",
        (
            (
                Entry("applied_wait_days", "R3 wait after applying, days"),
                Entry("applied_overdue_days", "R3 overdue after applying, days"),
            ),
            (
                Entry("interviewed_wait_business_days", "R6 wait after an interview, bus. days"),
                Entry("interviewed_overdue_business_days", "R6 overdue after it, bus. days"),
            ),
            (
                Entry("decision_grace_business_days", "R4 after a promised date, bus. days"),
                Entry("thank_you_hours", "R5 thank-you note within, hours"),
            ),
            (
                Entry("follow_up_wait_days", "R7 wait between follow-ups, days"),
                Entry("max_follow_ups", "R7 follow-ups per cycle"),
            ),
            (
                Entry("voicemail_wait_days", "R8 wait after a voicemail, days"),
                Entry("max_voicemails", "R8 voicemails per cycle"),
            ),
            (
                Entry("max_dials_per_day", "R9 unanswered dials a day"),
                Entry("courtesy_business_days", "R15 courtesy note within, bus. days"),
            ),
            (Entry("keep_in_touch_days", "R16 keep-in-touch call after, days"),),
        ),
    ),
    (
        "When to call, in the contact's own time",
        (
            (
                Entry(
                    "call_windows",
                    "R10 call windows",
                    "e.g. 09:30-11:30,14:00-16:00",
                ),
            ),
            (
                Entry("monday_starts_at", "R11 Mondays from", "e.g. 12:00"),
                Entry("friday_ends_at", "R11 Fridays until", "e.g. 12:00"),
            ),
            (Entry("min_window_minutes", "Minutes a window needs left to count"),),
        ),
    ),
    (
        "You",
        (
            (
                Entry("user_timezone", "R13 your time zone", "e.g. Europe/Berlin"),
                Entry("user_country", "Your country, 2 letters", "e.g. DE"),
            ),
        ),
    ),
    (
        "The cockpit",
        (
            (Entry("theme", "Theme"),),
            (Entry("keymap", "Keys", "e.g. new_application=N;undo=ctrl+z,u"),),
        ),
    ),
    (
        "Drafts of follow-up messages (first line: the subject; \\n: a new line)",
        (
            (
                Entry("user_name", "Your name, to sign drafts", "e.g. Sam Lee"),
                Entry("user_phone", "Your phone, under your name", "e.g. +49 30 5555 0100"),
            ),
            (Entry("draft_thank_you", "R5 thank-you after an interview"),),
            (Entry("draft_courtesy", "R15 courtesy note after a decision"),),
            (Entry("draft_status", "E-mail while applied"),),
            (Entry("draft_after_interview", "E-mail after an interview"),),
            (Entry("draft_after_decision", "E-mail after a decision"),),
        ),
    ),
)

TEXT_KEYS: tuple[str, ...] = tuple(
    entry.key for _title, rows in SECTIONS for row in rows for entry in row if entry.key != "theme"
)


def _typed(settings: Settings, key: str) -> str:
    """A setting as it is typed back in: empty for "the system's zone", "no
    country" and "no key changed"; a draft's template as it stands, shipped
    or the user's, to be edited."""
    value = getattr(settings, key)
    if key in DEFAULT_TEMPLATES:
        return settings.show(key)
    if value is None or (key == "keymap" and not value):
        return ""
    return settings.show(key)


def _advice(key: str) -> str:
    """The hint under a field: its key for `jobcockpit settings`, and its default."""
    if key in DEFAULT_TEMPLATES:
        return f"{key} · empty: the shipped template"
    default = _typed(Settings(), key)
    return f"{key} · default {default}" if default else key


class SettingsScreen(FormScreen[Settings]):
    """Every setting in one dialog; returns the new settings, or None."""

    # The dialogs' look, then this one's (FormScreen names only its own file).
    CSS_PATH = ["forms/forms.tcss", "settings.tcss"]  # type: ignore[assignment]  # noqa: RUF012
    submit_label: ClassVar[str] = "Save"

    def __init__(self, settings: Settings, themes: Sequence[str], *, note: str = "") -> None:
        super().__init__()
        self.settings = settings
        self.known_themes = set(themes)
        self.themes = sorted(self.known_themes | {settings.theme})
        self.note = note

    def heading(self) -> Content:
        where = "" if self.note else "kept in your data file; "
        line = Content.assemble(
            "Settings",
            (f"  {where}the same as jobcockpit settings KEY VALUE", "dim not bold"),
        )
        if self.note:
            line = Content.assemble(line, "\n", (self.note, "$text-warning not bold"))
        return line

    def compose_fields(self) -> ComposeResult:
        for title, rows in SECTIONS:
            yield Static(Content(title), classes="settings-section")
            for row in rows:
                if len(row) == 1:
                    yield from self._fields(row)
                else:
                    with Horizontal(classes="row"):
                        yield from self._fields(row)

    def _fields(self, row: Sequence[Entry]) -> Iterator[Field]:
        for entry in row:
            yield Field(entry.label, self._control(entry), hint=_advice(entry.key))

    def _control(self, entry: Entry) -> Input | Select[str]:
        if entry.key == "theme":
            return Select[str](
                [(Text(name), name) for name in self.themes],
                value=self.settings.theme,
                allow_blank=False,
                id="theme",
            )
        suggester = (
            SuggestFromList(zone_names(), case_sensitive=False)
            if entry.key == "user_timezone"
            else None
        )
        return Input(
            _typed(self.settings, entry.key),
            placeholder=entry.placeholder or SETTINGS[entry.key].help,
            suggester=suggester,
            max_length=2 if entry.key == "user_country" else 0,
            id=entry.key,
        )

    def read(self, reading: Reading) -> Settings | None:
        settings = self.settings
        for key in TEXT_KEYS:
            typed = self.text(key)
            try:
                settings = settings.with_value(key, typed)
            except RecordError as error:
                reading.fail(key, self._problem(key, typed, error))
        theme = self.query_one("#theme", Select).value
        if isinstance(theme, str):
            try:
                settings = settings.with_value("theme", theme)
            except RecordError as error:
                reading.fail("theme", error)
        for key in ("keymap", "theme"):
            if key not in reading.errors:
                try:
                    check(settings, only=key, known_themes=self.known_themes)
                except RecordError as error:
                    reading.fail(key, error)
        self._read_back(reading, settings)
        return settings if reading.ok else None

    @staticmethod
    def _problem(key: str, typed: str, error: RecordError) -> str:
        """The parser's words, and for a zone the names closest to it."""
        if key == "user_timezone":
            closest = zone_matches(typed, limit=3)
            if closest:
                return f"{error.problem}; did you mean {', '.join(closest)}?"
        return error.problem

    @staticmethod
    def _read_back(reading: Reading, settings: Settings) -> None:
        """What the cockpit will make of an empty zone or country."""
        if settings.user_timezone is None:
            reading.hint("user_timezone", f"empty: the system's zone, {system_zone()}")
        if settings.user_country is None:
            reading.hint("user_country", "empty: weekends only, no public holidays")
        else:
            import holidays

            if settings.user_country not in holidays.list_supported_countries():
                reading.hint(
                    "user_country",
                    f"no public holidays known for {settings.user_country}: weekends only",
                )
