"""Registration files in the shapes form tools really export, each read without a question.

The same four people and their wishes, exported by Microsoft Forms, Google
Forms (the linked sheet as .xlsx, and "Download responses" as .csv),
Nettskjema, Webropol, SurveyMonkey, Questback, Typeform and Jotform: each
tool's own columns, its way of writing several choices, its grids, its
header rows and its times, as their documentation and public exports show
them. Every person, wish, priority and time must come out right, the tool's
metadata must be named as such and never taken for a person's data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from nbl_desktop.core.event import EventSettings
from nbl_desktop.core.importing.reader import RegistrationImport, import_registrations

SETTINGS = EventSettings(name="Barents B2B", start_minute=9 * 60, slot_count=15,
                         table_labels=("1", "2", "3"))

KARI, SVEN, TUOMAS, ANNA = "kari@fisk.no", "sven@polar.se", "tuomas@oulu.fi", "anna@stal.se"
PEOPLE = {  # email: (name, organization, country, from, until)
    KARI: ("Kari Nordmann", "Fisk AS", "NO", 10 * 60 + 20, None),
    SVEN: ("Sven Svensson", "Polar Logistics AB", "SE", None, 14 * 60),
    TUOMAS: ("Tuomas Virtanen", "Oulu Tech Oy", "FI", 9 * 60 + 40, 15 * 60),
    ANNA: ("Anna Berg", "Luleå Stål AB", "SE", None, None),
}
WISHES = {(KARI, SVEN, 3), (KARI, TUOMAS, 2), (SVEN, KARI, 2), (SVEN, ANNA, 1),
          (TUOMAS, KARI, 3), (ANNA, TUOMAS, 2), (ANNA, KARI, 1)}
NOT_MEETING = {(ANNA, TUOMAS)}
# Who each person names, per priority (3 must, 2 want, 1 could, 0 do not meet).
NAMED = {email: {p: [PEOPLE[other][1] for r, other, q in sorted(WISHES) if r == email and q == p]
                 for p in (3, 2, 1)} for email in PEOPLE}
NAMED[TUOMAS][0] = ["Luleå Stål AB"]
for _email in (KARI, SVEN, ANNA):
    NAMED[_email][0] = []
ORGANIZATIONS = [p[1] for p in PEOPLE.values()]
COUNTRY_WORDS = {"NO": "Norge", "SE": "Sverige", "FI": "Suomi"}


def clock_text(minutes: int | None, style: str) -> str:
    """A time as a form's respondent writes it."""
    if minutes is None:
        return ""
    hours, rest = divmod(minutes, 60)
    return {"nordic": f"{hours}.{rest:02d}", "kl": f"kl. {hours}.{rest:02d}",
            "klo": f"klo {hours}.{rest:02d}", "iso": f"{hours:02d}:{rest:02d}",
            "seconds": f"{hours:02d}:{rest:02d}:00",
            "ampm": f"{(hours - 1) % 12 + 1}:{rest:02d} {'PM' if hours >= 12 else 'AM'}",
            "ampm-seconds": f"{(hours - 1) % 12 + 1}:{rest:02d}:00 "
                            f"{'PM' if hours >= 12 else 'AM'}"}[style]


def grid_answers(email: str, answer: dict[int, str], unchosen: dict[str, str]) -> list[str]:
    """A priority grid's row: per company, the answer for the priority `email` named it at,
    else what the form writes for no choice ("" unless `unchosen` says)."""
    row = []
    for other in ORGANIZATIONS:
        chosen = [answer[p] for p in (3, 2, 1, 0) if other in NAMED[email][p]]
        row.append(chosen[0] if chosen else unchosen.get(other, ""))
    return row


def write_xlsx(path: Path, rows: list[list[Any]], title: str = "Sheet1") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list[Any]], delimiter: str, encoding: str,
              quote_all: bool = False) -> Path:
    def cell(value: Any) -> str:
        text = "" if value is None else str(value)
        if quote_all or any(c in text for c in (delimiter, "\n", '"')):
            return '"' + text.replace('"', '""') + '"'
        return text
    path.write_bytes("\r\n".join(delimiter.join(cell(v) for v in row)
                                 for row in rows).encode(encoding))
    return path


