import Experiments

// The built-in Donchian breakout (Sources/Engine/Strategies/BuiltIn/DonchianBreakout.swift),
// run on the config beside this file; the risk rules in experiment.yaml do the rest.
Experiment.main(DonchianBreakout.self)
