"""The cockpit fitting the user's habits : phone numbers and e-mail
addresses as terminal hyperlinks, privacy mode for screen sharing, and the
settings screen. Driven by keys, asserting on what the screen shows and what
was stored; the clock is frozen at Tuesday 17 November 2026, 15:05 in Berlin."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import factories
import pytest
from factories import NOW, SETTINGS, USER_ZONE, cockpit, drive, shown
from msgspec import structs
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, Select

from jobcockpit.core.board import Board
from jobcockpit.core.records import Contact, Stage
from jobcockpit.core.verdicts import VerdictKind
from jobcockpit.formats.demo import demo_board
from jobcockpit.store import Store
from jobcockpit.tui import keys
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.links import formatted_phone, mailto_target, tel_target
from jobcockpit.tui.screens.forms import ApplicationForm
from jobcockpit.tui.screens.main import MainScreen
from jobcockpit.tui.screens.settings import SettingsScreen
from jobcockpit.tui.screens.stats import StatsScreen
from jobcockpit.tui.views.privacy import Privacy
from jobcockpit.tui.widgets.detail import Detail
from jobcockpit.tui.widgets.field import Field
from jobcockpit.tui.widgets.sidebar import Sidebar


def main_screen(app: CockpitApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def sidebar_text(app: CockpitApp) -> str:
    return app.screen.query_one(Sidebar).text


def detail_lines(app: CockpitApp) -> list[list[tuple[str, str | None]]]:
    """Every line the detail pane draws, as (text, link target) pieces."""
    detail = app.screen.query_one(Detail)
    return [
        [(segment.text, segment.style.link if segment.style else None) for segment in strip]
        for strip in (detail.render_line(y) for y in range(detail.virtual_size.height))
    ]


def links_in_detail(app: CockpitApp) -> dict[str, str]:
    """Each hyperlink of the detail pane: its target and the text it is on."""
    found: dict[str, str] = {}
    for line in detail_lines(app):
        for text, link in line:
            if link:
                found[link] = found.get(link, "") + text
    return found


def terminal_output(app: CockpitApp) -> str:
    """The detail pane as the bytes a terminal receives."""
    detail = app.screen.query_one(Detail)
    console = Console(color_system="truecolor", force_terminal=True, width=200)
    return "".join(detail.render_line(y).render(console) for y in range(detail.virtual_size.height))


async def fill(pilot: Pilot[None], control_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{control_id}", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def open_settings(pilot: Pilot[None], app: CockpitApp) -> SettingsScreen:
    await pilot.press("o")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.pause()


# -- links ---------------------------------------------------------------------


def test_the_detail_links_the_phone_with_tel_and_the_address_with_mailto() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        main_screen(app).go_to("a-acme")
        await pilot.pause()
        links = links_in_detail(app)
        assert links["tel:+12125550100"] == "+1 212-555-0100"
        assert links["mailto:dana@acme.example"] == "dana@acme.example"
        output = terminal_output(app)
        assert "\x1b]8;" in output and "tel:+12125550100" in output
        assert "mailto:dana@acme.example" in output

    drive(cockpit(), steps)


def test_the_sidebar_links_the_address_to_write_to() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        sidebar = app.screen.query_one(Sidebar)
        prompts = sidebar.prompts
        targets = {
            span.style.link
            for prompt in prompts
            for span in getattr(prompt, "spans", [])
            if not isinstance(span.style, str) and span.style.link
        }
        assert "mailto:kim@hooli.example" in targets

    drive(cockpit(), steps)


HOSTILE_EMAIL = "x]\x1b]8;;https://evil.example\x07[/link][b]@mail.example"
HOSTILE_PHONE = "+1 212 555 0111\x1b]8;;https://evil.example\x07"


def test_an_address_with_brackets_or_control_characters_stays_literal_and_safe() -> None:
    board = factories.board()
    mia = board.contacts["c-mia"]
    board = Board(
        board.applications,
        {**board.contacts, "c-mia": structs.replace(mia, email=HOSTILE_EMAIL)},
        [e for entries in (board.log_of(a) for a in board.applications) for e in entries],
    )

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        main_screen(app).go_to("a-evil")
        await pilot.pause()
        plain = app.screen.query_one(Detail).plain
        assert "x]]8;;https://evil.example[/link][b]@mail.example" in plain
        (target,) = [t for t in links_in_detail(app) if t.startswith("mailto:")]
        assert re.fullmatch(r"mailto:[A-Za-z0-9@.%_+~-]+", target), target
        assert "%5B%2Flink%5D" in target
        output = terminal_output(app)
        assert "\x07" not in output
        assert "\x1b]8;;https://evil" not in output
        assert output.count("\x1b]8;id=") == 2  # the phone and the address, nothing more

    drive(cockpit(board), steps)


def test_link_targets_are_built_only_from_what_survives_checking() -> None:
    assert tel_target("+49 30 1234567") == "tel:+49301234567"
    assert tel_target("030 1234567", "DE") == "tel:+49301234567"
    assert tel_target("call the office") is None
    assert tel_target(HOSTILE_PHONE) in (None, "tel:+12125550111")
    assert formatted_phone("call the office") == "call the office"
    assert mailto_target("not an address") is None
    assert mailto_target("a b@c.example") is None
    assert mailto_target("dana+jobs@acme.example") == "mailto:dana+jobs@acme.example"
    target = mailto_target(HOSTILE_EMAIL)
    assert target is not None and target.isascii() and target.isprintable()
    assert not set("[]\x1b\x07 ;'\"") & set(target)


# -- privacy mode -----------------------------------------------------------------

GENERIC = {"company", "contact", "quit", "click", "app"}
"""Words of the markup company that the cockpit itself prints."""


def private_words(board: Board) -> set[str]:
    """Everything privacy mode must hide, lower-cased: every word of every
    company and contact name, whole addresses, numbers, notes and links."""
    words: set[str] = set()
    for application in board:
        words.update(re.findall(r"[a-z]{3,}", application.company.casefold()))
        words.update(line.casefold() for line in application.notes.splitlines() if line)
        if application.posting_url:
            words.add(application.posting_url.casefold())
        for entry in board.log_of(application.id):
            if entry.note:
                words.add(entry.note.casefold())
    for contact in board.contacts.values():
        words.update(re.findall(r"[a-z]{3,}", contact.name.casefold()))
        if contact.email:
            words.add(contact.email.casefold())
        if contact.phone:
            words.add(contact.phone.casefold())
            words.add(formatted_phone(contact.phone, contact.country).casefold())
    positions = " ".join(a.position.casefold() for a in board)
    return {w for w in words - GENERIC if w not in positions}


def leaks(text: str, words: set[str]) -> list[str]:
    """The words found in `text`, each as a whole word."""
    lowered = text.casefold()
    return sorted(word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered))


BOARDS: dict[str, Callable[[], Board]] = {
    "factory board": factories.board,
    "demo board": lambda: demo_board(NOW, USER_ZONE),
}


@pytest.mark.parametrize("which", BOARDS)
def test_star_hides_every_name_on_the_screen_and_shows_them_again(which: str) -> None:
    board = BOARDS[which]()
    words = private_words(board)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert leaks(shown(app) + sidebar_text(app), words)
        await pilot.press("asterisk")
        await pilot.pause()
        screen = main_screen(app)
        assert "PRIVATE" in shown(app).splitlines()[0]
        for application in board:
            screen.go_to(application.id)
            await pilot.pause()
            seen = shown(app) + sidebar_text(app) + app.screen.query_one(Detail).plain
            assert not leaks(seen, words), application.id
            assert not links_in_detail(app)
        assert "Company 1" in shown(app)
        assert "Contact " in sidebar_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        assert not leaks(shown(app), words)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("asterisk")
        await pilot.pause()
        assert "PRIVATE" not in shown(app)
        assert leaks(shown(app) + sidebar_text(app), words)

    drive(cockpit(board), steps)


def test_stand_ins_keep_their_numbers_and_the_filter_finds_them() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("asterisk")
        await pilot.pause()
        screen = main_screen(app)
        screen.go_to("a-acme")
        await pilot.pause()
        detail = app.screen.query_one(Detail).plain
        assert detail.startswith("Company 1 · Data analyst")
        assert "Contact 1, Hiring manager" in detail
        assert "phone       hidden   e-mail hidden" in detail
        assert "notes       hidden" in detail
        assert "Contact 1 · Company 1" in sidebar_text(app)
        await pilot.press("slash", *"company 1")
        await pilot.press("enter")
        await pilot.pause()
        assert "Applied 2 of 6" in shown(app)
        model = screen.model
        assert model is not None
        assert sorted(model.columns[Stage.APPLIED]) == ["a-acme", "a-wayne"]  # 1 and 10

    drive(cockpit(), steps)


def test_dialogs_that_would_show_names_wait_until_names_are_shown() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("asterisk")
        await pilot.pause()
        for key in ("e", "a", "c", "m", "t", "r", "L", "x"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, MainScreen), key
        assert "press * to show them" in shown(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)

    drive(cockpit(), steps)


def test_privacy_mode_is_not_saved() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("asterisk")
        await pilot.pause()
        assert app.store.settings == SETTINGS

    drive(cockpit(), steps)


# -- settings --------------------------------------------------------------------


def field_of(app: CockpitApp, key: str) -> Field:
    return app.screen.query_one(f"#{key}-field", Field)


def test_a_bad_value_shows_its_error_under_the_field_and_nothing_is_saved() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await open_settings(pilot, app)
        await fill(pilot, "follow_up_wait_days", "10")
        await fill(pilot, "applied_wait_days", "-3")
        await fill(pilot, "call_windows", "16:00-14:00")
        await save(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert field_of(app, "applied_wait_days").error == "'-3' is not a whole number >= 0"
        assert field_of(app, "call_windows").error == "16:00-14:00 ends before it starts"
        assert field_of(app, "follow_up_wait_days").error is None
        text = shown(app)
        assert "'-3' is not a whole number >= 0" in text
        assert "16:00-14:00 ends before it starts" in text
        assert app.store.settings == SETTINGS
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.store.settings == SETTINGS
        assert app.settings == SETTINGS

    drive(cockpit(), steps)


def test_a_zone_that_does_not_exist_is_refused_naming_the_closest() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await open_settings(pilot, app)
        await fill(pilot, "user_timezone", "Europe/Berln")
        await save(pilot)
        error = field_of(app, "user_timezone").error
        assert error is not None
        assert "'Europe/Berln' is not an IANA time zone" in error
        assert "Europe/Berlin" in error
        assert app.store.settings == SETTINGS

    drive(cockpit(), steps)


def test_a_good_value_is_stored_and_changes_a_verdict_on_screen() -> None:
    """Brightwave was applied for 8 days ago: with the default week's wait
    (R3) Jonas may be called today; with 10 days, not before Thursday."""

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        calls = sidebar_text(app).split("E-mail today")[0]
        assert "Jonas Weber · Brightwave GmbH" in calls
        await open_settings(pilot, app)
        await fill(pilot, "applied_wait_days", "10")
        await save(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.store.settings.applied_wait_days == 10
        assert app.settings.applied_wait_days == 10
        calls = sidebar_text(app).split("E-mail today")[0]
        assert "Jonas Weber" not in calls
        book = main_screen(app).book
        assert book is not None
        best = book.best("a-bright")
        assert best is not None and best.kind is VerdictKind.WAIT
        assert "Thu      Jonas Weber · Brightwave GmbH" in sidebar_text(app)
        assert "wait until Thu" in shown(app)
        assert "applied_wait_days" in shown(app)

    drive(cockpit(), steps)


def test_the_stored_settings_survive_reopening_the_data_file(tmp_path: Path) -> None:
    path = tmp_path / "hunt.json"
    with Store.open(path, create=True) as store:
        store.commit(factories.whole_board_change())
        store.save_settings(SETTINGS)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await open_settings(pilot, app)
        await fill(pilot, "call_windows", "09:00-12:00")
        await fill(pilot, "user_country", "at")
        await save(pilot)
        assert isinstance(app.screen, MainScreen)

    store = Store.open(path)
    with store:
        drive(CockpitApp(store, now=NOW), steps)
    with Store.open(path) as reopened:
        assert reopened.settings.show("call_windows") == "09:00-12:00"
        assert reopened.settings.user_country == "AT"
        assert reopened.settings.user_timezone == USER_ZONE


def test_the_theme_and_the_keymap_apply_at_once() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        screen = await open_settings(pilot, app)
        screen.query_one("#theme", Select).value = "nord"
        await fill(pilot, "keymap", "new_application=N")
        await save(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.theme == "nord"
        assert app.store.settings.theme == "nord"
        assert dict(app.store.settings.keymap) == {"new_application": "N"}
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)

    drive(cockpit(), steps)


def test_an_unknown_binding_id_is_refused_naming_the_closest() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await open_settings(pilot, app)
        await fill(pilot, "keymap", "new_aplication=N")
        await save(pilot)
        assert isinstance(app.screen, SettingsScreen)
        error = field_of(app, "keymap").error
        assert error is not None
        assert "new_aplication=N: 'new_aplication' is not a binding id" in error
        assert "did you mean new_application" in error
        assert app.store.settings == SETTINGS

    drive(cockpit(), steps)


def test_the_fields_start_from_the_stored_settings() -> None:
    settings = SETTINGS.with_value("max_follow_ups", "3").with_value("keymap", "undo=ctrl+z")
    app = cockpit(settings=settings)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        screen = await open_settings(pilot, app)
        assert screen.query_one("#max_follow_ups", Input).value == "3"
        assert screen.query_one("#keymap", Input).value == "undo=ctrl+z"
        assert screen.query_one("#user_timezone", Input).value == USER_ZONE
        await save(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.store.settings == settings

    drive(app, steps)


def test_settings_are_refused_on_a_read_only_file() -> None:
    store = Store.in_memory(factories.board(), SETTINGS)
    store.read_only, store.read_only_reason = True, "a test"

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "Read-only: a test" in shown(app)

    drive(CockpitApp(store, now=NOW), steps)


# -- keys ---------------------------------------------------------------------------


def test_the_new_keys_have_ids_and_a_row_in_the_help() -> None:
    rows = {row.id: row for row in keys.key_rows()}
    assert rows["privacy"].keys == ("asterisk",)
    assert rows["settings"].keys == ("o", "comma")
    own = {b.id for bs in SettingsScreen._merged_bindings.key_to_bindings.values() for b in bs}  # type: ignore[union-attr]
    assert {"form_cancel", "form_submit", "form_submit_enter"} <= own
    assert all(binding_id in rows for binding_id in own if binding_id is not None)


def test_contact_placeholders_do_not_depend_on_names() -> None:
    """A renamed contact keeps its stand-in: the numbers follow ids, not names."""
    privacy = Privacy()
    privacy.toggle()
    board = factories.board()
    names = privacy.names(board)
    dana = board.contacts["c-dana"]
    renamed = Board(
        board.applications,
        {**board.contacts, "c-dana": Contact(id="c-dana", name="Someone Else")},
        [],
    )
    assert privacy.names(renamed).contact(renamed.contacts["c-dana"]) == names.contact(dana)


def test_the_command_palette_jumps_by_stand_in_in_privacy_mode() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("asterisk")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"acme")
        await pilot.pause(0.5)
        assert "Go to" not in shown(app)
        assert "acme" not in re.sub(r"🔎\s*acme", "", shown(app).casefold())
        for _ in "acme":
            await pilot.press("backspace")
        await pilot.press(*"company 1")
        await pilot.pause(0.5)
        assert "Go to Company 1 · Data analyst" in shown(app)

    drive(cockpit(), steps)
