/// Counts in as few columns as still read right: `999`, `12.3k`, `999.9k`, `1M`, `1.2M`, `12M`.
/// Rounded down, so a compact count never claims more than there is.
enum CompactCount {
    static func text(_ value: Int) -> String {
        if value < 10_000 { return String(value) }
        if value < 1_000_000 { return scaled(value, by: 1_000, suffix: "k") }
        return scaled(value, by: 1_000_000, suffix: "M")
    }

    /// One decimal below 100 units (`12.3k`, `1.2M`), none above or when it is 0.
    private static func scaled(_ value: Int, by unit: Int, suffix: String) -> String {
        let whole = value / unit
        let tenth = (value % unit) / (unit / 10)
        return whole >= 100 || tenth == 0 ? "\(whole)\(suffix)" : "\(whole).\(tenth)\(suffix)"
    }
}
