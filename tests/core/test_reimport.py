"""Re-importing an updated registration file into an event that already has a schedule."""

from __future__ import annotations

from pathlib import Path

import pytest

from nbl_desktop.cli import main
from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
    ExclusionRecord,
    MeetingRecord,
    RequestRecord,
)
from nbl_desktop.core.importing.reimport import merge_import
from nbl_desktop.core.store import EventStore

SETTINGS = EventSettings("Day", start_minute=540, slot_minutes=20, slot_count=4,
                         table_labels=("1", "2"))
KARI = AttendeeRecord("kari@fisk.no", "Kari", "Fisk AS", email="kari@fisk.no", party_size=2)
OLA = AttendeeRecord("ola@nord.no", "Ola", "Nord AS", email="ola@nord.no")
ANNA = AttendeeRecord("anna@stal.se", "Anna", "Stål AB", email="anna@stal.se")
NOMAIL = AttendeeRecord("N0001", "Per Uten", "Epost AS")
CURRENT = EventData(
    SETTINGS, attendees=(KARI, OLA, ANNA, NOMAIL),
    requests=(RequestRecord(KARI.id, OLA.id, 2), RequestRecord(ANNA.id, KARI.id, 1)),
    meetings=(MeetingRecord(0, 0, KARI.id, OLA.id, locked=True),
              MeetingRecord(0, 1, ANNA.id, NOMAIL.id),
              MeetingRecord(1, 0, ANNA.id, KARI.id)),
)


def test_a_reimport_updates_adds_keeps_and_says_what_changed() -> None:
    imported = EventData(SETTINGS, attendees=(
        AttendeeRecord(KARI.id, "Kari", "Fisk Nord AS", email=KARI.id),  # new organization
        AttendeeRecord(OLA.id, "Ola", "Nord AS", email=OLA.id, available_from=560),
        AttendeeRecord("N0001", "Matti", "Oulu Oy"),  # a new person, no email, same row ID
        AttendeeRecord("N0002", "Per Uten", "Epost AS"),  # the same person as before
        ANNA,
    ), requests=(RequestRecord(KARI.id, OLA.id, 3), RequestRecord("N0001", ANNA.id, 2)),
       exclusions=(ExclusionRecord(ANNA.id, KARI.id),))
    outcome = merge_import(CURRENT, imported)
    people = {a.id: a for a in outcome.event.attendees}
    assert people[KARI.id].organization == "Fisk Nord AS"
    assert people[KARI.id].party_size == 2  # set in the app; the file has no value
    assert len(people) == 5  # nobody duplicated, nobody dropped
    matti = next(a for a in people.values() if a.name == "Matti")
    assert matti.id not in (NOMAIL.id, KARI.id)  # did not take Per's generated ID
    wishes = {(r.requester, r.requested): r.priority for r in outcome.event.requests}
    assert wishes == {(KARI.id, OLA.id): 3, (ANNA.id, KARI.id): 1, (matti.id, ANNA.id): 2}
    # Ola now comes at 09:20 and Anna must not meet Kari: only Anna and Per's meeting stays.
    assert outcome.event.meetings == (MeetingRecord(0, 1, ANNA.id, NOMAIL.id),)
    text = "\n".join(outcome.changes)
    assert "updated Kari (Fisk AS): organization Fisk AS → Fisk Nord AS" in text
    assert "updated Ola (Nord AS): available from (empty) → 09:20" in text
    assert "added Matti (Oulu Oy)" in text
    assert "Per Uten (Epost AS)" not in text.replace("Anna (Stål AB) and Per Uten", "")
    assert "wish Kari (Fisk Nord AS) → Ola (Nord AS): priority 2 → 3" in text
    assert "removed the 09:00 meeting of Kari (Fisk Nord AS) and Ola (Nord AS): Ola (Nord AS) is " \
           "not available then" in text
    assert "removed the 09:20 meeting of Anna (Stål AB) and Kari (Fisk Nord AS): they must not " \
           "meet" in text


def test_people_missing_from_the_new_file_are_kept_and_listed() -> None:
    outcome = merge_import(CURRENT, EventData(SETTINGS, attendees=(KARI, OLA)))
    assert outcome.event.attendees == CURRENT.attendees
    assert outcome.event.meetings == CURRENT.meetings
    assert [c for c in outcome.changes if c.startswith("kept")] == [
        "kept 2 people not in the new file (delete them in the app if they cancelled): "
        "Anna (Stål AB), Per Uten (Epost AS)"]


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows), encoding="utf-8")
    return path


def test_the_import_command_creates_then_merges_the_event_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    event_file = tmp_path / "day.nblevent"
    first = _csv(tmp_path / "v1.csv", ["Name,Company,Email,Want to meet",
                                       "Kari,Fisk AS,kari@fisk.no,Ola",
                                       "Ola,Nord AS,ola@nord.no,"])
    assert main(["import", str(first), "--event-file", str(event_file), "--slots", "4",
                 "--tables", "2"]) == 0
    second = _csv(tmp_path / "v2.csv", ["Name,Company,Email,Must meet",
                                        "Kari,Fisk AS,KARI@fisk.no,Ola",
                                        "Ola,Nord AS,ola@nord.no,",
                                        "Anna,Stål AB,anna@stal.se,Kari"])
    capsys.readouterr()
    assert main(["import", str(second), "--event-file", str(event_file)]) == 0
    said = capsys.readouterr().out
    assert "added Anna (Stål AB)" in said and "priority 2 → 3" in said
    store = EventStore.open(event_file, read_only=True)
    event = store.load()
    store.close()
    assert sorted(a.id for a in event.attendees) == ["anna@stal.se", "kari@fisk.no",
                                                     "ola@nord.no"]
    assert event.settings.slot_count == 4  # the event file's settings stay
    assert {(r.requester, r.requested, r.priority) for r in event.requests} == {
        ("kari@fisk.no", "ola@nord.no", 3), ("anna@stal.se", "kari@fisk.no", 3)}


def test_a_late_registration_file_may_name_people_already_in_the_event(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    event_file = tmp_path / "day.nblevent"
    first = _csv(tmp_path / "v1.csv", ["Name,Company,Email", "Kari,Fisk AS,kari@fisk.no"])
    assert main(["import", str(first), "--event-file", str(event_file)]) == 0
    late = _csv(tmp_path / "late.csv", ["Name,Company,Email,Must meet",
                                        "Nina,Ny AS,nina@ny.no,Kari (Fisk AS)"])
    capsys.readouterr()
    assert main(["import", str(late), "--event-file", str(event_file)]) == 0
    assert "NOT IMPORTED" not in capsys.readouterr().err
    store = EventStore.open(event_file, read_only=True)
    event = store.load()
    store.close()
    assert [(r.requester, r.requested, r.priority) for r in event.requests] == [
        ("nina@ny.no", "kari@fisk.no", 3)]
    assert len(event.attendees) == 2
