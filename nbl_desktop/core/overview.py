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
from nbl_desktop.core.i18n import ENGLISH, catalog
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


class _Words:
    """The overview's texts in one language (it is worked out in a helper process, which
    does not share the window's choice of language: it is handed over)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._catalog = catalog(language)

    def __call__(self, message: str, **values: object) -> str:
        return self._catalog.gettext(message).format(**values)

    def n_(self, singular: str, plural: str, count: int, **values: object) -> str:
        return self._catalog.ngettext(singular, plural, count).format(count=count, **values)


def overview_steps(event: EventData, desk: DeskRecord, language: str = ENGLISH) -> list[Step]:
    """Registrations → wishes → schedule → printed → event day, each with its state, in
    `language`."""
    words = _Words(language)
    figures = schedule_figures(event) if event.meetings else None
    steps = [_registrations(event, words), _wishes(event, words),
             _schedule(event, figures, words), _printed(event, desk, words),
             _event_day(event, desk, words)]
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


def _registrations(event: EventData, _: _Words) -> Step:
    title = _("Registrations")
    people = event.attendees
    if not people:
        return Step("registrations", title, State.NEXT, (_("Nobody registered yet."),),
                    "import", _("Import registrations…"))
    organizations = {p.organization.casefold() for p in people if p.organization}
    countries = Counter(p.country for p in people if p.country)
    to_check = [p for p in people if not p.organization or not p.email]
    everyone = _.n_("{count} person", "{count} people", len(people))
    if countries:
        # Translators: {people} is "48 people"; {countries} lists countries with their
        # number of people, "SE 16, FI 16, NO 16"
        line = _.n_("{people} from {count} organization in {countries}",
                    "{people} from {count} organizations in {countries}", len(organizations),
                    people=everyone,
                    countries=", ".join(f"{c} {n}" for c, n in countries.most_common()))
    else:
        # Translators: {people} is "48 people"
        line = _.n_("{people} from {count} organization", "{people} from {count} organizations",
                    len(organizations), people=everyone)
    lines = [line]
    if to_check:
        lines.append(_.n_("{count} person to check (no organization or e-mail)",
                             "{count} people to check (no organization or e-mail)",
                             len(to_check)))
    return Step("registrations", title, State.ATTENTION if to_check else State.DONE,
                tuple(lines), "import", _("Import more…"))


def _wishes(event: EventData, _: _Words) -> Step:
    title = _("Wishes")
    made = Counter(r.requester for r in event.requests)
    with_wishes = sum(1 for p in event.attendees if made[p.id])
    enough = sum(1 for p in event.attendees if made[p.id] >= ENOUGH_WISHES)
    musts = sum(1 for r in event.requests if r.priority == 3)
    if not event.requests:
        return Step("wishes", title, State.NEXT, (_("No wishes yet: who wants to meet whom."),),
                    "attendees", _("Enter wishes"))
    lines = [_.n_("{count} wish", "{count} wishes", len(event.requests)) + ", "
             + _.n_("{count} must-meet", "{count} must-meets", musts),
             _("{with_wishes} of {people} have wishes, {enough} at least {least}",
               with_wishes=with_wishes, enough=enough, least=ENOUGH_WISHES,
               people=_.n_("{count} person", "{count} people", len(event.attendees)))]
    if event.exclusions:
        lines.append(_.n_("{count} do-not-meet pair", "{count} do-not-meet pairs",
                             len(event.exclusions)))
    return Step("wishes", title, State.DONE if with_wishes else State.NEXT, tuple(lines),
                "attendees", _("See wishes"))


def _schedule(event: EventData, figures: ScheduleFigures | None, _: _Words) -> Step:
    title = _("Schedule")
    if figures is None:
        return Step("schedule", title, State.NEXT if event.attendees else State.LATER,
                    (_("No schedule yet."),), "schedule", _("Make schedule"))
    met = len(event.requests) - len(figures.unmet)
    lines = [_.n_("{count} meeting", "{count} meetings", figures.meetings) + "; "
             + _("{met} of {wishes} met", met=met,
                 wishes=_.n_("{count} wish", "{count} wishes", len(event.requests))),
             must_meets_line(figures.must_met, figures.must_total, language=_.language)]
    unmet_musts = figures.must_total - figures.must_met
    if figures.left_out:
        lines.append(_.n_("{count} person with wishes but no meeting",
                             "{count} people with wishes but no meeting", figures.left_out))
    state = State.ATTENTION if unmet_musts or figures.left_out else State.DONE
    return Step("schedule", title, state, tuple(lines), "schedule_page",
                _("See the schedule"))


def _printed(event: EventData, desk: DeskRecord, _: _Words) -> Step:
    title = _("Printouts")
    if not event.meetings:
        return Step("printed", title, State.LATER,
                    (_("Nothing to print before the schedule."),), "print", _("Print…"))
    agendas = agenda_pages(event)
    cards = table_cards(event, "en")
    stale_agendas = changed_since_printed(agendas, desk.printed.get(AGENDA, {}))
    stale_cards = changed_since_printed(cards, desk.printed.get(TABLE, {}))
    never = not desk.printed.get(AGENDA) and not desk.printed.get(TABLE)
    agendas_text = _.n_("{count} agenda", "{count} agendas", len(agendas))
    cards_text = _.n_("{count} table card", "{count} table cards", len(cards))
    if never:
        return Step("printed", title, State.NEXT,
                    (_("Not printed yet: {agendas}, {cards}.", agendas=agendas_text,
                       cards=cards_text),), "print", _("Print…"))
    lines = [_("{stale} of {agendas} out of date", stale=len(stale_agendas),
               agendas=agendas_text),
             _("{stale} of {cards} out of date", stale=len(stale_cards), cards=cards_text)]
    state = State.ATTENTION if stale_agendas or stale_cards else State.DONE
    return Step("printed", title, state, tuple(lines), "reprint", _("Reprint what changed"))


def _event_day(event: EventData, desk: DeskRecord, _: _Words) -> Step:
    title = _("Event day")
    if not event.meetings:
        return Step("event_day", title, State.LATER, (_("After the schedule."),),
                    "event_day_page", _("Event day"))
    arrived = sum(1 for p in event.attendees if p.id in desk.arrivals)
    everyone = _.n_("{count} person", "{count} people", len(event.attendees))
    if not arrived:
        return Step("event_day", title, State.NEXT,
                    (_("Nobody checked in yet (of {everyone}).", everyone=everyone),),
                    "event_day_page", _("Check in"))
    return Step("event_day", title, State.DONE,
                (_("{arrived} of {everyone} checked in", arrived=arrived, everyone=everyone),),
                "event_day_page", _("Event day"))
