"""The cockpit's dialogs: each returns a checked domain record, or None when cancelled.

They never touch the store: `jobcockpit.tui.changes` makes what they return
into a `Changeset`, which the main screen commits.
"""

from jobcockpit.core.stages import StageChange
from jobcockpit.tui.screens.forms.application import ApplicationForm
from jobcockpit.tui.screens.forms.call import CallForm
from jobcockpit.tui.screens.forms.confirm import ConfirmDialog
from jobcockpit.tui.screens.forms.contact import ContactForm
from jobcockpit.tui.screens.forms.contact_removal import RemoveContactDialog
from jobcockpit.tui.screens.forms.log import LogForm
from jobcockpit.tui.screens.forms.stage import StageForm

__all__ = [
    "ApplicationForm",
    "CallForm",
    "ConfirmDialog",
    "ContactForm",
    "LogForm",
    "RemoveContactDialog",
    "StageChange",
    "StageForm",
]
