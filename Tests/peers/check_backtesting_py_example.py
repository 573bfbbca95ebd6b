"""backtesting.py's own example, reproduced by QuantBT to the cent.

Runs backtesting.py's SmaCross (its test module's: fast 10, slow 30, long and short) on its
GOOG daily fixture with 10,000 cash and no commission, then QuantBT's built-in
sma-crossover on the same bars with metrics.profile: backtesting.py and that library's
sizing (whole units of all equity, marked at the fill's open: execution.target_units: whole,
params.size = 1 - 2^-52, its _FULL_EQUITY). Both with the open trade
left open at the end (finalize_trades=False, its default) and closed at the last bar's open
(finalize_trades=True; QuantBT: a forced exit at the last bar). Checks the number of trades,
every trade's size and prices, the final equity to the cent and the Sharpe ratio to 1e-6.

Usage: check_backtesting_py_example.py QUANTBT WORKDIR   (run by Tests/peers/check-profiles.sh)
"""
import json
import subprocess
import sys
import warnings

warnings.filterwarnings("ignore")
import pandas as pd  # noqa: E402
from backtesting import Backtest, Strategy  # noqa: E402
from backtesting.lib import crossover  # noqa: E402
from backtesting.test import GOOG, SMA  # noqa: E402


class SmaCross(Strategy):  # backtesting/test/_test.py, as the library ships it
    fast = 10
    slow = 30

    def init(self):
        self.sma1 = self.I(SMA, self.data.Close, self.fast)
        self.sma2 = self.I(SMA, self.data.Close, self.slow)

    def next(self):
        if crossover(self.sma1, self.sma2):
            self.position.close()
            self.buy()
        elif crossover(self.sma2, self.sma1):
            self.position.close()
            self.sell()


def quantbt(binary, work, csv, finalize):
    name = "finalized" if finalize else "open-at-end"
    sets = ["params.fast=10", "params.slow=30", "params.direction=long_short", "params.size=0.9999999999999998",
            "capital=10000", "costs.commission=0", "execution.target_units=whole",
            "metrics.profile=backtesting.py", "output.equity_every=bar"]
    if finalize:
        sets.append(f"execution.forced_exits=[{GOOG.index[-1].date()}]")
    args = [binary, "backtest", "--strategy", "sma-crossover", "--data", csv, "--symbols", "GOOG", "--json",
            "--artifacts", f"{work}/{name}", "--store", f"{work}/runs.sqlite"]
    for s in sets:
        args += ["--set", s]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    folder = json.loads(out)["run_dir"]
    return json.load(open(f"{folder}/metrics.json"))["metrics"], pd.read_csv(f"{folder}/trades.csv")


def main():
    binary, work = sys.argv[1], sys.argv[2]
    csv = f"{work}/GOOG.csv"
    bars = GOOG.rename(columns=str.lower)
    bars.index = bars.index.strftime("%Y-%m-%dT00:00:00Z")
    bars.to_csv(csv, index_label="timestamp")
    failures = []
    for finalize in (False, True):
        theirs = Backtest(GOOG, SmaCross, cash=10_000, commission=0, finalize_trades=finalize).run()
        ours, trades = quantbt(binary, work, csv, finalize)
        label = f"finalize_trades={finalize}"
        if ours["trades"] != theirs["# Trades"]:
            failures.append(f"{label}: trades: quantbt {ours['trades']}, backtesting.py {theirs['# Trades']}")
        if abs(ours["final_equity"] - theirs["Equity Final [$]"]) >= 0.005:
            failures.append(f"{label}: final equity: quantbt {ours['final_equity']!r}, backtesting.py {theirs['Equity Final [$]']!r}")
        if abs(ours["sharpe"] - theirs["Sharpe Ratio"]) > 1e-6:
            failures.append(f"{label}: sharpe: quantbt {ours['sharpe']!r}, backtesting.py {theirs['Sharpe Ratio']!r}")
        peer = theirs._trades
        for i, (a, b) in enumerate(zip(trades.itertuples(), peer.itertuples())):
            size = a.quantity if a.direction == "long" else -a.quantity
            if (size, a.entry_price, a.exit_price) != (b.Size, b.EntryPrice, b.ExitPrice):
                failures.append(f"{label}: trade {i + 1}: quantbt {size:g} at {a.entry_price} to {a.exit_price}, "
                                f"backtesting.py {b.Size} at {b.EntryPrice} to {b.ExitPrice}")
                break
        print(f"backtesting.py SmaCross on GOOG, {label}: {ours['trades']} trades, final equity {ours['final_equity']:.2f} "
              f"(theirs {theirs['Equity Final [$]']:.2f}), sharpe {ours['sharpe']:.9f} (theirs {theirs['Sharpe Ratio']:.9f})")
    for f in failures:
        print("MISMATCH " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