def assert_read_right(imported: RegistrationImport, metadata: set[str]) -> None:
    """Every person, time, wish and do-not-meet pair as registered; no error, no question;
    the tool's own columns named as metadata."""
    report = imported.report
    assert not report.errors, [str(e) for e in report.errors]
    assert not report.questions, [str(q) for q in report.questions]
    people = {a.email: a for a in imported.event.attendees}
    assert set(people) == set(PEOPLE)
    for email, (name, organization, country, start, end) in PEOPLE.items():
        record = people[email]
        assert (record.name, record.organization, record.country) == (
            name, organization, country), email
        assert (record.available_from, record.available_until) == (start, end), email
    by_id = {a.id: a.email for a in imported.event.attendees}
    assert {(by_id[r.requester], by_id[r.requested], r.priority)
            for r in imported.event.requests} == WISHES
    assert {tuple(sorted((by_id[e.a], by_id[e.b]))) for e in imported.event.exclusions} == {
        tuple(sorted(pair)) for pair in NOT_MEETING}
    assert not report.skipped, [str(e) for e in report.skipped]
    columns = [c for sheet in report.columns.values() for c in sheet]
    assert {c.header for c in columns if c.metadata} == metadata


def microsoft_forms(tmp_path: Path) -> tuple[Path, set[str]]:
    """Microsoft Forms, Norwegian account: its own six columns first (Email 'anonymous' and
    an empty Name for outside respondents), answers as text, several choices joined by ';'
    with a trailing ';'. Forms has no time question: times are typed."""
    header = ["ID", "Starttidspunkt", "Fullføringstidspunkt", "E-postadresse", "Navn",
              "Tidspunkt for siste endring", "Fullt navn", "Bedrift", "E-post", "Land",
              "Når ankommer du?", "Må gå kl.", "Hvilke bedrifter må du møte?",
              "Hvilke bedrifter ønsker du å møte?", "Kan møte, om det blir tid",
              "Hvilke bedrifter ønsker du ikke å møte?"]
    rows: list[list[Any]] = [header]
    for number, (email, (name, organization, country, start, end)) in enumerate(
            PEOPLE.items(), start=1):
        began = dt.datetime(2027, 2, 1, 9, 0) + dt.timedelta(hours=number)
        rows.append([number, began, began + dt.timedelta(minutes=4), "anonymous", "",
                     began + dt.timedelta(minutes=5), name, organization, email,
                     COUNTRY_WORDS[country], clock_text(start, "kl"), clock_text(end, "kl"),
                     *("".join(f"{o};" for o in NAMED[email][p]) for p in (3, 2, 1, 0))])
    metadata = {"ID", "Starttidspunkt", "Fullføringstidspunkt", "E-postadresse", "Navn",
                "Tidspunkt for siste endring"}
    return write_xlsx(tmp_path / "Påmelding B2B(1-4).xlsx", rows), metadata


def google_sheet(tmp_path: Path) -> tuple[Path, set[str]]:
    """The Google Forms response sheet downloaded as .xlsx (Norwegian): a timestamp cell, the
    collected email, time cells, and a multiple-choice grid: one column per company,
    'Question [Company]', holding the answer chosen."""
    answer = {3: "Må møte", 2: "Ønsker å møte", 1: "Kan møte", 0: "Ønsker ikke å møte"}
    header = ["Tidsmerke", "E-postadresse", "Navn", "Organisasjon", "Land", "Ankomsttid",
              "Avreisetid", *(f"Hvem ønsker du å møte? [{o}]" for o in ORGANIZATIONS),
              "Kommentar"]
    rows: list[list[Any]] = [header]
    for number, (email, (name, organization, country, start, end)) in enumerate(
            PEOPLE.items(), start=1):
        grid = grid_answers(email, answer, {o: "" if o == organization else
                                            "Ikke interessert" for o in ORGANIZATIONS})
        rows.append([dt.datetime(2027, 2, 1, 8, number), email, name, organization,
                     COUNTRY_WORDS[country],
                     None if start is None else dt.time(*divmod(start, 60)),
                     None if end is None else dt.time(*divmod(end, 60)), *grid,
                     "Vegetar" if number == 2 else ""])
    return write_xlsx(tmp_path / "B2B-dagen (Svar).xlsx", rows, "Skjemasvar 1"), {"Tidsmerke"}


