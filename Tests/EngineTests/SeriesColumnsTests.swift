import Testing
@testable import Engine
import Model

/// The loop reads bars through pointers to the columns (`SeriesColumns`): a series whose
/// columns differ in length stops the run with its name, rather than being read past the
/// end of its short column.
@Test func aSeriesWithColumnsOfDifferentLengthsStopsTheRun() async {
    await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        var series = timedBars("SHORT", [(60_000, 10, 11, 9, 10), (120_000, 10, 11, 9, 10)])
        series.volume.removeLast()
        _ = run([series], BacktestConfig(capital: 1_000), [:])
    }.map { result in
        let text = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(text.contains("series SHORT: its times, open, high, low, close and volume columns must have the same length"))
    }
}
