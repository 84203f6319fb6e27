"""The user's settings: every number of the follow-up rules, and a few choices.

Settings live in the data file, so a synced file carries them. Each one has a
key that `jobcockpit settings KEY VALUE` and the cockpit use, a default taken
from the follow-up rules, and a parser that refuses a bad value with a clear
message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import msgspec
import msgspec.structs
import pendulum
from pendulum.tz import local_timezone

from jobcockpit.core.drafts import DEFAULT_TEMPLATES, check_template
from jobcockpit.core.records import RecordError, format_clock, parse_clock
from jobcockpit.core.zones import is_zone_name

Window = tuple[pendulum.Time, pendulum.Time]


def _default_windows() -> tuple[Window, ...]:
    return (
        (pendulum.time(9, 30), pendulum.time(11, 30)),
        (pendulum.time(14, 0), pendulum.time(16, 0)),
    )


class Settings(msgspec.Struct, frozen=True):
    """Every setting, with its default: the one declaration the data file's
    settings are read into (`from_dict`, through `SETTINGS`' checks, which name
    the setting) and saved from (`to_dict`)."""

    # R3: stage applied
    applied_wait_days: int = 7
    applied_overdue_days: int = 14
    # R4: a decision or call-back date the employer gave
    decision_grace_business_days: int = 1
    # R5: thank-you note after an interview
    thank_you_hours: int = 24
    # R6: stage interviewed
    interviewed_wait_business_days: int = 3
    interviewed_overdue_business_days: int = 5
    # R7: follow-ups
    follow_up_wait_days: int = 7
    max_follow_ups: int = 2
    # R8: voicemails
    voicemail_wait_days: int = 7
    max_voicemails: int = 1
    # R9: dials without an answer
    max_dials_per_day: int = 1
    # R10: call windows, local to the contact
    call_windows: tuple[Window, ...] = msgspec.field(default_factory=_default_windows)
    # R11: Monday morning and Friday afternoon are cut from the default windows
    monday_starts_at: pendulum.Time = msgspec.field(default_factory=lambda: pendulum.time(12, 0))
    friday_ends_at: pendulum.Time = msgspec.field(default_factory=lambda: pendulum.time(12, 0))
    # R15: the courtesy thank-you after a rejection
    courtesy_business_days: int = 2
    # R16: keep in touch after a rejection
    keep_in_touch_days: int = 90
    # a call window needs this much time left to be worth calling in
    min_window_minutes: int = 10
    # the user's own zone and country; None means the system's zone
    user_timezone: str | None = None
    user_country: str | None = None
    # the cockpit
    theme: str = "textual-dark"
    keymap: Mapping[str, str] = msgspec.field(default_factory=dict)
    # drafts of follow-up messages: the signature, and the user's own templates
    # (None: the one jobcockpit ships)
    user_name: str | None = None
    user_phone: str | None = None
    draft_thank_you: str | None = None
    draft_courtesy: str | None = None
    draft_status: str | None = None
    draft_after_interview: str | None = None
    draft_after_decision: str | None = None
    # backups of the data file: the last saves, then one an hour, then one a day
    backup_last_saves: int = 5
    backup_hours: int = 24
    backup_days: int = 30

    def to_dict(self) -> dict[str, Any]:
        """Every setting; one added after the first release only when it is
        set, so a file written by a jobcockpit that never used it reads back
        the same."""
        return {
            spec.key: spec.dump(getattr(self, spec.key))
            for spec in SETTINGS.values()
            if not (spec.only_when_set and getattr(self, spec.key) is None)
        }

    @property
    def templates(self) -> dict[str, str | None]:
        """The user's own draft templates by key (None: the shipped one)."""
        return {key: getattr(self, key) for key in DEFAULT_TEMPLATES}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Settings:
        """Settings from the data file; unknown keys are ignored, bad ones refused."""
        values: dict[str, Any] = {}
        for key, value in raw.items():
            spec = SETTINGS.get(key)
            if spec is None:
                continue
            values[key] = spec.load(value)
        return cls(**values)

    def with_value(self, key: str, text: str) -> Settings:
        """These settings with one changed from text the user typed."""
        spec = SETTINGS.get(key)
        if spec is None:
            raise RecordError(
                "settings", key, f"is not a setting (try one of: {', '.join(SETTINGS)})"
            )
        return msgspec.structs.replace(self, **{key: spec.parse(text)})

    def show(self, key: str) -> str:
        spec = SETTINGS.get(key)
        if spec is None:
            raise RecordError("settings", key, "is not a setting")
        return spec.show(getattr(self, key))

    @property
    def zone(self) -> str:
        """The user's time zone name: the setting, else the system's."""
        if self.user_timezone:
            return self.user_timezone
        return system_zone()