def google_csv(tmp_path: Path) -> tuple[Path, set[str]]:
    """Google Forms' "Download responses (.csv)": every field quoted, the timestamp as
    '2026/11/29 1:22:09 PM CET', checkboxes joined by ';', time answers as '2:00:00 PM'."""
    header = ["Timestamp", "Email Address", "Full name", "Company", "Country",
              "What time do you arrive?", "Departure time", "Must meet", "Want to meet",
              "Could meet if time allows", "Do not want to meet"]
    rows: list[list[Any]] = [header]
    for number, (email, (name, organization, country, start, end)) in enumerate(
            PEOPLE.items(), start=1):
        rows.append([f"2026/11/29 {number}:22:09 PM CET", email, name, organization,
                     {"NO": "Norway", "SE": "Sweden", "FI": "Finland"}[country],
                     clock_text(start, "ampm-seconds"), clock_text(end, "ampm-seconds"),
                     *(";".join(NAMED[email][p]) for p in (3, 2, 1, 0))])
    path = write_csv(tmp_path / "B2B day.csv", rows, ",", "utf-8", quote_all=True)
    return path, {"Timestamp"}


def nettskjema(tmp_path: Path) -> tuple[Path, set[str]]:
    """Nettskjema's CSV: ';', every field quoted, its own '$' columns, whole numbers as
    '6.0', headers that keep HTML entities, and checkboxes as 'Question.Option' columns
    of 1 and 0."""
    header = ["$submission_id", "$created", "Navn", "Bedrift", "E-post", "Land",
              "Tilstede fra", "Tilstede til", "Maks antall møter",
              "Hvilke bedrifter &#39;må&#39; du møte?",
              *(f"Ønsker å møte.{o}" for o in ORGANIZATIONS), "Kan møte",
              "Vil ikke møte", "$answer_time_ms"]
    rows: list[list[Any]] = [header]
    for number, (email, (name, organization, country, start, end)) in enumerate(
            PEOPLE.items(), start=1):
        ticks = ["1" if o in NAMED[email][2] else "0" for o in ORGANIZATIONS]
        rows.append([str(27685290 + number), f"2027-02-0{number}T20:57:15+01:00", name,
                     organization, email, COUNTRY_WORDS[country], clock_text(start, "nordic"),
                     clock_text(end, "nordic"), "6.0", "; ".join(NAMED[email][3]), *ticks,
                     "; ".join(NAMED[email][1]), "; ".join(NAMED[email][0]), "74630"])
    path = write_csv(tmp_path / "data-123823-2027-02-05-2249.txt", rows, ";", "utf-8-sig",
                     quote_all=True)
    return path, {"$submission_id", "$created", "$answer_time_ms"}


def webropol(tmp_path: Path) -> tuple[Path, set[str]]:
    """Webropol (Finnish): ';' and Windows-1252, 'Vastausaika' first with day-first dates,
    sub-fields and options as 'Question:Option' (no space), options ticked with 1."""
    header = ["Vastausaika", "Yhteystiedot:Etunimi", "Yhteystiedot:Sukunimi", "Yritys",
              "Sähköposti", "Maa", "Saapumisaika", "Lähtöaika",
              "Yritykset, jotka haluan ehdottomasti tavata",
              *(f"Haluan tavata:{o}" for o in ORGANIZATIONS), "Voisin tavata",
              "En halua tavata", "Osallistujien määrä", "Kommentti"]
    rows: list[list[Any]] = [header]
    for number, (email, (name, organization, country, start, end)) in enumerate(
            PEOPLE.items(), start=1):
        first, last = name.split(" ", 1)
        ticks = ["1" if o in NAMED[email][2] else "" for o in ORGANIZATIONS]
        rows.append([f"0{number}.02.2027", first, last, organization, email,
                     COUNTRY_WORDS[country], clock_text(start, "klo"),
                     clock_text(end, "klo"), ", ".join(NAMED[email][3]), *ticks,
                     ", ".join(NAMED[email][1]), ", ".join(NAMED[email][0]), "1.0",
                     "Tulen junalla" if number == 3 else ""])
    return write_csv(tmp_path / "B2B_Perusraportti.csv", rows, ";", "cp1252"), {"Vastausaika"}


