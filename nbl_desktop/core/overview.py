"""The event's way from registrations to results, as steps with their state in numbers.

The Overview page shows these steps so the organizer sees at a glance what
is done and what is next: each step says how far it is, in numbers, and
names the action that moves it on. Pure: an event and what the desk and
the print log recorded in, steps out (a second at 3,000 people, so the
window works them out in its helper process).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from nbl_desktop.core.event import EventData
from nbl_desktop.core.planning import must_meets_line
from nbl_desktop.core.printouts.pages import agenda_pages, table_cards
from nbl_desktop.core.printouts.print_log import AGENDA, TABLE, changed_since_printed
from nbl_desktop.core.schedule_figures import ScheduleFigures, schedule_figures

ENOUGH_WISHES = 3  # a person with fewer gets too few meetings to be worth the day


class State(StrEnum):
    """How far a step is."""

    DONE = "done"
    ATTENTION = "attention"  # done, but something in it wants a look
    NEXT = "next"  # the step to take now
    LATER = "later"  # waits for an earlier step


@dataclass(frozen=True)
class Step:
    """One step: its title, its state, what it stands at and the action that moves it on
    (a name of the window's menu table, or "" for none)."""

    key: str
    title: str
    state: State
    figures: tuple[str, ...]
    action: str = ""
    action_text: str = ""


@dataclass(frozen=True)
class DeskRecord:
    """What the event file holds beside the event: the print log and the day at the desk."""

    printed: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # kind ->
    arrivals: frozenset[str] = frozenset()


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def overview_steps(event: EventData, desk: DeskRecord) -> list[Step]:
    """Registrations → wishes → schedule → printed → event day, each with its state."""
    figures = schedule_figures(event) if event.meetings else None
    steps = [_registrations(event), _wishes(event), _schedule(event, figures),
             _printed(event, desk), _event_day(event, desk)]
    return _first_open_is_next(steps)


def _first_open_is_next(steps: list[Step]) -> list[Step]:
    """Steps after the first one not yet done wait for it."""
    shown: list[Step] = []
    blocked = False
    for step in steps:
        if blocked and step.state is State.NEXT:
            step = Step(step.key, step.title, State.LATER, step.figures, step.action,
                        step.action_text)
        blocked = blocked or step.state is State.NEXT
        shown.append(step)
    return shown


def _registrations(event: EventData) -> Step:
    people = event.attendees
    if not people:
        return Step("registrations", "Registrations", State.NEXT,
                    ("Nobody registered yet.",), "import", "Import registrations…")
    organizations = {p.organization.casefold() for p in people if p.organization}
    countries = Counter(p.country for p in people if p.country)
    to_check = [p for p in people if not p.organization or not p.email]
    lines = [f"{plural(len(people), 'person', 'people')} from "
             f"{plural(len(organizations), 'organization', 'organizations')}"
             + (" in " + ", ".join(f"{c} {n}" for c, n in countries.most_common())
                if countries else "")]
    if to_check:
        lines.append(f"{plural(len(to_check), 'person', 'people')} to check "
                     "(no organization or e-mail)")
    return Step("registrations", "Registrations",
                State.ATTENTION if to_check else State.DONE, tuple(lines), "import",
                "Import more…")


def _wishes(event: EventData) -> Step:
    made = Counter(r.requester for r in event.requests)
    with_wishes = sum(1 for p in event.attendees if made[p.id])
    enough = sum(1 for p in event.attendees if made[p.id] >= ENOUGH_WISHES)
    musts = sum(1 for r in event.requests if r.priority == 3)
    if not event.requests:
        return Step("wishes", "Wishes", State.NEXT,
                    ("No wishes yet: who wants to meet whom.",), "attendees", "Enter wishes")
    lines = [f"{plural(len(event.requests), 'wish', 'wishes')}, "
             f"{plural(musts, 'must-meet', 'must-meets')}",
             f"{with_wishes} of {plural(len(event.attendees), 'person', 'people')} have "
             f"wishes, {enough} at least {ENOUGH_WISHES}"]
    if event.exclusions:
        lines.append(plural(len(event.exclusions), "do-not-meet pair", "do-not-meet pairs"))
    return Step("wishes", "Wishes", State.DONE if with_wishes else State.NEXT, tuple(lines),
                "attendees", "See wishes")


def _schedule(event: EventData, figures: ScheduleFigures | None) -> Step:
    if figures is None:
        return Step("schedule", "Schedule", State.NEXT if event.attendees else State.LATER,
                    ("No schedule yet.",), "schedule", "Schedule")
    met = len(event.requests) - sum(1 for u in figures.unmet)
    lines = [f"{plural(figures.meetings, 'meeting', 'meetings')}; "
             f"{met} of {plural(len(event.requests), 'wish', 'wishes')} met",
             must_meets_line(figures.must_met, figures.must_total)]
    unmet_musts = figures.must_total - figures.must_met
    if figures.left_out:
        lines.append(f"{plural(figures.left_out, 'person', 'people')} with wishes but no "
                     "meeting")
    state = State.ATTENTION if unmet_musts or figures.left_out else State.DONE
    return Step("schedule", "Schedule", state, tuple(lines), "schedule_page", "See the schedule")


def _printed(event: EventData, desk: DeskRecord) -> Step:
    if not event.meetings:
        return Step("printed", "Printouts", State.LATER, ("Nothing to print before the "
                                                          "schedule.",), "print", "Print…")
    agendas = agenda_pages(event)
    cards = table_cards(event, "en")
    stale_agendas = changed_since_printed(agendas, desk.printed.get(AGENDA, {}))
    stale_cards = changed_since_printed(cards, desk.printed.get(TABLE, {}))
    never = not desk.printed.get(AGENDA) and not desk.printed.get(TABLE)
    if never:
        return Step("printed", "Printouts", State.NEXT,
                    (f"Not printed yet: {plural(len(agendas), 'agenda', 'agendas')}, "
                     f"{plural(len(cards), 'table card', 'table cards')}.",), "print", "Print…")
    lines = [f"{len(stale_agendas)} of {plural(len(agendas), 'agenda', 'agendas')} out of date",
             f"{len(stale_cards)} of {plural(len(cards), 'table card', 'table cards')} out of "
             "date"]
    state = State.ATTENTION if stale_agendas or stale_cards else State.DONE
    return Step("printed", "Printouts", state, tuple(lines), "reprint", "Reprint what changed")


def _event_day(event: EventData, desk: DeskRecord) -> Step:
    if not event.meetings:
        return Step("event_day", "Event day", State.LATER, ("After the schedule.",),
                    "event_day_page", "Event day")
    arrived = sum(1 for p in event.attendees if p.id in desk.arrivals)
    everyone = plural(len(event.attendees), "person", "people")
    if not arrived:
        return Step("event_day", "Event day", State.NEXT,
                    (f"Nobody checked in yet (of {everyone}).",), "event_day_page", "Check in")
    return Step("event_day", "Event day", State.DONE, (f"{arrived} of {everyone} checked in",),
                "event_day_page", "Event day")
