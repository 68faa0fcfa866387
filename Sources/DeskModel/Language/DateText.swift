import Foundation

/// A moment to the minute, in UTC like every time the desk shows, as each language writes a
/// medium date and a short time (CLDR's patterns, written out here: Foundation's locale data
/// on Linux is not something the screens' tests should depend on, and a formatter per
/// message made long threads slow — see `UTCMinute`):
///
///     en  2026-12-03 14:05          (the desk's historical form, unchanged)
///     fr  3 déc. 2026 14:05
///     de  3. Dez. 2026, 14:05
///     it  3 dic 2026, 14:05
///     es  3 dic 2026, 14:05
///     pt-BR  3 de dez. de 2026 14:05
///     ja  2026年12月3日 14:05
public enum DateText {
    public static func minute(_ date: Date, in language: Language) -> String {
        let parts = UTCParts(date)
        let time = "\(two(parts.hour)):\(two(parts.minute))"
        let month = monthAbbreviations(language)[parts.month - 1]
        switch language {
        case .english: return "\(parts.year)-\(two(parts.month))-\(two(parts.day)) \(time)"
        case .french: return "\(parts.day) \(month) \(parts.year) \(time)"
        case .german: return "\(parts.day). \(month) \(parts.year), \(time)"
        case .italian, .spanish: return "\(parts.day) \(month) \(parts.year), \(time)"
        case .brazilianPortuguese: return "\(parts.day) de \(month) de \(parts.year) \(time)"
        case .japanese: return "\(parts.year)年\(parts.month)月\(parts.day)日 \(time)"
        }
    }

    /// CLDR's abbreviated month names (format context); Japanese months are numbers.
    static func monthAbbreviations(_ language: Language) -> [String] {
        switch language {
        case .english: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        case .french: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
        case .german: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]
        case .italian: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
        case .spanish: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"]
        case .brazilianPortuguese: ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."]
        case .japanese: (1...12).map { "\($0)月" }
        }
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A moment's calendar fields in UTC, read with gmtime_r (no formatter, no locale).
struct UTCParts {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int

    init(_ date: Date) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        (year, month, day) = (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
        (hour, minute) = (Int(parts.tm_hour), Int(parts.tm_min))
    }
}
