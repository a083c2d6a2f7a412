"""Write the bundled demo event, resources/demo/arctic-demo.xlsx (deterministic).

A Nordic brokerage day of 48 attendees from NO, SE and FI, in the canonical
registration form. Run it again only to change the demo:
    python scripts/make_demo_event.py
"""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "demo" / "arctic-demo.xlsx"

FIRST = {
    "NO": ["Ingrid", "Ola", "Kari", "Sindre", "Marte", "Eirik", "Silje", "Håkon"],
    "SE": ["Anna", "Erik", "Maja", "Lars", "Elin", "Johan", "Sofia", "Oskar"],
    "FI": ["Aino", "Mikko", "Laura", "Juha", "Emilia", "Antti", "Sanna", "Ville"],
}
LAST = {
    "NO": ["Hansen", "Johansen", "Olsen", "Berg", "Nilsen", "Eriksen"],
    "SE": ["Lindqvist", "Nilsson", "Berglund", "Öberg", "Holm", "Lundgren"],
    "FI": ["Korhonen", "Virtanen", "Mäkinen", "Heikkinen", "Laine", "Koskinen"],
}
TOWN = {"NO": ["Tromsø", "Bodø", "Alta"], "SE": ["Luleå", "Kiruna", "Piteå"],
        "FI": ["Oulu", "Rovaniemi", "Kemi"]}
SUFFIX = {"NO": "AS", "SE": "AB", "FI": "Oy"}
LANGUAGE = {"NO": "nb", "SE": "sv", "FI": "fi"}
SECTORS = ["Aquaculture", "Mining", "Tourism", "Energy", "Logistics", "Defence", "Space"]


def main() -> None:
    rng = random.Random(2027)
    workbook = Workbook()
    event = workbook.active
    event.title = "Event"
    for row in [("Key", "Value"), ("Event name", "Arctic Demo Day, Tromsø"),
                ("Date", "2027-03-10"), ("Start", "09:00"), ("Slot minutes", 20),
                ("Slots", 12), ("Breaks", "11:00-12:00"), ("Tables", 16)]:
        event.append(row)

    attendees = workbook.create_sheet("Attendees")
    attendees.append(["ID", "Name", "Organization", "Country", "Email", "Language", "Sector",
                      "Offers", "Seeks", "Available from", "Available until", "Max meetings"])
    ids = []
    for n in range(1, 49):
        country = ("NO", "SE", "FI")[n % 3]
        person = f"D{n:03d}"
        ids.append(person)
        sector, wanted = rng.sample(SECTORS, 2)
        late = rng.random() < 0.15
        attendees.append([
            person, f"{rng.choice(FIRST[country])} {rng.choice(LAST[country])}",
            f"{rng.choice(TOWN[country])} {sector} {SUFFIX[country]}", country,
            f"{person.lower()}@example.org", LANGUAGE[country], sector,
            f"{sector} services", f"{wanted} partners",
            "12:00" if late else None, None, rng.choice([None] * 8 + [4, 6]),
        ])

    requests = workbook.create_sheet("Requests")
    requests.append(["Requester ID", "Requested ID", "Priority"])
    popular = ids[:4]
    for person in ids:
        others = [p for p in ids if p != person]
        wishes = set(rng.sample(others, rng.randint(2, 6)))
        wishes |= {p for p in popular if p != person and rng.random() < 0.3}
        for other in sorted(wishes):
            requests.append([person, other, rng.choices([1, 2, 3], [5, 4, 1])[0]])

    exclusions = workbook.create_sheet("Exclusions")
    exclusions.append(["Attendee ID", "Other ID"])
    exclusions.append([ids[5], ids[17]])
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(TARGET)
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
