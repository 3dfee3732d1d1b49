#!/usr/bin/python3
"""Reference values for mcpver's A/B analysis, computed with scipy and statsmodels (and cross-checked with R).

Writes src/test/resources/golden/abtest/reference.jsonl: one JSON object per line, either

  {"id", "type": "analysis", "description", "experiment": <POST /api/v1/experiments body>,
   "observations": {metric: {variant: [values...]}}, "expected": <analysis JSON of abtest.md §3>}
  {"id", "type": "sample_size", "request": <POST /api/v1/sample-size body>, "expected": {...}}

AbTestReferenceTest (JUnit) replays every line without Python. Regenerate with

  /usr/bin/python3 src/test/python/abtest_reference.py            # Debian: python3-scipy python3-statsmodels
  /usr/bin/python3 src/test/python/abtest_reference.py --check-r  # also compares with R (r-base-core)

The generator is deterministic (fixed seeds); values are rounded to 7 significant digits (13 for the
large-magnitude case) before they are
written, so Java and Python read the very same doubles. The statistics follow abtest.md §2, computed here with
library routines wherever one exists:
  Welch            scipy.stats.ttest_ind(T, C, equal_var=False); df Welch-Satterthwaite; CI from scipy t.ppf
  Mann-Whitney     scipy.stats.mannwhitneyu(T, C, method='asymptotic', use_continuity=True)
  proportions      pooled z; p cross-checked with scipy.stats.chi2_contingency(correction=False)
  Newcombe         Wilson bounds from statsmodels proportion_confint(method='wilson')
  Holm             statsmodels multipletests(method='holm')
  SRM              scipy.stats.chisquare(counts, total * shares)
  mSPRT, lift, sample size: the closed forms of abtest.md (no library has them)
"""
import argparse
import json
import warnings
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import scipy
import scipy.stats as st
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "abtest", "reference.jsonl")
DEFAULTS = {"alpha": 0.05, "srmAlpha": 0.001, "minSamplesPerVariant": 100, "tau": 0.2}


def rounded(x, digits=7):
    """A few significant digits, so the JSON text is short and both languages parse identical doubles."""
    return float("%.*g" % (digits, x)) + 0.0


# ---------------------------------------------------------------- statistics (abtest.md §2)


def variant_stats(kind, key, version, xs):
    n = len(xs)
    mean = float(np.mean(xs)) if n else None
    sd = float(np.std(xs, ddof=1)) if n >= 2 else None
    return {"key": key, "version": version, "n": n, "mean": mean, "stddev": sd}


def lift(mc, vc, nc, mt, vt, nt, alpha, warnings):
    if mc == 0:
        warnings.add("LIFT_UNDEFINED")
        return None, None, None
    value = mt / mc - 1
    if vc is None or vt is None:
        return value, None, None
    var = vt / (nt * mc ** 2) + mt ** 2 * vc / (nc * mc ** 4)
    if not var > 0:
        return value, None, None
    half = st.norm.ppf(1 - alpha / 2) * math.sqrt(var)
    return value, value - half, value + half


def msprt(diff, s2, sbar2, tau):
    if not (s2 > 0 and sbar2 > 0):
        return None
    tau2 = tau * tau * sbar2
    log_lambda = 0.5 * math.log(s2 / (s2 + tau2)) + diff * diff * tau2 / (2 * s2 * (s2 + tau2))
    return min(1.0, math.exp(-log_lambda))


def empty_comparison(control, treatment):
    return {"control": control, "treatment": treatment, "diff": None, "ciLow": None, "ciHigh": None,
            "relativeLift": None, "liftCiLow": None, "liftCiHigh": None, "pValue": None,
            "pValueAdjusted": None, "significant": False, "welch": None, "mannWhitney": None,
            "proportions": None, "sequential": {"method": "msprt", "pValue": None, "pValueAdjusted": None},
            "warnings": []}


