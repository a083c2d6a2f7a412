"""Partner suggestions: across languages, mutual fit first, borders as the programme wants,
never the same organization, a do-not-meet pair, a declined pair or an existing wish; the
reason names the trade. The texts are our own wordings, not the benchmark's."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
    ExclusionRecord,
    RequestRecord,
)
from nbl_desktop.core.i18n import use_language
from nbl_desktop.core.partner_search.event_search import suggest_for_event
from nbl_desktop.core.partner_search.suggestions import (
    CrossBorder,
    Profile,
    SearchSettings,
    suggest,
    why,
)
from nbl_desktop.core.partner_search.vocabulary import shipped_vocabulary

WELDING_SEEKER_FI = Profile("FI1", "Pohjolan Konepaja Oy", "FI", "Tarjoamme CNC-koneistusta",
                            "Tarvitsemme hitsauspalveluja terästöihin")
WELDING_SHOP_NO = Profile("NO1", "Nord Sveis AS", "NO",
                          "Sveiseverksted, vi lager stålkonstruksjoner for industri",
                          "Vi trenger maskinering av deler")
WIND_SV = Profile("SE1", "Fjällvind AB", "SE", "Vi bygger och underhåller vindkraftverk",
                  "Söker lager och godstransport")
WIND_SEEKER_FI = Profile("FI2", "Tunturienergia Oy", "FI", "Kuljetus- ja varastopalvelut",
                         "tuulivoimaloiden huolto ja asennus")
STAFF_SEEKER_EN = Profile("GB1", "Arctic Lodges Ltd", "GB", "Hotel rooms for business groups",
                          "Recruitment agency for seasonal staff")
STAFFING_NO = Profile("NO2", "Bemanning Nord AS", "NO", "Bemanningsbyrå som leier ut personell",
                      "Vi ser etter overnatting til ansatte")


def suggested(found: dict[str, list[object]], who: str) -> list[str]:
    return [s.suggested_id for s in found.get(who, [])]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("a", "b"), [(WELDING_SEEKER_FI, WELDING_SHOP_NO),  # fi ↔ nb
                                      (WIND_SEEKER_FI, WIND_SV),  # fi ↔ sv
                                      (STAFF_SEEKER_EN, STAFFING_NO)])  # en ↔ nb
def test_partners_are_found_across_languages(a: Profile, b: Profile) -> None:
    found = suggest([a, b])
    assert suggested(found, a.id) == [b.id]
    assert suggested(found, b.id) == [a.id]


def test_mutual_fit_ranks_above_one_way_fit() -> None:
    one_way = Profile("NO3", "Stål og Sveis AS", "NO", "Sveising og stålkonstruksjoner", "")
    found = suggest([WELDING_SEEKER_FI, one_way, WELDING_SHOP_NO])
    # Nord Sveis also seeks the machining Pohjolan Konepaja offers: both ways.
    assert suggested(found, "FI1") == ["NO1", "NO3"]
    first, second = found["FI1"]
    assert first.they_offer == second.they_offer == ("welding_steel",)
    assert first.they_seek and not second.they_seek


def test_across_a_border_ranks_first_by_default_and_only_when_asked() -> None:
    at_home = Profile("FI3", "Oulun Hitsaus Oy", "FI", "Hitsaus ja teräsrakenteet", "")
    abroad = Profile("SE2", "Norrsvets AB", "SE", "Svetsning av stålkonstruktioner", "")
    people = [WELDING_SEEKER_FI, at_home, abroad]
    assert suggested(suggest(people), "FI1") == ["SE2", "FI3"]
    assert suggested(suggest(people, SearchSettings(cross_border=CrossBorder.ONLY)),
                     "FI1") == ["SE2"]
    neutral = suggest(people, SearchSettings(cross_border=CrossBorder.ANY))
    assert sorted(suggested(neutral, "FI1")) == ["FI3", "SE2"]
    assert neutral["FI1"][0].score == neutral["FI1"][1].score


def test_never_the_same_organization_a_do_not_meet_pair_a_decline_or_a_wish() -> None:
    colleague = replace(WELDING_SHOP_NO, id="FI9", organization="pohjolan konepaja oy ")
    other_shop = replace(WELDING_SHOP_NO, id="SE3", organization="Norrsvets AB", country="SE")
    third_shop = replace(WELDING_SHOP_NO, id="SE4", organization="Luleå Svets AB",
                         country="SE")
    found = suggest([WELDING_SEEKER_FI, colleague, WELDING_SHOP_NO, other_shop, third_shop],
                    never=[frozenset(("FI1", "NO1")), frozenset(("SE3", "FI1"))],
                    already=[("FI1", "SE4")])
    assert suggested(found, "FI1") == []


def test_per_attendee_limits_the_list_and_ranks_count_from_one() -> None:
    shops = [Profile(f"S{i}", f"Svets {i} AB", "SE", "Svetsning", "") for i in range(8)]
    found = suggest([WELDING_SEEKER_FI, *shops], SearchSettings(per_attendee=3))
    assert [s.rank for s in found["FI1"]] == [1, 2, 3]


def test_the_reason_names_the_trade_in_the_window_language() -> None:
    found = suggest([WELDING_SEEKER_FI, WELDING_SHOP_NO])
    suggestion = found["FI1"][0]
    said = why(suggestion, WELDING_SEEKER_FI, WELDING_SHOP_NO)
    welding = shipped_vocabulary().trades["welding_steel"].label("en")
    assert f"Nord Sveis AS offers {welding}, which Pohjolan Konepaja Oy seeks" in said
    assert "cross-border (FI–NO)" in said
    use_language("fi")
    assert shipped_vocabulary().trades["welding_steel"].label("fi") in why(
        suggestion, WELDING_SEEKER_FI, WELDING_SHOP_NO)


def test_a_directory_company_is_suggested_with_whom_to_invit_it_through() -> None:
    listed = replace(WELDING_SHOP_NO, registered=False, invite_via="Kunnskapsparken Bodø")
    found = suggest([WELDING_SEEKER_FI, listed])
    assert suggested(found, "FI1") == ["NO1"]
    assert "NO1" not in found  # a company not registered gets no suggestions of its own
    assert "invite via Kunnskapsparken Bodø" in why(found["FI1"][0], WELDING_SEEKER_FI, listed)


def test_nace_codes_in_the_sector_column_name_what_a_company_offers() -> None:
    coded = Profile("NO4", "Kode AS", "NO", "", "", codes="NACE 25.110")
    found = suggest([WELDING_SEEKER_FI, coded])
    assert suggested(found, "FI1") == ["NO4"]
    assert shipped_vocabulary().trades_in("We have 25 employees") == frozenset()


def test_an_event_search_respects_its_wishes_and_do_not_meet_pairs() -> None:
    def person(p: Profile) -> AttendeeRecord:
        return AttendeeRecord(p.id, f"Contact {p.id}", p.organization, p.country,
                              offers=p.offers, seeks=p.seeks)

    event = EventData(EventSettings(name="Partner day"),
                      attendees=tuple(person(p) for p in (WELDING_SEEKER_FI, WELDING_SHOP_NO,
                                                          WIND_SV, WIND_SEEKER_FI)))
    found = suggest_for_event(event)
    assert suggested(found, "FI1") == ["NO1"] and suggested(found, "FI2") == ["SE1"]
    wished = replace(event, requests=(RequestRecord("NO1", "FI1", 2),),
                     exclusions=(ExclusionRecord("FI2", "SE1"),))
    found = suggest_for_event(wished)
    assert suggested(found, "FI1") == [] and suggested(found, "FI2") == []


TEXTS = st.sampled_from([WELDING_SEEKER_FI, WELDING_SHOP_NO, WIND_SV, WIND_SEEKER_FI,
                         STAFF_SEEKER_EN, STAFFING_NO])


@given(st.lists(st.tuples(TEXTS, st.sampled_from(["NO", "SE", "FI"]),
                          st.sampled_from(["A", "B", "C"])), min_size=2, max_size=12),
       st.sampled_from(list(CrossBorder)))
def test_every_suggestion_holds_the_rules(people: list[tuple[Profile, str, str]],
                                          border: CrossBorder) -> None:
    profiles = [replace(p, id=f"P{i}", country=country, organization=organization)
                for i, (p, country, organization) in enumerate(people)]
    by_id = {p.id: p for p in profiles}
    found = suggest(profiles, SearchSettings(per_attendee=4, cross_border=border))
    for a, suggestions in found.items():
        assert len(suggestions) <= 4
        scores = [s.score for s in suggestions]
        assert scores == sorted(scores, reverse=True)
        for s in suggestions:
            b = by_id[s.suggested_id]
            assert b.id != a and b.organization != by_id[a].organization
            assert s.they_offer or s.they_seek
            if border is CrossBorder.ONLY:
                assert b.country != by_id[a].country
