"""Cross-check of metrics.profile against the libraries it names (empyrical-reloaded,
quantstats, backtesting.py).

For every run folder given, reads equity.csv (every bar) and metrics.json, recomputes the
profile's metrics with the peer library on the equity curve's pct_change, and compares:
equal to 1e-9 relative (1e-12 absolute near zero), or it names the metric, the profile and
both values. Exit status 1 when any differs.

Usage: check_profiles.py RUN-FOLDER...   (run by Tests/peers/check-profiles.sh)
"""
import json
import math
import sys
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
import empyrical as ep  # noqa: E402
import quantstats as qs  # noqa: E402
from backtesting._stats import compute_stats  # noqa: E402


def backtesting_py_metrics(folder, equity, rf):
    """backtesting.py's own compute_stats on our equity at every bar and our closed trades."""
    trades = pd.read_csv(f"{folder}/trades.csv")
    trades_df = pd.DataFrame({
        "PnL": trades["pnl"], "ReturnPct": trades["return"], "EntryBar": 0, "ExitBar": 0,
        "Duration": pd.to_datetime(trades["exit_time"]) - pd.to_datetime(trades["entry_time"]),
    })
    ohlc = pd.DataFrame({"Close": equity.values}, index=equity.index)
    s = compute_stats(trades=trades_df, equity=equity.values, ohlc_data=ohlc, strategy_instance=None, risk_free_rate=rf)
    return {
        "sharpe": s["Sharpe Ratio"],
        "sortino": s["Sortino Ratio"],
        "annual_volatility": s["Volatility (Ann.) [%]"] / 100,
        "cagr": s["CAGR [%]"] / 100,
        "max_drawdown": -s["Max. Drawdown [%]"] / 100,
        "calmar": s["Calmar Ratio"],
        "win_rate": s["Win Rate [%]"] / 100,
    }


def peer_metrics(profile, r, periods, rf):
    if profile == "empyrical":
        per = rf / periods
        return {
            "sharpe": ep.sharpe_ratio(r, risk_free=per, annualization=periods),
            "sortino": ep.sortino_ratio(r, required_return=per, annualization=periods),
            "annual_volatility": ep.annual_volatility(r, annualization=periods),
            "cagr": ep.annual_return(r, annualization=periods),
            "max_drawdown": -ep.max_drawdown(r),
            "calmar": ep.calmar_ratio(r, annualization=periods),
        }
    return {
        "sharpe": qs.stats.sharpe(r, rf=rf, periods=periods),
        "sortino": qs.stats.sortino(r, rf=rf, periods=periods),
        "annual_volatility": qs.stats.volatility(r, periods=periods),
        "cagr": qs.stats.cagr(r, periods=periods),
        "max_drawdown": -qs.stats.max_drawdown(r),
        "calmar": qs.stats.calmar(r, periods=periods),
        "win_rate": qs.stats.win_rate(r),
    }


def defined(x):
    return x is not None and not (isinstance(x, float) and (math.isnan(x) or math.isinf(x)))


def main():
    failures, checked = [], 0
    for folder in sys.argv[1:]:
        doc = json.load(open(f"{folder}/metrics.json"))
        conventions, ours = doc["conventions"], doc["metrics"]
        profile = conventions["profile"].split(" ")[0].rstrip(":")
        periods, rf = conventions["periods_per_year"], conventions["risk_free_rate"]
        equity = pd.read_csv(f"{folder}/equity.csv", index_col="timestamp", parse_dates=True)["equity"]
        r = equity.pct_change().dropna()
        theirs_all = backtesting_py_metrics(folder, equity, rf) if profile == "backtesting.py" else peer_metrics(profile, r, periods, rf)
        for key, theirs in theirs_all.items():
            mine = ours[key]
            checked += 1
            if not defined(theirs) and mine is None:
                continue
            if not defined(theirs) or mine is None or abs(mine - theirs) > max(1e-9 * abs(theirs), 1e-12):
                failures.append(f"{folder}: {profile} {key}: quantbt {mine!r}, {profile} {theirs!r}")
        print(f"{folder}: {profile}, {len(r)} returns at {periods:g} a year: checked")
    for f in failures:
        print("MISMATCH " + f)
    print(f"{checked} values compared, {len(failures)} differ")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