def surveymonkey(tmp_path: Path) -> tuple[Path, set[str]]:
    """SurveyMonkey's expanded export: its nine columns, then each question written once over
    its first column with the options (or 'Response') in a second header row; a ticked
    checkbox holds its option's label."""
    own = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
           "Email Address", "First Name", "Last Name", "Custom Data 1"]
    questions = [("Contact information", ["Name", "Company", "Email Address", "Country"]),
                 ("When will you arrive?", ["Response"]),
                 ("When must you leave?", ["Response"]),
                 ("Which companies do you want to meet?", ORGANIZATIONS),
                 ("Which companies must you meet?", ["Open-Ended Response"]),
                 ("Which companies could you meet?", ["Open-Ended Response"]),
                 ("Which companies do you not want to meet?", ["Open-Ended Response"])]
    first = own + [cell for question, options in questions
                   for cell in [question] + [""] * (len(options) - 1)]
    second = [""] * len(own) + [o for _, options in questions for o in options]
    rows: list[list[Any]] = [first, second]
    for number, (email, (name, organization, country, start, end)) in enumerate(
            PEOPLE.items(), start=1):
        ticks = [o if o in NAMED[email][2] else "" for o in ORGANIZATIONS]
        rows.append([11804521990 + number, 432109876, f"02/0{number}/2027 10:02:30 AM",
                     f"02/0{number}/2027 10:05:41 AM", f"85.19.1.{number}", "", "", "", "",
                     name, organization, email, COUNTRY_WORDS[country],
                     clock_text(start, "ampm"), clock_text(end, "ampm"), *ticks,
                     ", ".join(NAMED[email][3]), ", ".join(NAMED[email][1]),
                     ", ".join(NAMED[email][0])])
    metadata = set(own)  # with the account columns: the questions ask for name and email
    return write_xlsx(tmp_path / "Data_All_270205.xlsx", rows), metadata


def questback(tmp_path: Path) -> tuple[Path, set[str]]:
    """A Questback report: a title and a blank row above the header, numbered questions,
    options as 'Question - Option' marked 'Valgt', names joined by ', '."""
    header = ["Respondent", "Svardato", "1. Fornavn", "2. Etternavn", "3. Bedrift",
              "4. E-postadresse", "5. Land", "6. Tilstede fra kl.", "7. Tilstede til kl.",
              "8. Må møte", *(f"9. Ønsker å møte - {o}" for o in ORGANIZATIONS),
              "10. Kan møte", "11. Ønsker ikke å møte"]
    rows: list[list[Any]] = [["Questback – svar: B2B-dagen 2027"], [], header]
    for number, (email, (name, organization, country, start, end)) in enumerate(
            PEOPLE.items(), start=1):
        first, last = name.split(" ", 1)
        ticks = ["Valgt" if o in NAMED[email][2] else "" for o in ORGANIZATIONS]
        rows.append([number, f"0{number}.02.2027 12:00", first, last, organization, email,
                     COUNTRY_WORDS[country], clock_text(start, "iso"), clock_text(end, "iso"),
                     ", ".join(NAMED[email][3]), *ticks, ", ".join(NAMED[email][1]),
                     ", ".join(NAMED[email][0])])
    return write_xlsx(tmp_path / "questback.xlsx", rows), {"Respondent", "Svardato"}