def continuous(control, treatment, c, t, alpha, tau):
    out = empty_comparison(control, treatment)
    w = set()
    if len(c) == 0 or len(t) == 0:
        out["warnings"] = ["NO_DATA"]
        return out
    c, t = np.asarray(c), np.asarray(t)
    nc, nt = len(c), len(t)
    diff = float(np.mean(t) - np.mean(c))
    out["diff"] = diff
    vc = float(np.var(c, ddof=1)) if nc >= 2 else None
    vt = float(np.var(t, ddof=1)) if nt >= 2 else None
    if vc is None or vt is None:
        w.add("INSUFFICIENT_SAMPLE")
    elif vc / nc + vt / nt == 0:
        w.add("ZERO_VARIANCE")
    else:
        res = st.ttest_ind(t, c, equal_var=False)
        a, b = vt / nt, vc / nc
        df = (a + b) ** 2 / (a * a / (nt - 1) + b * b / (nc - 1))
        se = math.sqrt(a + b)
        q = st.t.ppf(1 - alpha / 2, df)
        out["welch"] = {"t": float(res.statistic), "df": df, "pValue": float(res.pvalue)}
        out["pValue"] = float(res.pvalue)
        out["ciLow"], out["ciHigh"] = diff - q * se, diff + q * se
    mw = st.mannwhitneyu(t, c, method="asymptotic", use_continuity=True, alternative="two-sided")
    all_tied = np.all(np.concatenate([c, t]) == c[0])
    out["mannWhitney"] = {"u": float(mw.statistic), "pValue": None if all_tied else float(mw.pvalue)}
    if all_tied:
        w.add("ALL_TIED")
    out["relativeLift"], out["liftCiLow"], out["liftCiHigh"] = lift(
        float(np.mean(c)), vc, nc, float(np.mean(t)), vt, nt, alpha, w)
    if vc is not None and vt is not None:
        out["sequential"]["pValue"] = msprt(diff, vc / nc + vt / nt, (vc + vt) / 2, tau)
    out["warnings"] = sorted(w)
    return out


def binary(control, treatment, c, t, alpha, tau):
    out = empty_comparison(control, treatment)
    w = set()
    if len(c) == 0 or len(t) == 0:
        out["warnings"] = ["NO_DATA"]
        return out
    nc, nt = len(c), len(t)
    xc, xt = int(sum(c)), int(sum(t))
    pc, pt = xc / nc, xt / nt
    diff = pt - pc
    out["diff"] = diff
    pooled = (xc + xt) / (nc + nt)
    se = math.sqrt(pooled * (1 - pooled) * (1 / nc + 1 / nt))
    if se == 0:
        w.add("ZERO_VARIANCE")
    else:
        z = diff / se
        p = float(2 * st.norm.sf(abs(z)))
        chi = st.chi2_contingency([[xt, nt - xt], [xc, nc - xc]], correction=False)
        assert close(p, chi[1]), (p, chi[1])
        out["proportions"] = {"z": z, "pValue": p}
        out["pValue"] = p
    lc, uc = proportion_confint(xc, nc, alpha=alpha, method="wilson")
    lt, ut = proportion_confint(xt, nt, alpha=alpha, method="wilson")
    out["ciLow"] = diff - math.sqrt((pt - lt) ** 2 + (uc - pc) ** 2)
    out["ciHigh"] = diff + math.sqrt((ut - pt) ** 2 + (pc - lc) ** 2)
    out["relativeLift"], out["liftCiLow"], out["liftCiHigh"] = lift(
        pc, pc * (1 - pc), nc, pt, pt * (1 - pt), nt, alpha, w)
    v = pooled * (1 - pooled)
    out["sequential"]["pValue"] = msprt(diff, v * (1 / nc + 1 / nt), v, tau)
    out["warnings"] = sorted(w)
    return out


def holm(ps):
    idx = [i for i, p in enumerate(ps) if p is not None]
    out = [None] * len(ps)
    if idx:
        adjusted = multipletests([ps[i] for i in idx], method="holm")[1]
        for i, a in zip(idx, adjusted):
            out[i] = float(a)
    return out


def srm(spec, obs):
    keys = [v["key"] for v in spec["variants"]]
    first = spec["metrics"][0]["name"]
    counts = [len(obs.get(first, {}).get(k, [])) for k in keys]
    total_w = sum(v["weight"] for v in spec["variants"])
    shares = [v["weight"] / total_w for v in spec["variants"]]
    total = sum(counts)
    chi2 = p = None
    if total > 0:
        res = st.chisquare(counts, f_exp=[total * s for s in shares])
        chi2, p = float(res.statistic), float(res.pvalue)
    alpha = spec.get("srmAlpha", DEFAULTS["srmAlpha"])
    return {"counts": dict(zip(keys, counts)), "expected": dict(zip(keys, shares)), "chi2": chi2,
            "df": len(keys) - 1, "pValue": p, "mismatch": p is not None and p < alpha}


def roles(metrics):
    declared = [m.get("role") for m in metrics]
    has_primary = "primary" in declared
    out = []
    for r in declared:
        if r is not None:
            out.append(r)
        elif not has_primary:
            out.append("primary")
            has_primary = True
        else:
            out.append("secondary")
    return out


def improvement(direction, diff):
    return diff if direction == "higher_is_better" else -diff


