/// Numbers as each language writes them: `1,234` (en, ja), `1 234` (fr), `1.234` (de,
/// pt-BR), and `12.345` from five digits in Italian and Spanish, which leave `1234` ungrouped
/// (CLDR's minimum grouping digits, as ICU writes them here); decimals with the language's
/// own separator (`1.5`, `1,5`).
///
/// French groups with a plain space rather than CLDR's narrow no-break space (U+202F): in a
/// terminal every cell is as wide as any other, so the narrow space is not narrower; many
/// monospace fonts lack its glyph, and a number copied from the terminal into a shell, a
/// spreadsheet or a search box should hold only characters those read as a space.
public enum NumberText {
    public static func grouped(_ number: Int, in language: Language) -> String {
        let digits = String(number.magnitude)
        let separator = groupSeparator(language)
        // Italian and Spanish (minimum grouping digits 2) write 1234 but 12.345.
        let groups = !([.italian, .spanish].contains(language) && digits.count <= 4)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if groups && index > 0 && (digits.count - index) % 3 == 0 { result.append(separator) }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    /// `whole` and one decimal digit: `1.5` in English, `1,5` in French.
    public static func oneDecimal(_ whole: Int, tenth: Int, in language: Language) -> String {
        "\(grouped(whole, in: language))\(decimalSeparator(language))\(tenth)"
    }

    public static func groupSeparator(_ language: Language) -> Character {
        switch language {
        case .english, .japanese: ","
        case .french: " "
        case .german, .italian, .spanish, .brazilianPortuguese: "."
        }
    }

    public static func decimalSeparator(_ language: Language) -> Character {
        switch language {
        case .english, .japanese: "."
        case .french, .german, .italian, .spanish, .brazilianPortuguese: ","
        }
    }
}

/// Sizes of files: `512 B`, `12 KB`, `1.5 MB`; French counts octets (`512 o`, `12 Ko`,
/// `1,5 Mo`). Powers of 1024, as attachments' limits are given.
public enum ByteSize {
    public static func text(_ bytes: Int64, in language: Language) -> String {
        let units = language == .french ? ("o", "Ko", "Mo") : ("B", "KB", "MB")
        if bytes < 1024 { return "\(bytes) \(units.0)" }
        if bytes < 1024 * 1024 { return "\(NumberText.grouped(Int(bytes / 1024), in: language)) \(units.1)" }
        // One decimal, rounded to nearest as `%.1f` did.
        let tenths = Int((Double(bytes) / 1_048_576 * 10).rounded())
        return "\(NumberText.oneDecimal(tenths / 10, tenth: tenths % 10, in: language)) \(units.2)"
    }
}

/// Counts in as few columns as still read right: `999`, `12.3k`, `999.9k`, `1M`, `1.2M`, `12M`
/// (`12,3k` with a decimal comma); Japanese counts in 万 (ten thousand) and 億 (10⁸): `1.2万`,
/// `999.9万`, `1億`. Rounded down, so a compact count never claims more than there is.
public enum CompactCount {
    public static func text(_ value: Int, in language: Language = .english) -> String {
        if value < 10_000 { return String(value) }
        if language == .japanese {
            if value < 100_000_000 { return scaled(value, by: 10_000, suffix: "万", language) }
            return scaled(value, by: 100_000_000, suffix: "億", language)
        }
        if value < 1_000_000 { return scaled(value, by: 1_000, suffix: "k", language) }
        return scaled(value, by: 1_000_000, suffix: "M", language)
    }

    /// One decimal below 100 units (`12.3k`, `1.2M`), none above or when it is 0.
    private static func scaled(_ value: Int, by unit: Int, suffix: String, _ language: Language) -> String {
        let whole = value / unit
        let tenth = (value % unit) / (unit / 10)
        // The whole part is never grouped: `1234M` stays one short word.
        return whole >= 100 || tenth == 0 ? "\(whole)\(suffix)" : "\(whole)\(NumberText.decimalSeparator(language))\(tenth)\(suffix)"
    }
}
