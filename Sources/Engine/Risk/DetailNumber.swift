/// Numbers in rejection and event details: two decimals at most, whole numbers bare
/// ("12.5", "100"), so a reader (and a word-for-word test) sees stable text.
func detailNumber(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    return r == r.rounded() && abs(r) < 1e15 ? String(Int64(r)) : String(r)
}

/// A fraction as a percentage: 0.0312 → "3.12%".
func detailPercent(_ fraction: Double) -> String { detailNumber(fraction * 100) + "%" }
