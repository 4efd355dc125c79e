"""ISO 3166 codes and names, via pycountry.

Activities name a territory by ISO 3166-1 alpha-2 code (``BE``), ISO 3166-2
code (``DE-HE``) or by a plan territory's name ("Assia", "Hesse"). These
helpers check codes, turn names into codes, give a code's name in Italian or
English, and roll a code up into the plan territory it belongs to.
"""

from __future__ import annotations

import gettext
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relint_kpi.plan import Plan


def normalise_code(code: str) -> str:
    """Upper-case and trim a code the way ISO writes it (``de-he`` → ``DE-HE``)."""
    return code.strip().upper()


@lru_cache(maxsize=4096)
def is_valid_code(code: str) -> bool:
    """True when ``code`` is an ISO 3166-1 alpha-2 or an ISO 3166-2 code."""
    # pycountry only when a code or name is looked up: its ISO lists take a tenth of a second to load.
    import pycountry

    if len(code) == 2 and code.isalpha() and code.isupper():
        return pycountry.countries.get(alpha_2=code) is not None
    if "-" in code and code == code.upper():
        return code in _subdivisions()
    return False


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, dict]:
    """pycountry's ISO 3166-2 entries by code (``name``, and ``parent`` where it has one).

    Read from pycountry's own data file with the json module: pycountry's
    ``subdivisions`` builds an object for each of its 5,000 entries, which
    took 55 ms against 9 ms for the dict, and commands that read the actuals
    check every subdivision code they meet.
    """
    # pycountry only when a code or name is looked up (see is_valid_code).
    import pycountry

    entries = json.loads((Path(pycountry.DATABASE_DIR) / "iso3166-2.json").read_text(encoding="utf-8"))["3166-2"]
    return {entry["code"]: entry for entry in entries}


@lru_cache(maxsize=8)
def _translator(domain: str, lang: str):
    # pycountry only when a code or name is looked up: its ISO lists take a tenth of a second to load.
    import pycountry

    if lang == "en":
        return gettext.NullTranslations()
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


@lru_cache(maxsize=4096)
def iso_name(code: str, lang: str = "it") -> str:
    """The name of an ISO 3166 code in ``lang`` (pycountry's translations).

    Falls back to the English name, then to the code itself.
    """
    # pycountry only when a code or name is looked up: its ISO lists take a tenth of a second to load.
    import pycountry

    if "-" in code:
        sub = _subdivisions().get(code)
        if sub is None:
            return code
        return _translator("iso3166-2", lang).gettext(sub["name"])
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    translated = _translator("iso3166-1", lang).gettext(country.name)
    return translated if lang != "en" else name


def country_of(code: str) -> str:
    """The ISO 3166-1 country part of a code (``DE-HE`` → ``DE``)."""
    return code.split("-", 1)[0]


class TerritoryIndex:
    """Look-ups from codes and names to a plan's priority territories and groups.

    """

    def __init__(self, plan: Plan):
        self.by_code: dict[str, tuple[str, str]] = {}  # code -> (territory code, group id)
        self.by_name: dict[str, str] = {}
        self.group_of_country: dict[str, str] = {}
        for group in plan.territory_groups:
            for territory in group.territories:
                self.by_code[territory.code] = (territory.code, group.id)
                self.by_name[territory.name.it.casefold()] = territory.code
                self.by_name[territory.name.en.casefold()] = territory.code
            for country in group.countries:
                self.group_of_country[country] = group.id

    def resolve(self, text: str) -> str | None:
        """Turn a code, a plan territory's name or a country's name into a code, or None.

        Country names are pycountry's, in English or Italian ("Belgio").
        """
        by_name = self.by_name.get(text.strip().casefold())
        if by_name:
            return by_name
        code = normalise_code(text)
        # The plan's own codes were checked with the plan: no need to load pycountry for them.
        if code in self.by_code or is_valid_code(code):
            return code
        return country_by_name(text)

    def plan_territory(self, code: str) -> str | None:
        """The priority territory a code rolls up into, or None.

        A subdivision rolls up into its own entry, else into its country's
        entry (``CN-GD`` → ``CN``); a country never rolls down into one of
        its subdivisions (``DE`` is not Hesse).
        """
        if code in self.by_code:
            return code
        country = country_of(code)
        if country != code and country in self.by_code:
            return country
        return None

    def group(self, code: str) -> str | None:
        """The id of the territory group a code belongs to, or None."""
        territory = self.plan_territory(code)
        if territory is not None:
            return self.by_code[territory][1]
        return self.group_of_country.get(country_of(code))


@lru_cache(maxsize=1)
def country_spellings() -> dict[str, str]:
    """Every country's name as pycountry spells it, in English and Italian, with its ISO 3166-1 code."""
    # pycountry only when a code or name is looked up: its ISO lists take a tenth of a second to load.
    import pycountry

    names: dict[str, str] = {}
    italian = _translator("iso3166-1", "it")
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name:
                names[name] = country.alpha_2
                names[italian.gettext(name)] = country.alpha_2
    return names


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {name.casefold(): code for name, code in country_spellings().items()}


def country_by_name(text: str) -> str | None:
    """The ISO 3166-1 code of a country named in English or Italian, or None."""
    return _country_names().get(text.strip().casefold())


def _ancestors(code: str) -> list[str]:
    """The codes that contain ``code``: its parent subdivisions (pycountry), then its country."""
    chain = []
    parent = code
    while "-" in parent:
        parent = _subdivisions().get(parent, {}).get("parent") or country_of(parent)
        if parent in chain:  # a malformed parent chain cannot loop forever
            break
        chain.append(parent)
    return chain


def priority_inside(plan: Plan, code: str) -> list[str]:
    """The plan's priority territories that lie inside ``code``, in plan order.

    ``DE`` holds ``DE-HE``; ``FR-NAQ`` holds a priority ``FR-33`` (pycountry
    knows a department's region). A territory does not lie inside itself.
    """
    # Only a subdivision of code's own country can lie inside it; a country holds every one of
    # its subdivisions, so pycountry's parent chains are read only below the country level.
    same_country = [t.code for _, t in plan.all_territories() if t.code != code and "-" in t.code and country_of(t.code) == country_of(code)]
    if "-" not in code:
        return same_country
    return [inner for inner in same_country if code in _ancestors(inner)]
