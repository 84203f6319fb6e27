"""The one link check: the board, the store and an import all ask it, so a
record pointing at nothing is refused the same way wherever it comes from."""

from __future__ import annotations

import pytest
from helpers_store import application, entry

from jobcockpit.core.links import broken_links, check_links
from jobcockpit.core.records import RecordError


def test_every_broken_link_is_named_in_order_with_its_record_and_field() -> None:
    acme = application(contacts=["c1", "c7", "c8"])
    lost = entry(id="l1", application="a9", contact="c9")

    links = list(broken_links([acme], [lost], known_applications={"a1"}, known_contacts={"c1"}))

    assert [(link.record, link.field, link.problem) for link in links] == [
        (acme, "contacts", "no contact c7"),
        (acme, "contacts", "no contact c8"),
        (lost, "application", "no application a9"),
        (lost, "contact", "no contact c9"),
    ]


def test_links_to_known_records_and_a_log_entry_without_contact_are_fine() -> None:
    links = broken_links(
        [application()],
        [entry(contact=None, kind="reply")],
        known_applications={"a1"},
        known_contacts={"c1"},
    )

    assert list(links) == []


def test_check_links_raises_the_first_as_the_records_own_error() -> None:
    with pytest.raises(RecordError) as raised:
        check_links(
            [application(contacts=["c1", "c7"])],
            [entry(application="a9")],
            known_applications={"a1"},
            known_contacts={"c1"},
        )

    assert str(raised.value) == "application a1 (Acme Tools): contacts: no contact c7"
