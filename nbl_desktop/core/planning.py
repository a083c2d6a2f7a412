"""The use-case layer shared by the CLI and the GUI: event → problem → schedule → event.

Only plain values cross from here to the solver and back, so the GUI can run
the solve on a worker thread and store its result on the GUI thread.
"""

from __future__ import annotations

from collections import Counter

from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import AttendeeRecord, EventData, MeetingRecord
from nbl_desktop.core.i18n import N_, _, catalog, counted, n_
from nbl_desktop.core.locale_formats import number_text, percent_text
from nbl_desktop.core.parties import parties_of
from nbl_desktop.core.reason_words import stop_reason_text, unmet_reason_text
from nbl_desktop.core.slot_grid import available_slots, slot_times
from solver import (
    Attendee,
    Exclusion,
    LockedMeeting,
    Problem,
    Request,
    Slot,
    SolveResult,
    Table,
)
from solver.options import Compactness


def problem_from_event(event: EventData) -> Problem:
    """The solver's view of the event: one solver attendee per party (`parties`).

    A delegation's party sits where all its members are available, meets at
    most as often as its most limited member, fills the seats of all its
    members, and carries every member's wishes (the highest priority when
    colleagues asked for the same party). Locked meetings stay where they are.
    UserError when a fixed table is not one of the event's tables.
    """
    slots = slot_times(event.settings)
    everywhere = frozenset(range(len(slots)))
    parties = parties_of(event.attendees)
    table_index = {label: i for i, label in enumerate(event.settings.table_labels)}
    attendees = []
    for lead, member_ids in parties.members.items():
        members = [event.attendee(m) for m in member_ids]
        available = everywhere.intersection(*(available_slots(m, slots) for m in members))
        limits = [m.max_meetings for m in members if m.max_meetings is not None]
        attendees.append(Attendee(
            id=lead,
            available_slots=None if available == everywhere else available,
            max_meetings=min(limits) if limits else None,
            party_size=sum(m.party_size for m in members),
            fixed_table=_fixed_table(members, table_index),
        ))
    wishes: dict[tuple[str, str], int] = {}
    for r in event.requests:
        key = (parties.lead_of[r.requester], parties.lead_of[r.requested])
        if key[0] != key[1]:
            wishes[key] = max(r.priority, wishes.get(key, 0))
    apart = {tuple(sorted((parties.lead_of[e.a], parties.lead_of[e.b])))
             for e in event.exclusions}
    return Problem(
        slots=tuple(Slot(s.start, s.end, s.day_name) for s in slots),
        tables=tuple(Table(label, seats=event.settings.seats_of(t),
                           available_slots=_open_slots(event.settings.closed_from(t)))
                     for t, label in enumerate(event.settings.table_labels)),
        attendees=tuple(attendees),
        requests=tuple(Request(a, b, priority) for (a, b), priority in wishes.items()),
        exclusions=tuple(Exclusion(a, b) for a, b in sorted(apart) if a != b),
        locked=tuple(LockedMeeting(m.slot, m.table, parties.lead_of[m.a], parties.lead_of[m.b])
                     for m in event.meetings if m.locked),
    )


def _open_slots(closed_from: int | None) -> frozenset[int] | None:
    return None if closed_from is None else frozenset(range(closed_from))


def _fixed_table(members: list[AttendeeRecord], table_index: dict[str, int]) -> int | None:
    for member in members:
        label = member.fixed_table.strip()
        if not label:
            continue
        if label not in table_index:
            # Translators: {examples} lists up to three of the event's table labels
            raise UserError(n_(
                "{name} ({id}) has the fixed table {label}, which is not one of the event's "
                "{count} tables; write one of their labels (such as {examples}) or clear the "
                "fixed table",
                "{name} ({id}) has the fixed table {label}, which is not one of the event's "
                "{count} tables; write one of their labels (such as {examples}) or clear the "
                "fixed table", len(table_index)).format(
                name=member.name, id=member.id, label=repr(label), count=len(table_index),
                examples=", ".join(list(table_index)[:3])))
        return table_index[label]
    return None


