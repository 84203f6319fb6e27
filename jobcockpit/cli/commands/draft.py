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
import datetime as dt

import pendulum

from jobcockpit.cli.arguments import timestamp
from jobcockpit.cli.errors import OK, CommandError
from jobcockpit.cli.output import write
from jobcockpit.cli.stores import clock, demo_store, store_to_read
from jobcockpit.core.board import Board
from jobcockpit.core.drafts import Draft, DraftKind, build_draft
from jobcockpit.core.records import Application, Contact, LogKind
from jobcockpit.core.rules import agenda
from jobcockpit.core.settings import Settings
from jobcockpit.core.text import plain
from jobcockpit.core.verdicts import Agenda, TalkingPoints, TaskKind, VerdictKind

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

_TASK_KINDS = {TaskKind.THANK_YOU: DraftKind.THANK_YOU, TaskKind.COURTESY: DraftKind.COURTESY}


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
        draft = make_draft(
            store.board, store.settings, now, args.application, args.kind, args.contact
        )
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


def make_draft(
    board: Board,
    settings: Settings,
    now: pendulum.DateTime,
    wanted: str,
    kind_name: str | None,
    contact_name: str | None,
) -> Draft:
    """The draft of the follow-up `wanted` names, as the rules see it at `now`."""
    application = find_application(board, wanted)
    day = agenda(board, settings, now)
    kind = DraftKind(kind_name) if kind_name else _kind_due(day, application)
    contact = _contact(board, application, contact_name, day, kind)
    return build_draft(
        kind,
        application,
        contact,
        settings.templates,
        my_name=settings.user_name or "",
        my_phone=settings.user_phone or "",
        interview_on=_last_interview(board, application, now, settings.zone),
        points=_points(day, application, contact),
    )


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


def _kind_due(day: Agenda, application: Application) -> DraftKind:
    for task in day.tasks:
        if task.application == application.id and task.kind in _TASK_KINDS:
            return _TASK_KINDS[task.kind]
    return DraftKind.EMAIL


def _contact(
    board: Board, application: Application, wanted: str | None, day: Agenda, kind: DraftKind
) -> Contact | None:
    """The contact named, else the one the task or the verdict names, else the
    application's first with an e-mail address, else its first."""
    people = board.contacts_of(application)
    if wanted is not None:
        folded = wanted.casefold().strip()
        found = [c for c in people if c.id == wanted or folded in c.name.casefold()]
        if not found:
            names = ", ".join(f"{c.id} {plain(c.name)}" for c in people) or "none"
            raise CommandError(
                f"{plain(application.company)} has no contact {wanted!r} (its contacts: {names})"
            )
        return found[0]
    ids: list[str] = [
        t.contact
        for t in day.tasks
        if t.application == application.id and _TASK_KINDS.get(t.kind) is kind and t.contact
    ]
    ids += [
        v.contact
        for v in day.verdicts
        if v.application == application.id and v.kind in (VerdictKind.EMAIL, VerdictKind.CALL)
    ]
    for ident in ids:
        contact = board.contacts.get(ident)
        if contact is not None:
            return contact
    with_email = [c for c in people if c.email]
    chosen = with_email or people
    return chosen[0] if chosen else None


def _points(day: Agenda, application: Application, contact: Contact | None) -> TalkingPoints | None:
    for verdict in day.verdicts:
        if verdict.application == application.id and (
            contact is None or verdict.contact == contact.id
        ):
            return verdict.talking_points
    return None


def _last_interview(
    board: Board, application: Application, now: dt.datetime, zone: str
) -> pendulum.Date | None:
    past = [
        e.at for e in board.log_of(application.id) if e.kind is LogKind.INTERVIEW and e.at <= now
    ]
    if not past:
        return None
    day = pendulum.instance(max(past)).in_timezone(zone).date()
    return pendulum.date(day.year, day.month, day.day)