def decide(spec, srm_result, metrics):
    alpha = spec.get("alpha", DEFAULTS["alpha"])
    control = spec.get("control", spec["variants"][0]["key"])
    if srm_result["mismatch"]:
        return {"action": "halt", "winner": None, "reasons": ["SRM"]}
    minimum = spec.get("minSamplesPerVariant", DEFAULTS["minSamplesPerVariant"])
    if any(c < minimum for c in srm_result["counts"].values()):
        return {"action": "continue", "winner": None, "reasons": ["INSUFFICIENT_SAMPLE"]}
    tripped = []
    for m, declared in zip(metrics, spec["metrics"]):
        if m["role"] != "guardrail":
            continue
        threshold = declared.get("guardrailThreshold", 0.0)
        for c in m["comparisons"]:
            p, diff = c["sequential"]["pValue"], c["diff"]
            if p is None or diff is None or not p < alpha or not improvement(m["direction"], diff) < 0:
                continue
            if c["relativeLift"] is None or abs(c["relativeLift"]) > threshold:
                tripped.append("GUARDRAIL:%s:%s" % (m["name"], c["treatment"]))
    if tripped:
        return {"action": "rollback", "winner": control, "reasons": tripped}
    primary = next(m for m in metrics if m["role"] == "primary")
    best, best_gain, worse = None, 0.0, 0
    for c in primary["comparisons"]:
        padj, diff = c["sequential"]["pValueAdjusted"], c["diff"]
        if padj is None or diff is None or not padj < alpha:
            continue
        gain = improvement(primary["direction"], diff)
        if gain > best_gain:
            best, best_gain = c["treatment"], gain
        elif gain < 0:
            worse += 1
    if best is not None:
        return {"action": "promote", "winner": best, "reasons": ["PRIMARY_IMPROVED:" + best]}
    if worse > 0 and worse == len(primary["comparisons"]):
        return {"action": "rollback", "winner": control, "reasons": ["PRIMARY_REGRESSION"]}
    return {"action": "continue", "winner": None, "reasons": ["NOT_SIGNIFICANT"]}


def analyse(spec, obs):
    alpha = spec.get("alpha", DEFAULTS["alpha"])
    tau = spec.get("sequential", {}).get("tau", DEFAULTS["tau"])
    keys = [v["key"] for v in spec["variants"]]
    versions = {v["key"]: v["version"] for v in spec["variants"]}
    control = spec.get("control", keys[0])
    treatments = [k for k in keys if k != control]
    metrics = []
    for m, role in zip(spec["metrics"], roles(spec["metrics"])):
        data = obs.get(m["name"], {})
        arms = {k: data.get(k, []) for k in keys}
        compare = binary if m["kind"] == "binary" else continuous
        comparisons = [compare(control, t, arms[control], arms[t], alpha, tau) for t in treatments]
        for c, a in zip(comparisons, holm([c["pValue"] for c in comparisons])):
            c["pValueAdjusted"] = a
            c["significant"] = a is not None and a < alpha
        seq = holm([c["sequential"]["pValue"] for c in comparisons])
        for c, a in zip(comparisons, seq):
            c["sequential"]["pValueAdjusted"] = a
        metrics.append({"name": m["name"], "kind": m["kind"], "direction": m["direction"], "role": role,
                        "variants": [variant_stats(m["kind"], k, versions[k], arms[k]) for k in keys],
                        "comparisons": comparisons})
    srm_result = srm(spec, obs)
    return {"alpha": alpha, "control": control, "srm": srm_result, "metrics": metrics,
            "decision": decide(spec, srm_result, metrics)}