def meetings_from_result(result: SolveResult) -> list[MeetingRecord]:
    return [MeetingRecord(m.slot, m.table, m.a, m.b, m.locked) for m in result.meetings]


def gaps_wording(measure: Compactness) -> str:
    """What the compactness figure counts, in the organizer's words (after its number)."""
    # Translators: shown after a number: "4 breaks (runs of idle slots)", "4 idle slots"
    return _("breaks (runs of idle slots)") if measure is Compactness.BREAKS else _("idle slots")


def must_meets_line(met: int, asked: int, possible: int | None = None,
                    language: str | None = None) -> str:
    """The one wording of must-meets in the window, the overview and the command line:
    met of how many were asked, and (after a solve) how many could be met at most; in
    `language` (None: the current one)."""
    translate = _ if language is None else catalog(language).gettext
    if possible is None:
        return translate(N_("must-meets met: {met} of {asked} asked")).format(
            met=met, asked=asked)
    return translate(N_("must-meets met: {met} of {asked} asked (at most {possible} possible)")
                     ).format(met=met, asked=asked, possible=possible)


def _gaps_between_meetings(count: int, measure: Compactness) -> str:
    if measure is Compactness.BREAKS:
        return counted(count, "{count} break (a run of idle slots) between meetings",
                       "{count} breaks (runs of idle slots) between meetings")
    return counted(count, "{count} idle slot between meetings",
                   "{count} idle slots between meetings")


def summary_line(result: SolveResult, problem: Problem,
                 measure: Compactness = Compactness.IDLE_SLOTS) -> str:
    """Two lines for the organizer: the figures per level with proven bounds, then why unmet.

    `measure`: what the solve counted as gaps (its options' `compactness`).
    """
    request_count = len(problem.requests)
    met = request_count - len(result.unmet_requests)
    proof = (_("proven optimal") if result.proven_optimal
             # Translators: {share} is a percentage as the language writes it, "98,5 %"
             else _("{share} of bound").format(share=percent_text(1 - result.gap, 1)))
    # Translators: {meetings} is "164 meetings", {wishes_met} "178 of 238 wishes met",
    # {proof} "proven optimal" or "98.5% of bound", {reason} why the solve stopped
    lines = [_("{meetings}, {wishes_met}, value {value}, proven bound {bound} ({proof}), "
               "{seconds}s, stopped: {reason}").format(
        meetings=counted(len(result.meetings), "{count} meeting", "{count} meetings"),
        wishes_met=_("{met} of {wishes} met").format(
            met=met, wishes=counted(request_count, "{count} wish", "{count} wishes")),
        value=result.value, bound=result.bound, proof=proof,
        seconds=number_text(result.wall_seconds, 1), reason=stop_reason_text(result.stop_reason))]
    if result.levels:
        must, idle = result.level("must-meets"), result.level("compactness")
        left_out = sum(1 for f in result.attendees.values()
                       if f.meetings == 0 and f.requests_made + f.requests_received)
        gaps = _gaps_between_meetings(idle.reached, measure)
        if result.break_spread_impossible:
            gaps += "; " + _("no timing of every requested meeting keeps the spread of breaks "
                             "within its limit (proven)")
        asked = sum(1 for r in problem.requests if r.priority == 3)
        lines.append(", ".join((
            must_meets_line(must.reached, asked, must.bound),
            counted(left_out, "{count} person with wishes but no meeting",
                    "{count} people with wishes but no meeting"),
            gaps)))
    if result.unmet:
        reasons = Counter(u.reason for u in result.unmet)
        # Translators: {reasons} lists the unmet wishes by reason, "the pair must never
        # meet (3); lost to table capacity or to more important meetings (2)"
        lines.append(_("unmet: {reasons}").format(reasons="; ".join(
            # Translators: why wishes are unmet, and how many: "the pair must never meet (3)"
            _("{reason} ({count})").format(count=n, reason=unmet_reason_text(reason))
            for reason, n in reasons.most_common())))
    return "\n".join(lines)
