"""Each flow of the cockpit driven by keys, asserting on what was stored and
what the screen shows. The clock is frozen at Tuesday 17 November 2026, 15:05
in Berlin (see `factories`)."""

from __future__ import annotations

from pathlib import Path

import factories
import pendulum
import pytest
from factories import NOW, SETTINGS, cockpit, drive, shown
from msgspec import structs
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, Select

from jobcockpit.core.board import Board
from jobcockpit.core.records import LogKind, Outcome, Stage
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import TalkingPoints, VerdictKind
from jobcockpit.store import Store
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.screens.forms import (
    ApplicationForm,
    CallForm,
    ConfirmDialog,
    ContactForm,
    LogForm,
    StageForm,
)
from jobcockpit.tui.screens.help import HelpScreen
from jobcockpit.tui.screens.main import MainScreen
from jobcockpit.tui.screens.stats import StatsScreen
from jobcockpit.tui.widgets.board import KanbanBoard
from jobcockpit.tui.widgets.detail import Detail
from jobcockpit.tui.widgets.sidebar import Sidebar


def selected(app: CockpitApp) -> str | None:
    return app.screen.query_one(KanbanBoard).selected


def main_screen(app: CockpitApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def sidebar_text(app: CockpitApp) -> str:
    return app.screen.query_one(Sidebar).text


def stored(app: CockpitApp) -> Board:
    return app.store.board


async def fill(pilot: Pilot[None], control_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{control_id}", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def open_form(pilot: Pilot[None], key: str) -> None:
    await pilot.press(key)
    await pilot.pause()


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.pause()


def log_of(app: CockpitApp, app_id: str, kind: LogKind) -> list[object]:
    return [e for e in stored(app).log_of(app_id) if e.kind is kind]


# -- new, edit, contacts ----------------------------------------------------------


def test_n_adds_an_application_that_is_stored_shown_and_selected() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await open_form(pilot, "n")
        assert isinstance(app.screen, ApplicationForm)
        await fill(pilot, "company", "Nova [b]Labs")
        await fill(pilot, "position", "Analyst")
        await save(pilot)
        assert isinstance(app.screen, MainScreen)
        new = [a for a in stored(app) if a.company == "Nova [b]Labs"]
        assert len(new) == 1
        assert new[0].applied_on == NOW.date()
        assert selected(app) == new[0].id
        assert "Applied 7" in shown(app)
        assert "Nova [b]Labs · Analyst" in app.screen.query_one(Detail).plain

    drive(cockpit(), steps)


def test_a_form_with_an_error_saves_nothing() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await open_form(pilot, "n")
        await save(pilot)
        assert isinstance(app.screen, ApplicationForm)
        assert "write the company's name" in shown(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert len(stored(app)) == 10

    drive(cockpit(), steps)


def test_e_edits_the_selected_application() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j")
        await open_form(pilot, "e")
        assert isinstance(app.screen, ApplicationForm)
        await fill(pilot, "position", "Senior data analyst")
        await save(pilot)
        acme = stored(app).applications["a-acme"]
        assert acme.position == "Senior data analyst"
        assert acme.contacts == ("c-dana",)
        assert "Senior data analyst" in shown(app)

    drive(cockpit(), steps)


def test_a_adds_a_new_contact_and_the_sidebar_follows() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("end")
        assert selected(app) == "a-stark"
        await open_form(pilot, "a")
        assert isinstance(app.screen, ContactForm)
        await fill(pilot, "name", "Tony Vale")
        await fill(pilot, "phone", "+49 30 7654321")
        await save(pilot)
        stark = stored(app).applications["a-stark"]
        assert len(stark.contacts) == 1
        tony = stored(app).contacts[stark.contacts[0]]
        assert tony.name == "Tony Vale"
        detail = app.screen.query_one(Detail).plain
        assert "Tony Vale" in detail
        assert "+49 30 7654321" in detail
        assert "no contact yet" not in shown(app).split("Stark Industries")[1][:200]

    drive(cockpit(), steps)


def test_a_links_a_contact_already_known() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("end")
        await open_form(pilot, "a")
        form = app.screen
        assert isinstance(form, ContactForm)
        form.query_one("#existing", Select).value = "c-dana"
        await pilot.pause()
        await save(pilot)
        assert stored(app).applications["a-stark"].contacts == ("c-dana",)
        assert "Dana Ruiz" in app.screen.query_one(Detail).plain

    drive(cockpit(), steps)


# -- logging -----------------------------------------------------------------------


def test_c_logs_a_call_with_the_talking_points_and_the_decision_date_they_gave() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert selected(app) == "a-bright"
        await open_form(pilot, "c")
        form = app.screen
        assert isinstance(form, CallForm)
        assert form.talking_points is TalkingPoints.STATUS
        assert form.default_contact == "c-jonas"
        await pilot.press("1")
        await fill(pilot, "decision_expected_on", "2026-11-20")
        await save(pilot)
        assert isinstance(app.screen, MainScreen)
        (entry,) = log_of(app, "a-bright", LogKind.CONNECTED)
        assert entry.contact == "c-jonas"  # type: ignore[attr-defined]
        assert entry.decision_expected_on == pendulum.date(2026, 11, 20)  # type: ignore[attr-defined]
        book = main_screen(app).book
        assert book is not None
        best = book.best("a-bright")
        assert best is not None and best.kind is VerdictKind.WAIT
        assert "Jonas Weber · Brightwave" not in sidebar_text(app).split("E-mail today")[0]
        assert "connected" in app.screen.query_one(Detail).plain
        assert "decision by 2026-11-20" in app.screen.query_one(Detail).plain

    drive(cockpit(), steps)


def test_c_logs_a_voicemail_showing_the_voicemail_script() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j")
        await open_form(pilot, "c")
        form = app.screen
        assert isinstance(form, CallForm)
        await pilot.press("2")
        await pilot.pause()
        assert "voicemail" in str(form.query_one("#talking-points").border_title)
        await save(pilot)
        (entry,) = log_of(app, "a-acme", LogKind.VOICEMAIL)
        assert entry.contact == "c-dana"  # type: ignore[attr-defined]
        assert "call 15:30" not in shown(app)

    drive(cockpit(), steps)


def test_talking_points_follow_the_stage() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("l")
        await open_form(pilot, "c")
        form = app.screen
        assert isinstance(form, CallForm)
        assert form.talking_points is TalkingPoints.AFTER_INTERVIEW
        await pilot.press("escape")
        await pilot.press("l")
        await open_form(pilot, "c")
        form = app.screen
        assert isinstance(form, CallForm)
        assert form.talking_points is TalkingPoints.AFTER_DECISION

    drive(cockpit(), steps)


@pytest.mark.parametrize(
    ("key", "kind"),
    [("m", LogKind.EMAIL), ("t", LogKind.THANK_YOU), ("r", LogKind.REPLY)],
)
def test_m_t_and_r_log_an_e_mail_a_thank_you_and_a_reply(key: str, kind: LogKind) -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("l", "j")
        assert selected(app) == "a-north"
        await open_form(pilot, key)
        form = app.screen
        assert isinstance(form, LogForm)
        assert form.kind is kind
        await save(pilot)
        assert len(log_of(app, "a-north", kind)) == 1
        if kind is LogKind.THANK_YOU:
            assert "thank-you in" not in shown(app)
            notes = sidebar_text(app).split("Notes and interviews")[1].split("Coming up")[0]
            assert "Lena Hoff" not in notes

    drive(cockpit(), steps)


# -- stages ----------------------------------------------------------------------------


def test_l_moves_to_interviewed_asking_when_the_interview_was() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j")
        await open_form(pilot, "L")
        form = app.screen
        assert isinstance(form, StageForm)
        assert form.target is Stage.INTERVIEWED
        await fill(pilot, "interview_at", "8:00")
        await save(pilot)
        acme = stored(app).applications["a-acme"]
        assert acme.stage is Stage.INTERVIEWED
        (interview,) = log_of(app, "a-acme", LogKind.INTERVIEW)
        # Typed in Dana's zone (New York, 09:05 now), and an hour long by default.
        assert interview.at == pendulum.datetime(2026, 11, 17, 9, 0, tz="America/New_York")  # type: ignore[attr-defined]
        assert selected(app) == "a-acme"
        assert "Applied 5" in shown(app) and "Interviewed 3" in shown(app)
        assert "thank-you in 23 h" in shown(app)

    drive(cockpit(), steps)


def test_shift_right_moves_to_decided_asking_the_outcome_and_h_moves_back() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("l", "j")
        assert selected(app) == "a-north"
        await open_form(pilot, "shift+right")
        form = app.screen
        assert isinstance(form, StageForm)
        assert form.target is Stage.DECIDED
        form.query_one("#rejected", RadioButton).value = True
        await pilot.pause()
        await save(pilot)
        north = stored(app).applications["a-north"]
        assert (north.stage, north.outcome) == (Stage.DECIDED, Outcome.REJECTED)
        assert "Decided 3" in shown(app)
        await pilot.press("H")
        await pilot.pause()
        north = stored(app).applications["a-north"]
        assert (north.stage, north.outcome) == (Stage.INTERVIEWED, None)
        await pilot.press("shift+left")
        await pilot.pause()
        assert stored(app).applications["a-north"].stage is Stage.APPLIED
        assert selected(app) == "a-north"

    drive(cockpit(), steps)


# -- delete and undo ----------------------------------------------------------------


def test_x_deletes_after_confirming_and_u_undoes_several_levels() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j")
        await open_form(pilot, "x")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert "a-acme" in stored(app).applications
        await open_form(pilot, "x")
        await pilot.press("y")
        await pilot.pause()
        assert "a-acme" not in stored(app).applications
        assert "Acme Tools" not in shown(app)

        await open_form(pilot, "e")
        await fill(pilot, "company", "Renamed")
        await save(pilot)
        renamed = selected(app)
        assert renamed is not None
        assert stored(app).applications[renamed].company == "Renamed"

        await pilot.press("u")
        await pilot.pause()
        assert stored(app).applications[renamed].company != "Renamed"
        await pilot.press("u")
        await pilot.pause()
        assert stored(app).applications["a-acme"].company == "Acme Tools"
        assert len(stored(app).log_of("a-acme")) == 1
        assert "Acme Tools" in shown(app)
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo" in shown(app)

    drive(cockpit(), steps)


def test_undo_reverts_a_logged_call_and_its_verdict() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await open_form(pilot, "c")
        await pilot.press("1")
        await save(pilot)
        assert len(log_of(app, "a-bright", LogKind.CONNECTED)) == 1
        await pilot.press("u")
        await pilot.pause()
        assert log_of(app, "a-bright", LogKind.CONNECTED) == []
        book = main_screen(app).book
        assert book is not None
        best = book.best("a-bright")
        assert best is not None and best.kind is VerdictKind.CALL
        assert "Jonas Weber · Brightwave" in sidebar_text(app)

    drive(cockpit(), steps)


# -- saving -----------------------------------------------------------------------------


def test_a_failed_save_shows_an_error_keeps_the_change_and_saves_it_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "hunt.json"
    with Store.open(path, create=True) as first:
        first.commit(factories.whole_board_change())
        first.save_settings(SETTINGS)
    store = Store.open(path)
    storage = store._storage
    real_write = storage.write

    def disk_full(data: object) -> None:
        raise OSError(28, "No space left on device")

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        monkeypatch.setattr(storage, "write", disk_full)
        await open_form(pilot, "n")
        await fill(pilot, "company", "Kept Co")
        await save(pilot)
        text = shown(app)
        assert "Could not save" in text
        assert "1 change not saved" in text
        assert "Kept Co" in text
        assert all(a.company != "Kept Co" for a in Store.open(path).board)

        monkeypatch.setattr(storage, "write", real_write)
        await pilot.press("j")
        await open_form(pilot, "m")
        await save(pilot)
        assert "not saved" not in shown(app)
        on_disk = Store.open(path).board
        assert any(a.company == "Kept Co" for a in on_disk)
        assert any(e.kind is LogKind.EMAIL for e in on_disk.log.values())

    drive(cockpit(store=store), steps)


def test_the_clock_retries_a_failed_save_by_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "hunt.json"
    with Store.open(path, create=True) as first:
        first.commit(factories.whole_board_change())
        first.save_settings(SETTINGS)
    store = Store.open(path)
    real_write = store._storage.write

    def disk_full(data: object) -> None:
        raise OSError(28, "No space left on device")

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        monkeypatch.setattr(store._storage, "write", disk_full)
        await pilot.press("l", "H")
        await pilot.pause()
        assert "1 change not saved" in shown(app)
        main_screen(app).tick()
        await pilot.pause()
        assert "1 change not saved" in shown(app)
        monkeypatch.setattr(store._storage, "write", real_write)
        main_screen(app).tick()
        await pilot.pause()
        assert "not saved" not in shown(app)
        assert "Saved the changes that had failed to save" in shown(app)
        assert Store.open(path).board.applications["a-globex"].stage is Stage.APPLIED

    drive(cockpit(store=store), steps)


def test_a_read_only_file_is_shown_and_refuses_changes() -> None:
    store = Store.in_memory(factories.board(), SETTINGS)
    store.read_only = True
    store.read_only_reason = "it was made by a newer jobcockpit"

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert "read-only: it was made by a newer jobcockpit" in shown(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert len(stored(app)) == 10

    drive(cockpit(store=store), steps)


# -- filter, stats, help, palette ----------------------------------------------------


def test_slash_filters_by_text_and_escape_clears() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("slash", *"lena")
        await pilot.pause()
        text = shown(app)
        assert "Applied 0 of 6" in text
        assert "Interviewed 1 of 2" in text
        assert "Northwind Traders" in text and "Globex" not in text.split("Safe to call")[0]
        await pilot.press("enter")
        assert selected(app) == "a-north"
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert "Applied 6" in shown(app)

    drive(cockpit(), steps)


def test_s_shows_the_funnel_response_rate_and_weekly_pace() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        text = shown(app)
        for line in ("Applied", "Interviewed", "Decided", "Offers"):
            assert line in text
        assert "Response rate 40%" in text
        assert "last 26 weeks, 10 in all" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)

    drive(cockpit(), steps)


def test_question_mark_lists_every_key_with_its_binding_id() -> None:
    settings = structs.replace(SETTINGS, keymap={"new_application": "N"})

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = shown(app)
        assert "new_application" in text and "next_stage" in text
        assert "L, shift+→" in text or "L, shift+right" in text
        await pilot.press("escape")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)

    drive(cockpit(store=Store.in_memory(factories.board(), settings)), steps)


def test_the_command_palette_runs_a_cockpit_command_and_jumps_to_a_card() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"funnel")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"umbrel")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert selected(app) == "a-umbrella"

    drive(cockpit(), steps)