def system_zone() -> str:
    try:
        name = local_timezone().name
    except Exception:
        return "UTC"
    return name if name and is_zone_name(name) else "UTC"


# -- how each setting is read, written and shown -------------------------------


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    help: str
    parse: Callable[[str], Any]
    load: Callable[[Any], Any]
    dump: Callable[[Any], Any]
    show: Callable[[Any], str]
    only_when_set: bool = False
    """Written to the data file only when not None."""


def _count(key: str, *, minimum: int = 0, maximum: int) -> Callable[[Any], int]:
    """A whole number within bounds: a value far beyond any sensible wait
    would push the rules' dates past the calendar's end, so it is refused
    when typed and when read from the data file alike."""

    def parse(value: Any) -> int:
        text = str(value).strip() if not isinstance(value, bool) else ""
        try:
            number = int(text)
        except ValueError:
            number = None
        if number is None or number < minimum:
            raise RecordError("settings", key, f"{value!r} is not a whole number >= {minimum}")
        if number > maximum:
            raise RecordError(
                "settings",
                key,
                f"{text if len(text) <= 24 else text[:20] + '…'} is too large: "
                f"write a whole number from {minimum} to {maximum}",
            )
        return number

    return parse


def _clock(key: str) -> Callable[[Any], pendulum.Time]:
    def parse(value: Any) -> pendulum.Time:
        return parse_clock(value, "settings", key)

    return parse


def _window_list(key: str) -> Callable[[Any], tuple[Window, ...]]:
    def parse(value: Any) -> tuple[Window, ...]:
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            pairs: list[Any] = [p.split("-") for p in parts]
        else:
            pairs = list(value) if isinstance(value, list | tuple) else []
        windows: list[Window] = []
        for pair in pairs:
            if len(pair) != 2:
                raise RecordError("settings", key, "write windows like 09:30-11:30,14:00-16:00")
            start = parse_clock(pair[0], "settings", key)
            end = parse_clock(pair[1], "settings", key)
            if end <= start:
                raise RecordError("settings", key, f"{pair[0]}-{pair[1]} ends before it starts")
            windows.append((start, end))
        if not windows:
            raise RecordError("settings", key, "needs at least one window like 09:30-11:30")
        return tuple(sorted(windows))

    return parse


def _zone(key: str) -> Callable[[Any], str | None]:
    def parse(value: Any) -> str | None:
        if value is None or str(value).strip() in ("", "system"):
            return None
        name = str(value).strip()
        if not is_zone_name(name):
            raise RecordError("settings", key, f"{name!r} is not an IANA time zone")
        return name

    return parse


def _country(key: str) -> Callable[[Any], str | None]:
    def parse(value: Any) -> str | None:
        if value is None or str(value).strip() == "":
            return None
        code = str(value).strip().upper()
        if len(code) != 2 or not code.isalpha():
            raise RecordError("settings", key, f"{value!r} is not a 2-letter country code")
        return code

    return parse


