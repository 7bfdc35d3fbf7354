"""Which trend test for term_trends: Mann–Kendall against tidytext's binomial GLM, on a corpus
with known trends.

Each simulated corpus has P periods of 20,000 tokens.  200 words keep a steady rate, 50
rise (their rate doubles, or more, from the first period to the last); a word's rate in a
period also varies from document to document (a gamma factor with coefficient of
variation 0.5: real texts are overdispersed, a topic comes and goes with the occasion).
Both tests are adjusted with Benjamini–Hochberg at 0.05.  Printed: the share of rising
words found (power) and of steady words called trends (false positives).

    .venv/bin/python bench/trend_tests.py
"""
from __future__ import annotations

import numpy as np
from scipy.optimize import minimize
from scipy.stats import chi2, false_discovery_control, kendalltau

TOKENS = 20_000
STEADY, RISING = 200, 50


def _corpus(rng, periods: int, dispersion: float):
    base = rng.uniform(2, 30, STEADY + RISING) / 10_000
    growth = np.r_[np.ones(STEADY), rng.uniform(2, 4, RISING)]
    t = np.linspace(0, 1, periods)
    rate = base[:, None] * growth[:, None] ** t[None, :]
    noise = rng.gamma(1 / dispersion**2, dispersion**2, rate.shape) if dispersion else 1.0
    return rng.poisson(rate * noise * TOKENS), np.arange(periods, dtype=float)


def _glm_p(k: np.ndarray, x: np.ndarray) -> float:
    """Likelihood-ratio p of the slope of a binomial GLM (logit) of k of TOKENS on x."""
    def nll(beta):
        eta = beta[0] + beta[1] * (x - x.mean())
        return -np.sum(k * eta - TOKENS * np.logaddexp(0, eta))

    p0 = k.sum() / (TOKENS * len(k))
    null = nll([np.log(p0 / (1 - p0)), 0.0])
    fit = minimize(nll, [np.log(p0 / (1 - p0)), 0.0], method="BFGS")
    return float(chi2.sf(max(0.0, 2 * (null - fit.fun)), 1))


def _rates(p: np.ndarray) -> tuple[float, float]:
    found = false_discovery_control(p, method="bh") < 0.05
    return found[STEADY:].mean(), found[:STEADY].mean()


def main() -> None:
    rng = np.random.default_rng(20261205)
    print("periods dispersion | Mann-Kendall power, false+ | binomial GLM power, false+")
    for periods in (6, 15, 50):
        for dispersion in (0.0, 0.5):
            counts, x = _corpus(rng, periods, dispersion)
            mk = np.array([kendalltau(x, c / TOKENS).pvalue if c.any() else 1.0 for c in counts])
            glm = np.array([_glm_p(c, x) if c.any() else 1.0 for c in counts])
            (mk_power, mk_false), (glm_power, glm_false) = _rates(np.nan_to_num(mk, nan=1.0)), _rates(glm)
            print(f"{periods:7d} {dispersion:10.1f} | {mk_power:12.2f} {mk_false:7.2f} | "
                  f"{glm_power:12.2f} {glm_false:7.2f}")


if __name__ == "__main__":
    main()
