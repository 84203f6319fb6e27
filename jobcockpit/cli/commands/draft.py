"""`jobcockpit draft`: the message a follow-up asks for, ready to send.

Once `today` says "thank-you due in 13 h" or "e-mail Priya", the user should
not face an empty message. This prints a draft built from the application,
its contact and the talking points (templates in the settings), and a
`mailto:` link with the subject and body, which `--open` hands to the mail
program. The kind of message is what the rules ask for now unless `--kind`
says otherwise. Reads the data file only.
"""

from __future__ import annotations

import argparse

import pendulum

from jobcockpit.cli.arguments import timestamp
from jobcockpit.cli.errors import OK, CommandError
from jobcockpit.cli.output import write
from jobcockpit.cli.stores import clock, demo_store, store_to_read
from jobcockpit.core.board import Board
from jobcockpit.core.drafting import UnknownContactError, draft_for
from jobcockpit.core.drafts import DraftKind
from jobcockpit.core.records import Application
from jobcockpit.core.text import plain

KINDS = tuple(kind.value for kind in DraftKind)
LISTED = 5
"""How many matching applications an ambiguous name lists."""

DESCRIPTION = (
    "A draft of the message a follow-up asks for, from the application and the talking "
    "points: the thank-you after an interview, the courtesy note after a decision, or a "
    "follow-up e-mail. Prints it with a mailto: link holding the subject and body, or opens "
    "it in your mail program. The templates are settings (draft_thank_you and others; the "
    "first line is the subject), signed with the settings user_name and user_phone."
)
EXAMPLE = """\
examples:
  jobcockpit draft acme                     # what the rules ask for now
  jobcockpit draft a-0e3ee00c --kind thank_you --open
  jobcockpit draft "Beta Care" --mailto     # the link alone, for a script"""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "application",
        metavar="APP",
        help="the application: its id, or a word of its company or position",
    )
    parser.add_argument(
        "--kind",
        choices=KINDS,
        default=None,
        help="thank_you, courtesy or email (default: what the rules ask for now, else email)",
    )
    parser.add_argument(
        "--contact",
        metavar="CONTACT",
        default=None,
        help="who to write to: a contact's id or name (default: the one the rules name)",
    )
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--mailto", action="store_true", help="print the mailto: link alone")
    shown.add_argument("--open", action="store_true", help="open it in your mail program")
    parser.add_argument(
        "--now",
        metavar="ISO_TIMESTAMP",
        type=timestamp,
        default=None,
        help="as the rules see it at another moment (an offset is required)",
    )


def run(args: argparse.Namespace) -> int:
    from jobcockpit.formats.mailto import mailto_link

    given: pendulum.DateTime | None = args.now or args.global_now
    if args.demo:
        store, now = demo_store(given)
    else:
        store = store_to_read(args)
        now = given or clock(store.settings.zone)
    with store:
        application = find_application(store.board, args.application)
        kind = DraftKind(args.kind) if args.kind else None
        try:
            draft = draft_for(store.board, store.settings, now, application, kind, args.contact)
        except UnknownContactError as error:
            raise CommandError(plain(str(error))) from None
    link = mailto_link(draft)
    if args.mailto:
        write(link + "\n")
    elif args.open:
        import webbrowser

        if not webbrowser.open(link):
            raise CommandError(f"no mail program could be opened; the link is {link}")
        write(f"Opened the draft in your mail program: {plain(draft.subject)}\n")
    else:
        shown = "\n".join(plain(line) for line in draft.text().split("\n"))
        write(f"{shown}\n{link}\n")
    return OK


def find_application(board: Board, wanted: str) -> Application:
    """The application with this id, else the one whose company or position
    holds these words."""
    exact = board.applications.get(wanted)
    if exact is not None:
        return exact
    folded = " ".join(wanted.casefold().split())
    found = [
        a
        for a in board.applications.values()
        if folded and folded in f"{a.id} {a.company} {a.position}".casefold()
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise CommandError(
            f"no application matches {wanted!r}; give its id (`jobcockpit export` lists them) "
            "or a word of its company"
        )
    found.sort(key=lambda a: (a.company.casefold(), a.id))
    listed = "; ".join(f"{a.id} {plain(a.company)}" for a in found[:LISTED])
    more = f" and {len(found) - LISTED} more" if len(found) > LISTED else ""
    raise CommandError(
        f"{wanted!r} matches {len(found)} applications ({listed}{more}); give its id"
    )
