import Testing
@testable import Engine

/// The merged clock of a run: one step per moment at which any symbol has a bar.
struct TimelineTests {
    @Test func oneSharedClockIsThatClock() {
        let clock: [Int64] = [60, 120, 180, 240]
        #expect(Timeline([clock, clock, clock]).times == clock)
        #expect(Timeline([clock, clock, clock]).shared)
        #expect(Timeline([clock]).times == clock)
        #expect(Timeline([clock]).shared)
    }

    @Test func differentClocksMergeIntoTheirSortedUnion() {
        // A gap in one symbol, a late start in another, a bar only the third has.
        let a: [Int64] = [60, 120, 240]
        let b: [Int64] = [120, 180, 240]
        let c: [Int64] = [60, 120, 180, 240, 300]
        #expect(Timeline([a, b, c]).times == [60, 120, 180, 240, 300])
        #expect(!Timeline([a, b, c]).shared)
        #expect(Timeline([a, b]).times == [60, 120, 180, 240])
        // Clocks that agree on length but not on values are merged, not taken as one.
        #expect(Timeline([[60, 180], [60, 120]]).times == [60, 120, 180])
        #expect(!Timeline([[60, 180], [60, 120]]).shared)
    }

    @Test func noColumnsOrEmptyColumnsGiveNoSteps() {
        #expect(Timeline([]).times.isEmpty)
        #expect(Timeline([[], []]).times.isEmpty)
        #expect(Timeline([[], [60]]).times == [60])
    }
}