def typeform(tmp_path: Path) -> tuple[Path, set[str]]:
    """Typeform: '#' (a token) first, its dates and network ID last, several choices joined
    by ',' without a space."""
    header = ["#", "What's your name?", "Which company do you represent?", "Email",
              "Country", "Arrival time", "Departure time", "Who must you meet?",
              "Who would you like to meet?", "Who could you meet?",
              "Who do you not want to meet?", "Start Date (UTC)", "Submit Date (UTC)",
              "Network ID"]
    rows: list[list[Any]] = [header]
    for number, (email, (name, organization, country, start, end)) in enumerate(
            PEOPLE.items(), start=1):
        rows.append([f"boxnnaoy48qg29omnmboxinvofym0cf{number}", name, organization, email,
                     COUNTRY_WORDS[country], clock_text(start, "iso"), clock_text(end, "iso"),
                     *(",".join(NAMED[email][p]) for p in (3, 2, 1, 0)),
                     f"2027-02-0{number} 02:39:31", f"2027-02-0{number} 02:44:10",
                     f"653e97aca{number}"])
    metadata = {"#", "Start Date (UTC)", "Submit Date (UTC)", "Network ID"}
    return write_csv(tmp_path / "responses.csv", rows, ",", "utf-8"), metadata


def jotform(tmp_path: Path) -> tuple[Path, set[str]]:
    """Jotform: 'Submission Date' first, several choices in one cell on separate lines, a
    grid as 'Question >> Row'."""
    header = ["Submission Date", "Name", "Company", "E-mail", "Country", "Arrival",
              "Departure", *(f"Meeting wishes >> {o}" for o in ORGANIZATIONS),
              "Submission ID"]
    answer = {3: "Must meet", 2: "Want to meet", 1: "Could meet", 0: "Do not meet"}
    rows: list[list[Any]] = [header]
    for number, (email, (name, organization, country, start, end)) in enumerate(
            PEOPLE.items(), start=1):
        grid = grid_answers(email, answer, {})
        rows.append([f"Feb 0{number}, 2027", name, organization, email, COUNTRY_WORDS[country],
                     clock_text(start, "iso"), clock_text(end, "iso"), *grid,
                     f"58612345678901234{number}"])
    return write_xlsx(tmp_path / "jotform.xlsx", rows), {"Submission Date", "Submission ID"}


EXPORTS: dict[str, Callable[[Path], tuple[Path, set[str]]]] = {
    "Microsoft Forms": microsoft_forms, "Google Forms sheet": google_sheet,
    "Google Forms csv": google_csv, "Nettskjema": nettskjema, "Webropol": webropol,
    "SurveyMonkey": surveymonkey, "Questback": questback, "Typeform": typeform,
    "Jotform": jotform,
}


@pytest.mark.parametrize("tool", list(EXPORTS))
def test_every_form_tool_export_is_read_without_a_question(tmp_path: Path, tool: str) -> None:
    path, metadata = EXPORTS[tool](tmp_path)
    assert_read_right(import_registrations([path], SETTINGS), metadata)


def test_microsoft_forms_account_columns_are_used_when_no_question_asks(
        tmp_path: Path) -> None:
    """Inside an organization, Forms records the respondent's name and email itself; with no
    question asking for them, those columns are the people's."""
    rows = [["ID", "Start time", "Completion time", "Email", "Name", "Company"],
            [1, dt.datetime(2027, 2, 1, 9), dt.datetime(2027, 2, 1, 9, 5), KARI,
             "Kari Nordmann", "Fisk AS"],
            [2, dt.datetime(2027, 2, 1, 10), dt.datetime(2027, 2, 1, 10, 5), SVEN,
             "Sven Svensson", "Polar Logistics AB"]]
    imported = import_registrations([write_xlsx(tmp_path / "forms.xlsx", rows)], SETTINGS)
    assert [(a.id, a.name, a.organization) for a in imported.event.attendees] == [
        (KARI, "Kari Nordmann", "Fisk AS"), (SVEN, "Sven Svensson", "Polar Logistics AB")]


def test_the_report_says_which_tool_and_how_each_column_was_read(tmp_path: Path) -> None:
    path, _ = microsoft_forms(tmp_path)
    report = import_registrations([path], SETTINGS).report
    [(sheet, how)] = report.sheets.items()
    assert "exported by Microsoft Forms" in how
    texts = [c.text for c in report.columns[sheet]]
    assert "column D 'E-postadresse' → form metadata (Microsoft Forms: the respondent's " \
        "account; column I 'E-post' is read)" in texts
    assert "column K 'Når ankommer du?' → Available from" in texts