# -- theme, clock, quit ------------------------------------------------------------------


def test_the_theme_is_remembered() -> None:
    store = Store.in_memory(factories.board(), SETTINGS)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        app.theme = "nord"
        await pilot.pause()
        assert store.settings.theme == "nord"

    drive(cockpit(store=store), steps)

    async def reopened(pilot: Pilot[None], app: CockpitApp) -> None:
        assert app.theme == "nord"

    drive(cockpit(store=store, settings=store.settings), reopened)


def test_the_sidebar_follows_the_clock_across_a_window_edge() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        screen = main_screen(app)
        calls = sidebar_text(app).split("E-mail today")[0]
        assert "Jonas Weber · Brightwave GmbH  unverified\n  now until 16:00" in calls
        app._frozen_now = pendulum.datetime(2026, 11, 17, 15, 55, tz="Europe/Berlin")
        screen.tick()
        await pilot.pause()
        calls = sidebar_text(app).split("E-mail today")[0]
        assert "Jonas Weber" not in calls
        assert "call now" not in "\n".join(
            line for line in shown(app).splitlines() if "Brightwave" in line
        )

    drive(cockpit(), steps)


def test_q_quits() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running

    drive(cockpit(), steps)


def test_quitting_with_changes_that_failed_to_save_asks_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "hunt.json"
    with Store.open(path, create=True) as first:
        first.commit(factories.whole_board_change())
        first.save_settings(SETTINGS)
    store = Store.open(path)

    def disk_full(data: object) -> None:
        raise OSError(28, "No space left on device")

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        monkeypatch.setattr(store._storage, "write", disk_full)
        await pilot.press("l", "H")
        await pilot.pause()
        assert "1 change not saved" in shown(app)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "1 change could not be saved" in shown(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running

    drive(cockpit(store=store), steps)


def test_full_garbage_collections_wait_for_a_pause_and_end_with_the_cockpit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A key press never waits for a full round of the garbage collector: the
    cockpit runs one itself once the user has paused, and hands the
    collector back as it found it."""
    import gc

    from jobcockpit.tui.runtime import heap

    rounds: list[float] = []
    monkeypatch.setattr(heap, "IDLE_SECONDS", 1.5)
    monkeypatch.setattr(heap, "full_round", lambda: rounds.append(1))
    before = gc.get_threshold()

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert gc.get_threshold()[:2] == before[:2]
        assert gc.get_threshold()[2] > 10**6  # no full round on its own
        await pilot.press("j", "l", "H")  # a card back one stage
        assert rounds == []
        await pilot.pause(2.5)
        assert rounds == [1]

    drive(cockpit(), steps)
    assert gc.get_threshold() == before


def test_no_view_keeps_old_words_or_marks_after_any_kind_of_change() -> None:
    """Each view draws only what a change touched; after every kind of change
    the screen is the one a full redraw gives."""
    from factories import assert_nothing_stale

    from jobcockpit.core.board import Changeset

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        screen = main_screen(app)
        await assert_nothing_stale(pilot, app, "opening")
        lena = app.session.board.contacts["c-lena"]
        screen.commit(Changeset(put_contacts=(structs.replace(lena, name="Lena Renamed"),)))
        await assert_nothing_stale(pilot, app, "a contact renamed")
        await pilot.press("asterisk")
        await assert_nothing_stale(pilot, app, "privacy on")
        await pilot.press("asterisk")
        app.theme = "textual-light"
        await assert_nothing_stale(pilot, app, "another theme")
        await pilot.resize_terminal(120, 40)
        await assert_nothing_stale(pilot, app, "a smaller terminal")
        await pilot.press("u")
        await assert_nothing_stale(pilot, app, "undo")
        # The clock passes the next moment a verdict changes: the columns
        # that no change touched word their countdowns afresh too.
        assert screen.book is not None and screen.book.next_edge is not None
        app._frozen_now = pendulum.instance(screen.book.next_edge).add(seconds=1)
        screen.tick()
        await assert_nothing_stale(pilot, app, "the clock passing an edge")
        app._frozen_now = app._frozen_now.add(minutes=20)
        screen.commit(Changeset(delete_applications=("a-stark",)))
        await assert_nothing_stale(pilot, app, "a change twenty minutes later")
        # The list shrinks under the sidebar's cursor.
        screen.commit(Changeset(delete_applications=("a-north",)))
        screen.query_one(Sidebar).focus()
        await pilot.press("end")
        screen.commit(Changeset(delete_applications=("a-evil",)))
        await assert_nothing_stale(pilot, app, "the sidebar's last entry deleted")
        await pilot.press("slash", "n", "o", "r")
        await assert_nothing_stale(pilot, app, "a filter")
        await pilot.press("escape")
        await assert_nothing_stale(pilot, app, "the filter cleared")

    drive(cockpit(), steps)


def test_closed_dialogs_are_freed_when_the_board_is_judged_again() -> None:
    """Freezing the heap (to keep collector pauses off the keys) must not keep
    garbage forever: a dialog closed before the board is judged again (a
    reload, a settings change) is freed."""
    import gc
    import weakref

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        screen = main_screen(app)
        closed: list[weakref.ref[object]] = []
        for _ in range(3):
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            closed.append(weakref.ref(app.screen))
            await pilot.press("escape")
            await pilot.pause()
            screen.judging.everything()
            await pilot.pause()
        gc.collect()
        assert [ref() for ref in closed] == [None, None, None]

    drive(cockpit(), steps)


def test_escape_leaves_the_filter_and_a_filter_left_by_tab_stays_in_sight() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        from jobcockpit.tui.widgets.card_column import CardColumn
        from jobcockpit.tui.widgets.filter_bar import FilterBar

        bar = app.screen.query_one(FilterBar)
        await pilot.press("slash", "a", "c", "m", "e", "escape")
        await pilot.pause()
        assert isinstance(app.focused, CardColumn)
        await pilot.press("j")
        assert bar.value == ""
        await pilot.press("slash", "n", "o", "r", "tab")
        await pilot.pause()
        assert bar.value == "nor"
        assert bar.has_class("-active") and bar.display  # still filtering, and it shows

    drive(cockpit(), steps)


def test_the_detail_wraps_again_when_the_terminal_shrinks() -> None:
    """Shrinking the terminal narrows the detail (and may give it a
    scrollbar): its lines are wrapped again at the new width, never cut."""
    from jobcockpit.formats.demo import demo_board

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        screen = main_screen(app)
        target = next(a.id for a in app.session.board if "Brightline" in a.company)
        screen.go_to(target)
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        detail = screen.query_one(Detail)
        width = detail.scrollable_content_region.width
        drawn = [
            "".join(segment.text for segment in detail.render_line(y)).rstrip()
            for y in range(detail.size.height)
        ]
        assert all(len(line) <= width for line in drawn)
        shown_words = " ".join(drawn).split()
        assert shown_words == detail.plain.split()[: len(shown_words)]

    user = Settings(user_timezone="Europe/Berlin")
    store = Store.in_memory(demo_board(NOW, user.zone), user)
    drive(cockpit(store=store, settings=user), steps)
