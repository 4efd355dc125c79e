"""The forecast of a count's year-end figure: its interval covers what simulated years do."""

from __future__ import annotations

import math

import numpy as np
import pytest

from relint_kpi.progress import forecast


def simulated_years(rate: float, share: float, years: int, seed: int, interval: float = 0.8):
    """Years of a Poisson process at ``rate`` a year: the forecast at ``share`` of each and its true total."""
    rng = np.random.default_rng(seed)
    target = round(rate)
    found, totals = [], []
    for year in range(years):
        so_far = rng.poisson(rate * share)
        total = so_far + rng.poisson(rate * (1 - share))
        found.append(forecast(np.ones(so_far), share, target=target, interval=interval, seed=year, draws=4000))
        totals.append(total)
    return found, np.array(totals), target


@pytest.mark.parametrize("rate, share", [(15, 0.5), (15, 0.25), (40, 0.75), (4, 0.5)])
def test_the_interval_covers_about_its_share_of_simulated_years(rate, share):
    found, totals, target = simulated_years(rate, share, 600, seed=rate * 100 + int(share * 100))
    inside = np.mean([f.low <= total <= f.high for f, total in zip(found, totals)])
    # 80 % asked; the totals are whole numbers, so an interval's ends hold a little
    # more than 80 % (never less than 75 % in 600 years, three standard errors off).
    assert 0.75 <= inside <= 0.93, inside
    # The probability of reaching the target is calibrated: on average it says
    # how often the simulated years reached it.
    said = np.mean([f.probability for f in found])
    reached = np.mean(totals >= target)
    assert abs(said - reached) < 0.06, (said, reached)


def test_a_narrower_interval_covers_less():
    wide, totals, _ = simulated_years(15, 0.5, 400, seed=7, interval=0.8)
    narrow, _, _ = simulated_years(15, 0.5, 400, seed=7, interval=0.5)
    covered = [np.mean([f.low <= t <= f.high for f, t in zip(found, totals)]) for found in (wide, narrow)]
    assert covered[1] < covered[0] and 0.42 <= covered[1] <= 0.65, covered


def test_unit_items_follow_the_negative_binomial():
    # 3 items in half a year: the rate is Gamma(3.5, 0.5), so the items still to
    # come are negative binomial with r = 3.5 and p = 0.5 / (0.5 + 0.5).
    def pmf(k, r=3.5, p=0.5):
        return math.exp(math.lgamma(k + r) - math.lgamma(r) - math.lgamma(k + 1) + r * math.log(p) + k * math.log(1 - p))

    exact = 1 - sum(pmf(k) for k in range(5))  # at least 5 more: 8 in all
    found = forecast(np.ones(3), 0.5, target=8, seed=1)
    assert abs(found.probability - exact) < 0.01  # 20 000 draws: a standard error of 0.003
    assert round(exact, 3) == 0.294
    # 80 % interval of 3 + R: P(R ≤ 0) = 0.088 < 0.1 ≤ P(R ≤ 1) = 0.243, and the 90th percentile is R = 7.
    assert (found.low, found.high) == (4, 10)


def test_a_decrease_counts_the_years_at_or_under_the_target():
    up = forecast(np.ones(3), 0.5, target=8, seed=1)
    down = forecast(np.ones(3), 0.5, target=7, decrease=True, seed=1)
    assert abs(up.probability + down.probability - 1) < 1e-9


def test_amounts_are_drawn_from_those_recorded():
    # Events of 100 participants each: every simulated total is a multiple of 100.
    found = forecast(np.array([100.0, 100.0]), 0.5, target=400, seed=3)
    assert found.low % 100 == 0 and found.high % 100 == 0 and found.low >= 200


def test_no_forecast_without_a_pace():
    assert forecast(np.ones(3), 0.0, target=8) is None  # the year has not started
    assert forecast(np.ones(3), 1.0, target=8) is None  # the year is over: the figure is known
    assert forecast(np.array([]), 0.5, target=100, unit_amounts=False) is None  # no event yet: how many attend one?
    found = forecast(np.array([]), 0.5, target=2)  # no delegation yet: still a forecast
    assert found.low == 0 and found.probability < 0.2


def test_the_same_data_give_the_same_forecast():
    assert forecast(np.ones(5), 0.4, target=12, seed=9) == forecast(np.ones(5), 0.4, target=12, seed=9)
