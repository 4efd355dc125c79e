"""IATI 2.03 XML from an :class:`~relint_kpi.iati.IatiExport`, checked against the official schema.

:func:`render_iati` writes the ``iati-activities`` document and refuses to
hand out one that the official IATI 2.03 activity schema (shipped in
``relint_kpi/schemas/iati_2_03``, CC BY 4.0, IATI Standard) or the
standard's own rules (:func:`relint_kpi.iati.check_iati`) reject. Optional
values that relint does not have are left out, never written as empty
elements. Elements follow the schema's order.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from lxml import etree

from relint_kpi.i18n import t
from relint_kpi.iati import IATI_VERSION, Activity, Figure, IatiExport, Indicator, check_iati
from relint_kpi.issues import UsageError
from relint_kpi.plan import LANGS, Text
from relint_kpi.render.safe import xml_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: IATI role codes of the reporting region in its own activities: accountable and implementing.
ACCOUNTABLE, IMPLEMENTING = "2", "4"
#: IATI IndicatorMeasure codes of relint's measures.
MEASURES = {"count": "1", "percentage": "2", "qualitative": "5"}
OUTPUT_RESULT = "1"


@cache
def activity_schema() -> etree.XMLSchema:
    """The official IATI 2.03 activity schema, parsed once."""
    folder = resources.files("relint_kpi") / "schemas" / "iati_2_03"
    with resources.as_file(folder / "iati-activities-schema.xsd") as path:
        return etree.XMLSchema(etree.parse(str(path)))


def _narratives(parent: etree._Element, tag: str, text: Text, default_lang: str) -> etree._Element:
    """``tag`` holding one narrative per language; the default language's carries no xml:lang."""
    element = etree.SubElement(parent, tag)
    _fill_narratives(element, text, default_lang)
    return element


def _words(key: str, **params) -> Text:
    """A label of relint's own in both languages, for narratives."""
    return Text(it=t(key, "it").format(**params), en=t(key, "en").format(**params))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def _figure(parent: etree._Element, tag: str, figure: Figure, lang: str, attributes: dict | None = None) -> None:
    """The total as one ``tag``, then one ``tag`` per breakdown value with its dimension (IATI's way).

    A qualitative figure has no value (IATI: values are for other measures)
    but a comment naming its level.
    """
    element = etree.SubElement(parent, tag, attributes or {})
    if figure.value is not None:
        element.set("value", _number(figure.value))
    if figure.level is not None:
        _narratives(element, "comment", figure.level, lang)
    for name, code, value in figure.dimensions:
        part = etree.SubElement(parent, tag, value=_number(value))
        etree.SubElement(part, "dimension", name=name, value=code)


def _indicator(parent: etree._Element, indicator: Indicator, lang: str) -> None:
    ascending = "1" if indicator.ascending else "0"
    element = etree.SubElement(parent, "indicator", measure=MEASURES[indicator.measure], ascending=ascending)
    _narratives(element, "title", indicator.title, lang)
    _narratives(element, "description", _words(f"iati.{indicator.basis}"), lang)
    if indicator.baseline is not None:
        year, figure = indicator.baseline
        _figure(element, "baseline", figure, lang, {"year": str(year)})
    for period in indicator.periods:
        node = etree.SubElement(element, "period")
        etree.SubElement(node, "period-start", {"iso-date": period.start.isoformat()})
        etree.SubElement(node, "period-end", {"iso-date": period.end.isoformat()})
        _figure(node, "target", period.target, lang)
        if period.actual is not None:
            _figure(node, "actual", period.actual, lang)


def _activity(root: etree._Element, activity: Activity, export: IatiExport) -> None:
    lang = export.language
    updated = export.generated_at.isoformat(timespec="seconds")
    attributes = {"last-updated-datetime": updated, XML_LANG: lang, "hierarchy": str(activity.hierarchy)}
    element = etree.SubElement(root, "iati-activity", attributes)
    etree.SubElement(element, "iati-identifier").text = activity.identifier
    reporting = etree.SubElement(element, "reporting-org", ref=export.organisation_identifier, type=export.organisation_type)
    _fill_narratives(reporting, export.organisation_name, lang)
    _narratives(element, "title", activity.title, lang)
    description = _narratives(element, "description", activity.description, lang)
    description.set("type", "1")
    for role in (ACCOUNTABLE, IMPLEMENTING):
        org = etree.SubElement(
            element, "participating-org", ref=export.organisation_identifier, type=export.organisation_type, role=role
        )
        _fill_narratives(org, export.organisation_name, lang)
    etree.SubElement(element, "activity-status", code=str(activity.status))
    for kind, when in sorted(activity.dates):
        etree.SubElement(element, "activity-date", {"type": str(kind), "iso-date": when.isoformat()})
    single = len(activity.countries) == 1
    for country in activity.countries:
        attributes = {"code": country.code}
        if not single:
            attributes["percentage"] = str(country.percentage)
        etree.SubElement(element, "recipient-country", attributes)
    for sector in activity.sectors:
        node = etree.SubElement(
            element, "sector", code=sector.code, vocabulary=sector.vocabulary or "1", percentage=str(sector.percentage)
        )
        if sector.name is not None:
            _fill_narratives(node, sector.name, lang)
    for kind, ref in activity.related:
        etree.SubElement(element, "related-activity", ref=ref, type=str(kind))
    for result in activity.results:
        node = etree.SubElement(element, "result", type=OUTPUT_RESULT)
        _narratives(node, "title", result.title, lang)
        for indicator in result.indicators:
            _indicator(node, indicator, lang)


def _fill_narratives(element: etree._Element, text: Text, default_lang: str) -> None:
    for lang in sorted(LANGS, key=lambda code: code != default_lang):
        narrative = etree.SubElement(element, "narrative")
        narrative.text = xml_text(text.get(lang))
        if lang != default_lang:
            narrative.set(XML_LANG, lang)


def iati_document(export: IatiExport) -> etree._Element:
    """The ``iati-activities`` element of ``export`` (not yet checked)."""
    generated = export.generated_at.isoformat(timespec="seconds")
    root = etree.Element("iati-activities", {"version": IATI_VERSION, "generated-datetime": generated})
    for activity in export.activities:
        _activity(root, activity, export)
    return root


def render_iati(export: IatiExport) -> bytes:
    """The export as IATI 2.03 XML bytes; :class:`UsageError` if the schema or a rule refuses it."""
    root = iati_document(export)
    schema = activity_schema()
    problems = check_iati(export)
    if not schema.validate(root):
        problems += [f"line {error.line}: {error.message}" for error in schema.error_log]
    if problems:
        raise UsageError("iati-breaks-standard", problems="; ".join(problems[:10]))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