def sample_size(req):
    alpha, power, m = req.get("alpha", 0.05), req.get("power", 0.8), req.get("comparisons", 1)
    za, zb = st.norm.ppf(1 - alpha / (2 * m)), st.norm.ppf(power)
    delta = req["mde"] * req["baseline"] if req["mdeType"] == "relative" else req["mde"]
    if req["kind"] == "binary":
        p1 = req["baseline"]
        p2 = p1 + delta
        pbar = (p1 + p2) / 2
        n = (za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / delta ** 2
    else:
        n = 2 * req["stddev"] ** 2 * (za + zb) ** 2 / delta ** 2
    return {"perVariant": math.ceil(n), "perVariantExact": n}


def close(a, b, tol=1e-6):
    return abs(a - b) <= tol or abs(a - b) <= tol * max(abs(a), abs(b))


# ---------------------------------------------------------------- cases


class Cases:
    def __init__(self):
        self.lines = []

    def analysis(self, case_id, description, spec, obs, digits=7):
        obs = {m: {v: [rounded(x, digits) for x in xs] for v, xs in per.items()} for m, per in obs.items()}
        self.lines.append({"id": case_id, "type": "analysis", "description": description, "experiment": spec,
                           "observations": obs, "expected": analyse(spec, obs)})

    def sample_size(self, case_id, req):
        self.lines.append({"id": case_id, "type": "sample_size", "request": req, "expected": sample_size(req)})


def spec(name, variants, metrics, **extra):
    s = {"name": name, "mcpId": "mcp-search",
         "variants": [{"key": k, "version": "1.%d.0" % i, "weight": w} for i, (k, w) in enumerate(variants)],
         "metrics": metrics}
    s.update(extra)
    return s


def cont(name, direction="lower_is_better", role=None, threshold=None):
    m = {"name": name, "kind": "continuous", "direction": direction}
    if role:
        m["role"] = role
    if threshold is not None:
        m["guardrailThreshold"] = threshold
    return m


def binm(name, direction="higher_is_better", role=None, threshold=None):
    m = cont(name, direction, role, threshold)
    m["kind"] = "binary"
    return m


def bern(rng, p, n):
    return [float(x) for x in (rng.random_sample(n) < p).astype(int)]


def build():
    cs = Cases()
    ab = [("A", 50), ("B", 50)]
    rt = cont("response_time")

    # 1. normal, null and shifted, several sizes
    for i, (n, shift) in enumerate([(30, 0), (200, 0), (1000, 0), (30, 5), (200, 2), (1000, 0.5),
                                    (500, -1), (120, 3)]):
        rng = np.random.RandomState(100 + i)
        cs.analysis("normal-%02d" % i, "normal latency n=%d shift=%s" % (n, shift), spec("normal-%d" % i, ab, [rt]),
                    {"response_time": {"A": rng.normal(100, 15, n), "B": rng.normal(100 + shift, 15, n)}})
    # 2. log-normal latency (skewed), null and shifted
    for i, (n, mu_b) in enumerate([(200, 5.0), (800, 5.0), (300, 4.9), (1500, 5.05), (150, 5.3), (600, 4.95)]):
        rng = np.random.RandomState(200 + i)
        cs.analysis("lognormal-%02d" % i, "log-normal latency n=%d" % n, spec("lognormal-%d" % i, ab, [rt]),
                    {"response_time": {"A": rng.lognormal(5.0, 0.6, n), "B": rng.lognormal(mu_b, 0.6, n)}})
    # 3. heavy ties: a handful of distinct values
    for i, (n, levels, pb) in enumerate([(300, 3, None), (500, 5, [0.1, 0.2, 0.3, 0.2, 0.2]), (40, 2, None),
                                         (1000, 4, [0.4, 0.3, 0.2, 0.1]), (250, 10, None), (60, 3, [0.6, 0.3, 0.1])]):
        rng = np.random.RandomState(300 + i)
        values = np.arange(levels) * 10.0
        a = rng.choice(values, n)
        b = rng.choice(values, n, p=pb) if pb else rng.choice(values, n)
        cs.analysis("ties-%02d" % i, "heavily tied values (%d levels)" % levels, spec("ties-%d" % i, ab, [rt]),
                    {"response_time": {"A": a, "B": b}})
    # 4. binary success rates
    succ = binm("success")
    for i, (n, pa, pb) in enumerate([(1000, 0.9, 0.9), (1000, 0.9, 0.93), (5000, 0.5, 0.52), (300, 0.2, 0.3),
                                     (2000, 0.75, 0.72), (150, 0.5, 0.5), (4000, 0.97, 0.975), (800, 0.3, 0.22)]):
        rng = np.random.RandomState(400 + i)
        cs.analysis("binary-%02d" % i, "success rate %.3f vs %.3f" % (pa, pb), spec("binary-%d" % i, ab, [succ]),
                    {"success": {"A": bern(rng, pa, n), "B": bern(rng, pb, n)}})
    # 5. rare events, including a control with no events (lift undefined) and both arms without events
    err = binm("error", "lower_is_better")
    for i, (n, pa, pb) in enumerate([(3000, 0.001, 0.004), (5000, 0.002, 0.002), (800, 0.0, 0.06),
                                     (2000, 0.0, 0.0), (10000, 0.0005, 0.0015), (1200, 0.01, 0.0)]):
        rng = np.random.RandomState(500 + i)
        a = bern(rng, pa, n) if pa > 0 else [0.0] * n
        b = bern(rng, pb, n) if pb > 0 else [0.0] * n
        cs.analysis("rare-%02d" % i, "rare events %.4f vs %.4f" % (pa, pb),
                    spec("rare-%d" % i, ab, [err], minSamplesPerVariant=50), {"error": {"A": a, "B": b}})
    # 6. tiny samples
    tiny = [([5.0], [7.0]), ([5.0, 6.0], [7.0]), ([5.0], [7.0, 9.0]), ([1.0, 2.0], [3.0, 4.0]),
            ([1.0, 2.0, 3.0], [2.0, 3.0, 4.0, 5.0]), ([3.0, 1.0, 2.0, 5.0, 4.0], [9.0, 6.0, 8.0, 7.0, 10.0]),
            ([1.0, 1.0, 2.0], [1.0, 2.0, 2.0])]
    for i, (a, b) in enumerate(tiny):
        cs.analysis("tiny-%02d" % i, "tiny samples %d vs %d" % (len(a), len(b)),
                    spec("tiny-%d" % i, ab, [rt], minSamplesPerVariant=2), {"response_time": {"A": a, "B": b}})
    cs.analysis("tiny-binary-00", "binary with one observation per arm",
                spec("tiny-binary-0", ab, [succ], minSamplesPerVariant=2), {"success": {"A": [1.0], "B": [0.0]}})
    cs.analysis("tiny-binary-01", "binary with one and three observations",
                spec("tiny-binary-1", ab, [succ], minSamplesPerVariant=2),
                {"success": {"A": [1.0], "B": [0.0, 1.0, 1.0]}})
    # 7. unequal splits (weights 90/10, 80/20) with matching and mismatching counts
    for i, (wa, wb, na, nb, shift) in enumerate([(90, 10, 900, 100, 0), (80, 20, 1600, 400, 4), (90, 10, 880, 120, 0),
                                                 (2, 1, 1000, 500, -2)]):
        rng = np.random.RandomState(700 + i)
        cs.analysis("unequal-%02d" % i, "weights %d/%d, counts %d/%d" % (wa, wb, na, nb),
                    spec("unequal-%d" % i, [("A", wa), ("B", wb)], [rt]),
                    {"response_time": {"A": rng.normal(80, 10, na), "B": rng.normal(80 + shift, 10, nb)}})
    # 8. identical arms
    for i, n in enumerate([50, 400, 2000]):
        rng = np.random.RandomState(800 + i)
        same = rng.lognormal(4, 0.5, n)
        cs.analysis("identical-%02d" % i, "identical arms n=%d" % n, spec("identical-%d" % i, ab, [rt]),
                    {"response_time": {"A": same, "B": same.copy()}})
    # 9. zero variance
    cs.analysis("constant-00", "two equal constant arms", spec("constant-0", ab, [rt]),
                {"response_time": {"A": [42.0] * 150, "B": [42.0] * 150}})
    cs.analysis("constant-01", "two different constant arms", spec("constant-1", ab, [rt]),
                {"response_time": {"A": [42.0] * 150, "B": [40.0] * 150}})
    rng = np.random.RandomState(901)
    cs.analysis("constant-02", "constant control, varying treatment", spec("constant-2", ab, [rt]),
                {"response_time": {"A": [50.0] * 200, "B": rng.normal(50, 5, 200)}})
    cs.analysis("constant-03", "control mean zero (lift undefined)", spec("constant-3", ab, [cont("delta")]),
                {"delta": {"A": [0.0] * 120, "B": rng.normal(1, 2, 120)}})
    cs.analysis("constant-04", "control of values summing to zero", spec("constant-4", ab, [cont("delta")]),
                {"delta": {"A": [-1.0, 1.0] * 100, "B": rng.normal(0.2, 1, 200)}})
    # 10. three or more arms, with a dead arm
    abc = [("A", 1), ("B", 1), ("C", 1)]
    for i, (nc, shift_c) in enumerate([(0, 0), (0, 0), (500, 3), (500, -3)]):
        rng = np.random.RandomState(1000 + i)
        obs = {"A": rng.normal(100, 10, 500), "B": rng.normal(100 + 2 * i, 10, 500)}
        if nc:
            obs["C"] = rng.normal(100 + shift_c, 10, nc)
        cs.analysis("abn-%02d" % i, "three arms, C has %d observations" % nc, spec("abn-%d" % i, abc, [rt]),
                    {"response_time": obs})
    for i, shifts in enumerate([(0, 0, 0), (0.2, 0.05, 0.1), (-0.1, 0.0, 0.15), (0.05, 0.05, 0.05)]):
        rng = np.random.RandomState(1100 + i)
        arms = [("A", 1), ("B", 1), ("C", 1), ("D", 1)]
        obs = {"A": bern(rng, 0.5, 1500)}
        for k, s in zip("BCD", shifts):
            obs[k] = bern(rng, 0.5 + s, 1500)
        cs.analysis("abn-binary-%02d" % i, "four arms, binary, shifts %s" % (shifts,),
                    spec("abn-binary-%d" % i, arms, [succ]), {"success": obs})
    rng = np.random.RandomState(1150)
    cs.analysis("abn-binary-dead", "three binary arms, one without data", spec("abn-binary-dead", abc, [succ]),
                {"success": {"A": bern(rng, 0.5, 600), "B": bern(rng, 0.6, 600)}})
    cs.analysis("abn-control-not-first", "control given explicitly (C)",
                spec("abn-control", abc, [rt], control="C"),
                {"response_time": {"A": rng.normal(10, 2, 300), "B": rng.normal(10.5, 2, 300),
                                   "C": rng.normal(10, 2, 300)}})
    # 11. guardrails (with the spec's example shape) and decisions
    example = [binm("success", role="primary"), cont("response_time", role="guardrail", threshold=0.10),
               binm("error", "lower_is_better", role="guardrail", threshold=0.0)]

    def example_obs(rng, n, success, rt_b, err_b, n_b=None):
        n_b = n_b or n
        return {"success": {"A": bern(rng, 0.90, n), "B": bern(rng, success, n_b)},
                "response_time": {"A": rng.lognormal(5, 0.3, n), "B": rng.lognormal(rt_b, 0.3, n_b)},
                "error": {"A": [0.0] * n, "B": bern(rng, err_b, n_b)}}

    scenarios = [
        ("guardrail-error", "error rate 0% to 6%: rollback", 800, 0.90, 5.0, 0.06),
        ("guardrail-latency", "latency +22%: beyond the 10% threshold", 800, 0.90, 5.2, 0.0),
        ("guardrail-latency-small", "latency +3%: significant but within the threshold", 3000, 0.90, 5.03, 0.0),
        ("guardrail-both", "latency and errors regress", 1000, 0.95, 5.2, 0.05),
        ("decision-promote", "success improves, guardrails fine", 2000, 0.94, 5.0, 0.0),
        ("decision-null", "nothing changes", 1000, 0.90, 5.0, 0.0),
        ("decision-regression", "success drops significantly", 2000, 0.84, 5.0, 0.0),
        ("decision-insufficient", "below the minimum sample", 60, 0.95, 5.0, 0.0),
    ]
    for i, (cid, desc, n, s, rtb, eb) in enumerate(scenarios):
        rng = np.random.RandomState(1200 + i)
        cs.analysis(cid, desc, spec(cid, ab, example, control="A"), example_obs(rng, n, s, rtb, eb))
    rng = np.random.RandomState(1300)
    cs.analysis("decision-srm", "1000 vs 850 at 50/50: halt", spec("decision-srm", ab, example),
                example_obs(rng, 1000, 0.95, 5.0, 0.0, n_b=850))
    rng = np.random.RandomState(1301)
    cs.analysis("decision-srm-weights", "1000 vs 850 at 54/46: no mismatch",
                spec("decision-srm-weights", [("A", 54), ("B", 46)], example),
                example_obs(rng, 1000, 0.95, 5.0, 0.0, n_b=850))
    rng = np.random.RandomState(1302)
    cs.analysis("decision-higher-latency-primary", "primary continuous, lower is better, improves",
                spec("decision-lat", ab, [cont("response_time", role="primary"), binm("error", "lower_is_better",
                                                                                    role="guardrail")]),
                {"response_time": {"A": rng.lognormal(5, 0.4, 1500), "B": rng.lognormal(4.9, 0.4, 1500)},
                 "error": {"A": bern(rng, 0.01, 1500), "B": bern(rng, 0.01, 1500)}})
    rng = np.random.RandomState(1303)
    cs.analysis("decision-promote-best-of-three", "two treatments improve, the larger wins",
                spec("decision-best", abc, [binm("success")]),
                {"success": {"A": bern(rng, 0.5, 3000), "B": bern(rng, 0.56, 3000), "C": bern(rng, 0.6, 3000)}})
    rng = np.random.RandomState(1304)
    cs.analysis("decision-all-worse", "both treatments worse: rollback", spec("decision-worse", abc, [binm("success")]),
                {"success": {"A": bern(rng, 0.6, 3000), "B": bern(rng, 0.5, 3000), "C": bern(rng, 0.52, 3000)}})
    rng = np.random.RandomState(1305)
    cs.analysis("decision-one-worse", "one worse, one neutral: continue", spec("decision-mixed", abc,
                                                                             [binm("success")]),
                {"success": {"A": bern(rng, 0.6, 3000), "B": bern(rng, 0.5, 3000), "C": bern(rng, 0.6, 3000)}})
    rng = np.random.RandomState(1306)
    cs.analysis("decision-secondary-ignored", "a secondary metric regresses: continue",
                spec("decision-secondary", ab, [binm("success"), cont("cost", role="secondary")]),
                {"success": {"A": bern(rng, 0.9, 1000), "B": bern(rng, 0.9, 1000)},
                 "cost": {"A": rng.normal(1, 0.1, 1000), "B": rng.normal(1.5, 0.1, 1000)}})
    rng = np.random.RandomState(1307)
    cs.analysis("decision-guardrail-higher", "accuracy guardrail (higher is better) drops",
                spec("decision-accuracy", ab, [cont("response_time"),
                                                cont("accuracy", "higher_is_better", "guardrail", 0.02)]),
                {"response_time": {"A": rng.normal(100, 10, 800), "B": rng.normal(100, 10, 800)},
                 "accuracy": {"A": rng.beta(8, 2, 800), "B": rng.beta(6, 3, 800)}})
    # 12. numerics: large magnitudes, negative values, settings
    rng = np.random.RandomState(1400)
    cs.analysis("numerics-large", "latencies near 1e6 with a spread of 1", spec("numerics-large", ab, [rt]),
                {"response_time": {"A": 1e6 + rng.normal(0, 1, 1000), "B": 1e6 + rng.normal(0.1, 1, 1000)}},
                digits=13)
    cs.analysis("numerics-negative", "values of both signs", spec("numerics-negative", ab, [cont("delta")]),
                {"delta": {"A": rng.normal(-0.5, 2, 700), "B": rng.normal(-0.2, 2, 700)}})
    for i, (alpha, tau) in enumerate([(0.01, 0.2), (0.1, 0.2), (0.05, 0.5), (0.05, 1.0), (0.2, 0.05)]):
        rng = np.random.RandomState(1500 + i)
        cs.analysis("settings-%02d" % i, "alpha=%s tau=%s" % (alpha, tau),
                    spec("settings-%d" % i, ab, [rt, binm("success", role="guardrail")], alpha=alpha,
                         sequential={"method": "msprt", "tau": tau}, minSamplesPerVariant=200),
                    {"response_time": {"A": rng.normal(100, 20, 900), "B": rng.normal(97, 20, 900)},
                     "success": {"A": bern(rng, 0.8, 900), "B": bern(rng, 0.77, 900)}})
    # 13. broad random sweep: mixed shapes and sizes
    for i in range(20):
        rng = np.random.RandomState(2000 + i)
        k = int(rng.choice([2, 2, 3, 4]))
        arms = [(chr(65 + j), int(rng.randint(1, 5))) for j in range(k)]
        if i % 2 == 0:  # sizes that follow the weights: the decision gets past the SRM check
            base = int(rng.choice([15, 60, 300]))
            n = [w * base for _, w in arms]
        else:  # arbitrary sizes: mostly a sample ratio mismatch
            n = [int(rng.choice([3, 25, 180, 700, 2500])) for _ in range(k)]
        metrics = [cont("latency"), binm("ok"), cont("score", "higher_is_better", "guardrail", 0.05)]
        obs = {"latency": {}, "ok": {}, "score": {}}
        for j, (key, _) in enumerate(arms):
            obs["latency"][key] = rng.gamma(2.0 + 0.2 * j * rng.rand(), 50, n[j])
            obs["ok"][key] = bern(rng, 0.7 + 0.05 * rng.rand(), n[j])
            obs["score"][key] = np.round(rng.normal(3, 1, n[j]))
        cs.analysis("sweep-%02d" % i, "random A/B/n shape %d arms sizes %s" % (k, n),
                    spec("sweep-%d" % i, arms, metrics, minSamplesPerVariant=20), obs)

    # sample sizes
    reqs = [
        {"kind": "binary", "baseline": 0.10, "mde": 0.02, "mdeType": "absolute", "alpha": 0.05, "power": 0.8,
         "comparisons": 1},
        {"kind": "binary", "baseline": 0.10, "mde": 0.02, "mdeType": "absolute"},
        {"kind": "binary", "baseline": 0.5, "mde": 0.05, "mdeType": "relative"},
        {"kind": "binary", "baseline": 0.9, "mde": -0.03, "mdeType": "absolute", "power": 0.9},
        {"kind": "binary", "baseline": 0.01, "mde": 0.5, "mdeType": "relative", "comparisons": 3},
        {"kind": "binary", "baseline": 0.3, "mde": 0.1, "mdeType": "absolute", "alpha": 0.01, "power": 0.95},
        {"kind": "binary", "baseline": 0.02, "mde": 0.001, "mdeType": "absolute"},
        {"kind": "continuous", "baseline": 200, "mde": 10, "mdeType": "absolute", "stddev": 50},
        {"kind": "continuous", "baseline": 200, "mde": 0.05, "mdeType": "relative", "stddev": 50},
        {"kind": "continuous", "baseline": 1, "mde": -0.1, "mdeType": "absolute", "stddev": 0.3, "comparisons": 2},
        {"kind": "continuous", "baseline": 0, "mde": 1.5, "mdeType": "absolute", "stddev": 4, "alpha": 0.1,
         "power": 0.7},
        {"kind": "continuous", "baseline": 120, "mde": 0.01, "mdeType": "relative", "stddev": 80, "comparisons": 4},
    ]
    for i, req in enumerate(reqs):
        cs.sample_size("sample-size-%02d" % i, req)
    return cs


# ---------------------------------------------------------------- R cross-check (optional)


def check_r(cases):
    """Compares Welch, Mann-Whitney and power.prop.test with R; prints the worst relative differences."""
    rows, sizes = [], []
    for line in cases.lines:
        if line["type"] == "sample_size":
            if line["request"]["kind"] == "binary":
                sizes.append(line)
            continue
        spec_, obs = line["experiment"], line["observations"]
        for metric in line["expected"]["metrics"]:
            if metric["kind"] != "continuous":
                continue
            for c in metric["comparisons"]:
                if c["mannWhitney"] and c["mannWhitney"]["pValue"] is not None:
                    rows.append((obs[metric["name"]][c["control"]], obs[metric["name"]][c["treatment"]], c))
    with tempfile.TemporaryDirectory() as tmp:
        script = ["res <- c()"]
        for i, (c, t, _) in enumerate(rows):
            for side, xs in (("c", c), ("t", t)):
                with open(os.path.join(tmp, "%s%d.txt" % (side, i)), "w") as f:
                    f.write("\n".join(repr(x) for x in xs))
            script.append('c <- scan("%s/c%d.txt", quiet=TRUE); t <- scan("%s/t%d.txt", quiet=TRUE)' %
                          (tmp, i, tmp, i))
            script.append("w <- suppressWarnings(wilcox.test(t, c, exact=FALSE, correct=TRUE))")
            script.append("tt <- if (length(c) > 1 && length(t) > 1 && (var(c) > 0 || var(t) > 0)) "
                          "t.test(t, c, var.equal=FALSE) else list(statistic=NA, p.value=NA, parameter=NA)")
            script.append("res <- rbind(res, c(w$statistic, w$p.value, tt$statistic, tt$p.value, tt$parameter))")
        for line in sizes:
            r = line["request"]
            delta = r["mde"] * r["baseline"] if r["mdeType"] == "relative" else r["mde"]
            m = r.get("comparisons", 1)
            script.append("res <- rbind(res, c(power.prop.test(p1=%r, p2=%r, sig.level=%r, power=%r)$n, 0, 0, 0, 0))"
                          % (r["baseline"], r["baseline"] + delta, r.get("alpha", 0.05) / m, r.get("power", 0.8)))
        script.append('write.table(format(res, digits=17), "%s/out.txt", row.names=FALSE, col.names=FALSE, '
                      'quote=FALSE)' % tmp)
        with open(os.path.join(tmp, "check.R"), "w") as f:
            f.write("\n".join(script))
        subprocess.run(["Rscript", os.path.join(tmp, "check.R")], check=True)
        with open(os.path.join(tmp, "out.txt")) as f:
            out = [[float("nan") if x == "NA" else float(x) for x in line.split()] for line in f]
    worst = {"mw u": 0, "mw p": 0, "welch t": 0, "welch p": 0, "welch df": 0, "power.prop.test n": 0}

    def rel(a, b):
        return abs(a - b) / max(abs(a), abs(b), 1e-300)

    for (_, _, c), r in zip(rows, out):
        worst["mw u"] = max(worst["mw u"], rel(c["mannWhitney"]["u"], r[0]))
        worst["mw p"] = max(worst["mw p"], rel(c["mannWhitney"]["pValue"], r[1]))
        if c["welch"] is not None:
            worst["welch t"] = max(worst["welch t"], rel(c["welch"]["t"], r[2]))
            worst["welch p"] = max(worst["welch p"], rel(c["welch"]["pValue"], r[3]))
            worst["welch df"] = max(worst["welch df"], rel(c["welch"]["df"], r[4]))
    for line, r in zip(sizes, out[len(rows):]):
        worst["power.prop.test n"] = max(worst["power.prop.test n"], rel(line["expected"]["perVariantExact"], r[0]))
    print("R cross-check over %d comparisons and %d sample sizes, worst relative difference:" % (len(rows), len(sizes)))
    for k, v in worst.items():
        print("  %-18s %.2e" % (k, v))
    assert all(v < 1e-6 for v in worst.values()), worst


def main():
    # scipy warns about "catastrophic cancellation" for arms whose values are all equal (variance exactly 0):
    # those comparisons are mapped to null by the spec anyway.
    warnings.filterwarnings("ignore", message="Precision loss occurred in moment calculation")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check-r", action="store_true", help="compare with R (needs Rscript)")
    args = parser.parse_args()
    cases = build()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write(json.dumps({"id": "_meta", "type": "meta", "generator": "src/test/python/abtest_reference.py",
                            "scipy": scipy.__version__, "numpy": np.__version__}) + "\n")
        for line in cases.lines:
            f.write(json.dumps(line, allow_nan=False, separators=(",", ":")) + "\n")
    analyses = sum(1 for x in cases.lines if x["type"] == "analysis")
    print("wrote %d analyses and %d sample sizes to %s" % (analyses, len(cases.lines) - analyses,
                                                           os.path.normpath(OUT)))
    if args.check_r:
        check_r(cases)


if __name__ == "__main__":
    sys.exit(main())
