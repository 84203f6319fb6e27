"""The cockpit's dialogs: each returns a checked domain record, or None when cancelled.

They never touch the store: the main screen turns what they return into a
`Changeset`.
"""

from jobcockpit.app.screens.forms.application import ApplicationForm
from jobcockpit.app.screens.forms.call import CallForm
from jobcockpit.app.screens.forms.confirm import ConfirmDialog
from jobcockpit.app.screens.forms.contact import ContactForm
from jobcockpit.app.screens.forms.log import LogForm
from jobcockpit.app.screens.forms.stage import StageForm
from jobcockpit.domain.friendly import StageChange

__all__ = [
    "ApplicationForm",
    "CallForm",
    "ConfirmDialog",
    "ContactForm",
    "LogForm",
    "StageChange",
    "StageForm",
]
