"""Adding a contact to an application, linking one already known, or editing one.

A number the phone library says no phone can have is refused with its
reason; one that is only unusual is kept, and marked in the detail.
The zone, country and best time decide when the rules let the person call
(R10 to R13), so the form reads them back: a zone the phone number implies is
proposed while the zone field is empty, and an unknown zone is refused with the
closest names.
"""

from __future__ import annotations

from msgspec import structs
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Select

from jobcockpit.core.friendly import (
    parse_country,
    parse_days,
    parse_email,
    parse_phone,
    parse_subdivision,
    parse_time,
    parse_zone,
    zone_names,
)
from jobcockpit.core.phones import check_phone
from jobcockpit.core.places import country_from_phone, zone_from_phone
from jobcockpit.core.records import WEEKDAYS, BestTime, Contact, RecordError, new_id
from jobcockpit.core.text import plain
from jobcockpit.tui.screens.forms.base import FormScreen, Reading
from jobcockpit.tui.widgets.field import Field


def contact_label(contact: Contact) -> Text:
    """How a contact reads in a list: the name, then the role; always literal."""
    role = plain(contact.role)
    return Text(f"{plain(contact.name)} – {role}" if role else plain(contact.name))


class ContactForm(FormScreen[Contact | str]):
    """A new contact (`contact` None) or an edit of one. A new one may instead be
    someone in `existing`: the dialog then returns that contact's id."""

    def __init__(self, contact: Contact | None, existing: list[Contact], user_zone: str) -> None:
        super().__init__()
        self.contact = contact
        self.existing = [] if contact is not None else list(existing)
        self.user_zone = user_zone
        self.new_id = new_id("c")

    def heading(self) -> Content:
        if self.contact is None:
            return Content("Add a contact, or link one you already know")
        return Content.assemble("Edit the contact ", (plain(self.contact.name), "b"))

    def compose_fields(self) -> ComposeResult:
        if self.existing:
            yield Field(
                "Someone you already know",
                Select[str](
                    [(contact_label(c), c.id) for c in self.existing],
                    prompt="nobody: a new contact, below",
                    id="existing",
                ),
                hint="Pick one to link them to this application; leave it empty to add someone.",
            )
        original = self.contact
        best = original.best_time if original else None
        with Vertical(id="new-contact"):
            yield Field(
                "Name", Input(original.name if original else "", placeholder="required", id="name")
            )
            yield Field(
                "Role",
                Input(
                    original.role if original else "", placeholder="e.g. Hiring manager", id="role"
                ),
            )
            with Horizontal(classes="row"):
                yield Field(
                    "Phone",
                    Input(
                        (original.phone or "") if original else "",
                        placeholder="+1 505 555 0100",
                        id="phone",
                    ),
                )
                yield Field(
                    "E-mail",
                    Input(
                        (original.email or "") if original else "",
                        placeholder="dana@example.com",
                        id="email",
                    ),
                )
            yield Field(
                "Time zone (their own)",
                Input(
                    (original.timezone or "") if original else "",
                    placeholder="e.g. America/Denver",
                    suggester=SuggestFromList(zone_names(), case_sensitive=False),
                    id="timezone",
                ),
            )
            with Horizontal(classes="row"):
                yield Field(
                    "Country (2 letters)",
                    Input(
                        (original.country or "") if original else "",
                        placeholder="e.g. US",
                        max_length=2,
                        id="country",
                    ),
                )
                yield Field(
                    "State or region",
                    Input(
                        (original.subdivision or "") if original else "",
                        placeholder="e.g. NM",
                        id="subdivision",
                    ),
                    hint="for their public holidays",
                )
            with Horizontal(classes="row"):
                yield Field(
                    "Best days to call",
                    Input(
                        _days_text(best) if best else "",
                        placeholder="e.g. tue,wed or mon-fri",
                        id="best_days",
                    ),
                )
                yield Field(
                    "from",
                    Input(
                        best.start.strftime("%H:%M") if best else "",
                        placeholder="10:00",
                        id="best_from",
                    ),
                )
                yield Field(
                    "to",
                    Input(
                        best.end.strftime("%H:%M") if best else "",
                        placeholder="11:30",
                        id="best_to",
                    ),
                )
            yield Field(
                "Checked (R1)",
                Checkbox(
                    "I checked the number and asked when is best to call",
                    original.verified if original else False,
                    id="verified",
                ),
            )

    def on_mount(self) -> None:
        super().on_mount()
        if self.existing:
            self.query_one("#name", Input).focus()

    def _linked(self) -> str | None:
        if not self.existing:
            return None
        chosen = self.query_one("#existing", Select).value
        return chosen if isinstance(chosen, str) else None

    def read(self, reading: Reading) -> Contact | str | None:
        linked = self._linked()
        self.query_one("#new-contact").disabled = linked is not None
        submit = self.query_one("#submit", Button)
        label = "Link" if linked else "Save"
        if str(submit.label) != label:
            submit.label = label
        if linked is not None:
            return linked

        name = self.text("name").strip()
        if not name:
            reading.fail("name", "write their name")
        same = [c for c in self.existing if c.name.strip().casefold() == name.casefold()]
        if same:
            reading.hint(
                "name", "You already know someone of that name: pick them above to link them."
            )
        phone = reading.take("phone", lambda: parse_phone(self.text("phone")), None)
        email = reading.take("email", lambda: parse_email(self.text("email")), None)
        zone = self._zone(reading, phone)
        country = reading.take("country", lambda: parse_country(self.text("country")), None)
        if phone is not None:
            checked = reading.take("phone", lambda: check_phone(phone, country), None)
            if checked is not None and checked.unusual:
                reading.hint("phone", f"kept, but marked: {checked.unusual}")
        phone_country = country_from_phone(phone)
        if country is None and phone_country is not None:
            reading.hint("country", f"empty: {phone_country}, from the phone number")
        subdivision = reading.take(
            "subdivision",
            lambda: parse_subdivision(self.text("subdivision"), country or phone_country),
            None,
        )
        best_time = self._best_time(reading)
        verified = self.query_one("#verified", Checkbox).value
        if not reading.ok:
            return None
        base = self.contact or Contact(id=self.new_id, name=name)
        try:
            return structs.replace(
                base,
                name=name,
                role=self.text("role").strip(),
                phone=phone,
                email=email,
                timezone=zone,
                country=country,
                subdivision=subdivision,
                best_time=best_time,
                verified=verified,
            )
        except RecordError as error:
            reading.fail(error.field if error.field in ("timezone", "country") else "name", error)
            return None

    def _zone(self, reading: Reading, phone: str | None) -> str | None:
        """The zone typed, else None; the hint says which zone the rules will use."""
        typed = self.text("timezone").strip()
        from_phone = zone_from_phone(phone)
        zone_input = self.query_one("#timezone", Input)
        zone_input.placeholder = (
            f"{from_phone} (from the phone number)" if from_phone else "e.g. America/Denver"
        )
        if not typed:
            if from_phone:
                reading.hint("timezone", f"empty: {from_phone}, from the phone number")
            else:
                reading.hint("timezone", f"empty: your own zone, {self.user_zone} (a guess)")
            return None
        zone = reading.take("timezone", lambda: parse_zone(typed), None)
        if zone is not None:
            notes = [] if zone == typed else [f"saved as {zone}"]
            if from_phone and from_phone != zone:
                notes.append(f"the phone number says {from_phone}")
            if notes:
                reading.hint("timezone", "; ".join(notes))
        return zone

    def _best_time(self, reading: Reading) -> BestTime | None:
        """All three parts or none: days alone say nothing about the hours."""
        days_text = self.text("best_days").strip()
        start_text = self.text("best_from").strip()
        end_text = self.text("best_to").strip()
        if not (days_text or start_text or end_text):
            return None
        days = (
            reading.take("best_days", lambda: parse_days(days_text), WEEKDAYS)
            if days_text
            else WEEKDAYS
        )
        start = end = None
        if start_text:
            start = reading.take("best_from", lambda: parse_time(start_text), None)
        else:
            reading.fail("best_from", "when do they start taking calls?")
        if end_text:
            end = reading.take("best_to", lambda: parse_time(end_text), None)
        else:
            reading.fail("best_to", "until when?")
        if start is None or end is None:
            return None
        if end <= start:
            reading.fail("best_to", "must be later than from")
            return None
        best = BestTime(days=days, start=start, end=end)
        reading.hint("best_days", f"{best.describe()}, their time")
        return best


def _days_text(best: BestTime) -> str:
    return best.describe().rsplit(" ", 1)[0].replace(" ", "").lower()
