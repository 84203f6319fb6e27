"""The drafts' settings: a template typed on one line (\\n a line break) is
stored with its line breaks, read back the same, and shown on one line again;
the shipped template is never stored, so a file that never set one is written
as before."""

from __future__ import annotations

import pytest

from jobcockpit.core.drafts import DEFAULT_TEMPLATES
from jobcockpit.core.records import RecordError
from jobcockpit.core.settings import Settings

TYPED = r"Danke, {first_name}\n\nvielen Dank, {company}.\nC:\\Briefe"


def test_a_template_typed_on_one_line_is_stored_with_its_line_breaks_and_read_back() -> None:
    settings = Settings().with_value("draft_thank_you", TYPED).with_value("user_name", " Sam  Lee ")

    stored = settings.to_dict()

    assert settings.draft_thank_you == "Danke, {first_name}\n\nvielen Dank, {company}.\nC:\\Briefe"
    assert stored["draft_thank_you"] == settings.draft_thank_you
    assert stored["user_name"] == "Sam Lee"
    assert Settings.from_dict(stored) == settings
    assert settings.show("draft_thank_you") == TYPED
    assert Settings().with_value("draft_thank_you", settings.show("draft_thank_you")) == (
        Settings(draft_thank_you=settings.draft_thank_you)
    )


def test_the_shipped_template_and_unset_signature_are_never_stored() -> None:
    shipped = Settings().show("draft_status")

    settings = Settings().with_value("draft_status", shipped)

    assert settings.draft_status is None
    assert settings.templates["draft_status"] is None
    assert not {"draft_status", "user_name", "user_phone"} & set(Settings().to_dict())
    assert shipped.replace("\\n", "\n") == DEFAULT_TEMPLATES["draft_status"]


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        (r"   \nDear {contact}", "the first line is the subject"),
        (r"Hi {salary}\nBody", "{salary} is not a placeholder"),
    ],
)
def test_a_template_that_cannot_fill_in_is_refused(typed: str, problem: str) -> None:
    with pytest.raises(RecordError, match="draft_courtesy") as caught:
        Settings().with_value("draft_courtesy", typed)

    assert problem in str(caught.value)