def _plain_text(key: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise RecordError("settings", key, "must be non-empty text")
        return value.strip()

    return parse


def _keymap(key: str) -> Callable[[Any], dict[str, str]]:
    def parse(value: Any) -> dict[str, str]:
        if isinstance(value, Mapping):
            items = list(value.items())
        else:
            items = []
            for part in str(value).split(";"):
                if not part.strip():
                    continue
                binding, sep, keys = part.partition("=")
                if not sep:
                    raise RecordError("settings", key, "write it as binding_id=keys;other_id=keys")
                items.append((binding, keys))
        keymap: dict[str, str] = {}
        for binding, keys in items:
            if not isinstance(binding, str) or not isinstance(keys, str) or not keys.strip():
                raise RecordError("settings", key, f"{binding!r} needs keys such as ctrl+j")
            keymap[binding.strip()] = keys.strip()
        return keymap

    return parse


def _optional_text(key: str) -> Callable[[Any], str | None]:
    def parse(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise RecordError("settings", key, "must be text")
        text = " ".join(value.split())
        return text or None

    return parse


def _typed_template(text: str) -> str:
    """A template typed on one line: a backslash and n is a line break, two
    backslashes are one; any other backslash stays as typed."""
    return re.sub(r"\\(\\|n)", lambda m: "\n" if m[1] == "n" else "\\", text)


def _one_line(template: str) -> str:
    return template.replace("\\", "\\\\").replace("\n", "\\n")


def _template(key: str, *, typed: bool) -> Callable[[Any], str | None]:
    """A draft template, as stored (`typed` False) or as typed on one line;
    empty text, or the shipped template itself, stands for the shipped one."""

    def parse(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise RecordError("settings", key, "must be text")
        text = _typed_template(value) if typed else value
        text = text.replace("\r\n", "\n").strip("\n")
        if not text.strip() or text == DEFAULT_TEMPLATES[key]:
            return None
        try:
            check_template(text)
        except ValueError as error:
            raise RecordError("settings", key, str(error)) from None
        return text

    return parse


def _show_template(key: str) -> Callable[[Any], str]:
    def show(value: Any) -> str:
        return _one_line(value if isinstance(value, str) else DEFAULT_TEMPLATES[key])

    return show


def _spec_template(key: str, help_text: str) -> SettingSpec:
    return SettingSpec(
        key,
        help_text,
        _template(key, typed=True),
        _template(key, typed=False),
        _identity,
        _show_template(key),
        only_when_set=True,
    )


def _show_windows(windows: tuple[Window, ...]) -> str:
    return ",".join(f"{format_clock(a)}-{format_clock(b)}" for a, b in windows)


def _identity(value: Any) -> Any:
    return value


def _dump_clock(value: dt.time) -> str:
    return format_clock(value)


DAYS = 3650
"""Waits in days: up to ten years."""
BUSINESS_DAYS = 260
"""Waits in business days: up to a year."""
HOURS = 8760
"""Waits in hours: up to a year."""
COUNT = 100
"""How many follow-ups, voicemails, dials or backups."""
MINUTES = 1440
"""Minutes within a day."""


def _spec_count(key: str, help_text: str, minimum: int = 0, *, maximum: int) -> SettingSpec:
    parse = _count(key, minimum=minimum, maximum=maximum)
    return SettingSpec(key, help_text, parse, parse, _identity, str)


def _spec_clock(key: str, help_text: str) -> SettingSpec:
    parse = _clock(key)
    return SettingSpec(key, help_text, parse, parse, _dump_clock, _dump_clock)


def _spec_optional(key: str, help_text: str, parse: Callable[[Any], str | None]) -> SettingSpec:
    return SettingSpec(key, help_text, parse, parse, _identity, lambda v: v or "(system)")


SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        _spec_count(
            "applied_wait_days", "R3: days to wait after applying before calling", 0, maximum=DAYS
        ),
        _spec_count(
            "applied_overdue_days",
            "R3: days after applying when a call is overdue",
            0,
            maximum=DAYS,
        ),
        _spec_count(
            "decision_grace_business_days",
            "R4: business days after a promised decision date before following up",
            maximum=BUSINESS_DAYS,
        ),
        _spec_count(
            "thank_you_hours", "R5: hours after an interview to send a thank-you", 1, maximum=HOURS
        ),
        _spec_count(
            "interviewed_wait_business_days",
            "R6: business days after an interview before a call",
            maximum=BUSINESS_DAYS,
        ),
        _spec_count(
            "interviewed_overdue_business_days",
            "R6: business days after an interview when a call is overdue",
            maximum=BUSINESS_DAYS,
        ),
        _spec_count("follow_up_wait_days", "R7: days between follow-ups", maximum=DAYS),
        _spec_count(
            "max_follow_ups",
            "R7: follow-ups a cycle before the ball is in their court",
            1,
            maximum=COUNT,
        ),
        _spec_count(
            "voicemail_wait_days", "R8: days to wait after leaving a voicemail", maximum=DAYS
        ),
        _spec_count("max_voicemails", "R8: voicemails a cycle", maximum=COUNT),
        _spec_count("max_dials_per_day", "R9: unanswered dials a day", 1, maximum=COUNT),
        SettingSpec(
            "call_windows",
            "R10: call windows in the contact's time, e.g. 09:30-11:30,14:00-16:00",
            _window_list("call_windows"),
            _window_list("call_windows"),
            lambda w: [[format_clock(a), format_clock(b)] for a, b in w],
            _show_windows,
        ),
        _spec_clock("monday_starts_at", "R11: default windows on Monday start no earlier"),
        _spec_clock("friday_ends_at", "R11: default windows on Friday end no later"),
        _spec_count(
            "courtesy_business_days",
            "R15: business days to send the courtesy thank-you",
            0,
            maximum=BUSINESS_DAYS,
        ),
        _spec_count(
            "keep_in_touch_days", "R16: days after a rejection before a check-in call", maximum=DAYS
        ),
        _spec_count(
            "min_window_minutes", "minutes a call window needs left to count", 1, maximum=MINUTES
        ),
        _spec_optional(
            "user_timezone", "your own IANA time zone (empty: the system's)", _zone("user_timezone")
        ),
        _spec_optional("user_country", "your own country, 2 letters", _country("user_country")),
        SettingSpec(
            "theme",
            "the cockpit's theme",
            _plain_text("theme"),
            _plain_text("theme"),
            _identity,
            str,
        ),
        SettingSpec(
            "keymap",
            "key overrides: binding_id=keys;other_id=keys",
            _keymap("keymap"),
            _keymap("keymap"),
            dict,
            lambda m: ";".join(f"{k}={v}" for k, v in m.items()) or "(defaults)",
        ),
        SettingSpec(
            "user_name",
            "your name, to sign the drafts of follow-up messages",
            _optional_text("user_name"),
            _optional_text("user_name"),
            _identity,
            lambda v: v or "",
            only_when_set=True,
        ),
        SettingSpec(
            "user_phone",
            "your phone number, under your name in the drafts",
            _optional_text("user_phone"),
            _optional_text("user_phone"),
            _identity,
            lambda v: v or "",
            only_when_set=True,
        ),
        _spec_template(
            "draft_thank_you", "R5: the thank-you after an interview (first line: the subject)"
        ),
        _spec_template("draft_courtesy", "R15: the courtesy note after a decision"),
        _spec_template("draft_status", "follow-up e-mail while applied: did it arrive?"),
        _spec_template(
            "draft_after_interview", "follow-up e-mail after an interview: decided yet?"
        ),
        _spec_template(
            "draft_after_decision", "follow-up e-mail after a decision: keeping in touch"
        ),
        _spec_count("backup_last_saves", "backups: the last saves always kept", 1, maximum=COUNT),
        _spec_count(
            "backup_hours",
            "backups: one kept for each of the last hours with a save",
            maximum=HOURS,
        ),
        _spec_count(
            "backup_days", "backups: one kept for each of the last days with a save", maximum=DAYS
        ),
    )
}
