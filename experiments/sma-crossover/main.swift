import Experiments

// The built-in SMA crossover (Sources/Engine/Strategies/BuiltIn/SMACrossover.swift),
// run on the config beside this file.
Experiment.main(SMACrossover.self)
