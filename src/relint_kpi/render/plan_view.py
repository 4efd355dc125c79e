"""`relint plan`: the plan as rich tables, in Italian or English.

Every text of the plan reaches rich through :func:`_row` or
:func:`~relint_kpi.render.safe.rich_text`: shown as written, never as markup,
control characters escaped.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from relint_kpi.i18n import t
from relint_kpi.plan import Plan
from relint_kpi.render.console import stdout_console
from relint_kpi.render.formatting import format_number
from relint_kpi.render.safe import rich_text
from relint_kpi.territories import iso_name


def _row(table: Table, *cells: str) -> None:
    """Add a row whose every cell is plain text (plan text is never markup)."""
    table.add_row(*[rich_text(cell) for cell in cells])


def render_plan(plan: Plan, lang: str, console=None) -> None:
    """Print results → indicators → targets, objectives, territories by group, stakeholder categories, actions with timing."""
    console = console or stdout_console()
    meta = plan.metadata
    period = meta.period
    console.print(
        Text.assemble(
            rich_text(meta.title.get(lang), style="bold"),
            " — ",
            rich_text(meta.region.get(lang)),
            f", {period.start.isoformat()}..{period.end.isoformat()}",
        )
    )
    console.print(rich_text(meta.approving_act.get(lang), style="dim"))

    objectives = {o.id: o for o in plan.objectives}
    table = Table(title=t("plan.objectives", lang), title_justify="left", header_style="bold")
    table.add_column("#", justify="right")
    table.add_column(t("plan.objectives", lang), max_width=100)
    table.add_column(t("plan.activities", lang), justify="right")
    for objective in plan.objectives:
        _row(table, str(objective.id), objective.title.get(lang), str(len(objective.activities)))
    console.print(table)

    table = Table(title=t("plan.results", lang), title_justify="left", header_style="bold", show_lines=True)
    table.add_column(t("plan.result", lang), max_width=44)
    # fold, not ellipsis: the indicator id in brackets is what users type, so it must stay whole.
    table.add_column(t("plan.indicator", lang), max_width=44, overflow="fold")
    table.add_column(t("plan.unit", lang))
    table.add_column(t("plan.basis", lang))
    for year in plan.years:
        # Two-line header keeps the year columns narrow for plans of five years or more.
        table.add_column(f"{t('plan.target', lang)}\n{year}", justify="right")
    for result in plan.results:
        label = result.title.get(lang) + "\n" + t("plan.objectives", lang) + ": " + ", ".join(
            str(o) for o in result.objectives if o in objectives
        )
        for index, indicator_id in enumerate(plan.with_families(result.indicators)):
            indicator = plan.indicator(indicator_id)
            targets = [_target_text(plan, indicator, y, lang) for y in plan.years]
            prefix = "↳ " if plan.parent_of(indicator_id) is not None else ""
            _row(
                table,
                label if index == 0 else "",
                f"{prefix}{indicator.title.get(lang)} ({indicator.id})",
                indicator.unit.get(lang),
                t(f"plan.basis.{indicator.basis}", lang),
                *targets,
            )
    console.print(table)

    table = Table(title=t("plan.territories", lang), title_justify="left", header_style="bold")
    table.add_column(t("plan.group", lang), max_width=40)
    table.add_column(t("plan.code", lang))
    table.add_column(t("plan.territory", lang), max_width=70)
    for group in plan.territory_groups:
        for n, territory in enumerate(group.territories):
            _row(table, "" if n else group.title.get(lang), territory.code, territory.name.get(lang))
        if group.countries:
            # "; " because some ISO names hold a comma ("Palestina, Stato di").
            names = "; ".join(f"{iso_name(code, lang)} ({code})" for code in group.countries)
            _row(table, "" if group.territories else group.title.get(lang), "", f"{t('plan.countries', lang)}: {names}")
    console.print(table)

    # The ids and labels `add-stakeholder --category` and `status --by category` accept.
    table = Table(title=t("plan.categories", lang), title_justify="left", header_style="bold")
    table.add_column("id")
    table.add_column(t("plan.category", lang), max_width=60)
    for category in plan.stakeholder_categories:
        _row(table, category.id, category.label.get(lang))
    console.print(table)

    table = Table(title=t("plan.actions", lang), title_justify="left", header_style="bold")
    table.add_column("id")
    table.add_column(t("plan.action", lang), max_width=60)
    table.add_column(t("plan.code", lang))
    table.add_column(t("plan.timing", lang))
    table.add_column(t("plan.deliverables", lang), justify="right")
    for action in plan.actions:
        _row(
            table,
            action.id,
            action.title.get(lang),
            action.territory or "—",
            f"{action.timing.label.get(lang)} ({action.timing.start.isoformat()}..{action.timing.end.isoformat()})",
            str(len(action.deliverables)),
        )
    console.print(table)


def _target_text(plan, indicator, year: int, lang: str) -> str:
    """An indicator's target for ``year`` as the plan view shows it: a number, a level's label, or the children's sum."""
    if year not in indicator.targets:
        if indicator.children:
            total = sum(plan.indicator(child).targets.get(year, 0) for child in indicator.children)
            return format_number(total, lang)
        return "—"
    value = indicator.targets[year]
    for level in indicator.scale:
        if level.id == value:
            return level.label.get(lang)
    return format_number(value, lang, 0 if float(value).is_integer() else 1)
