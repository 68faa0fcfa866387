import Foundation

/// How long ago something happened, in two forms per language:
/// - `compact`, for the lists' narrow age column: `now` `5m` `3h` `2d` `7w` `1y` in English,
///   `3 h` `2 j` in French, `3 Std.` in German, `3時間` in Japanese;
/// - `phrase`, where there is room for words: `3h ago`, `il y a 3 h`, `vor 3 Std.`, `3時間前`.
/// Minutes below an hour, hours below a day, days below two weeks, weeks below a year, then
/// years; always rounded down.
public enum RelativeAge {
    public enum Unit: CaseIterable, Sendable {
        case now, minutes, hours, days, weeks, years
    }

    /// The unit and count an age is told in.
    public static func amount(_ date: Date, now: Date) -> (unit: Unit, count: Int) {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<60: return (.now, 0)
        case ..<3600: return (.minutes, seconds / 60)
        case ..<86_400: return (.hours, seconds / 3600)
        case ..<(86_400 * 14): return (.days, seconds / 86_400)
        case ..<(86_400 * 365): return (.weeks, seconds / (86_400 * 7))
        default: return (.years, seconds / (86_400 * 365))
        }
    }

    public static func since(_ date: Date, now: Date, in language: Language = .english) -> String {
        let (unit, count) = amount(date, now: now)
        return compact(unit, count, in: language)
    }

    public static func phrase(_ date: Date, now: Date, in language: Language) -> String {
        let (unit, count) = amount(date, now: now)
        return phrase(unit, count, in: language)
    }

    public static func compact(_ unit: Unit, _ count: Int, in language: Language) -> String {
        let one = language.pluralForm(for: count) == .one
        switch language {
        case .english:
            return unit == .now ? "now" : "\(count)\(["m", "h", "d", "w", "y"][index(unit)])"
        case .french:
            return unit == .now ? "< 1 min" : "\(count) \(["min", "h", "j", "sem.", one ? "an" : "ans"][index(unit)])"
        case .german:
            return unit == .now ? "jetzt" : "\(count) \(["Min.", "Std.", "Tg.", "Wo.", "J."][index(unit)])"
        case .italian:
            return unit == .now ? "ora" : "\(count) \(["min", "h", "g", "sett.", one ? "anno" : "anni"][index(unit)])"
        case .spanish:
            return unit == .now ? "ahora" : "\(count) \(["min", "h", "d", "sem.", one ? "año" : "años"][index(unit)])"
        case .brazilianPortuguese:
            return unit == .now ? "agora" : "\(count) \(["min", "h", "d", "sem.", one ? "ano" : "anos"][index(unit)])"
        case .japanese:
            return unit == .now ? "今" : "\(count)\(["分", "時間", "日", "週", "年"][index(unit)])"
        }
    }

    public static func phrase(_ unit: Unit, _ count: Int, in language: Language) -> String {
        let amount = compact(unit, count, in: language)
        switch language {
        case .english: return unit == .now ? "just now" : "\(amount) ago"
        case .french: return unit == .now ? "à l’instant" : "il y a \(amount)"
        case .german: return unit == .now ? "gerade eben" : "vor \(amount)"
        case .italian: return unit == .now ? "adesso" : "\(amount) fa"
        case .spanish: return unit == .now ? "ahora mismo" : "hace \(amount)"
        case .brazilianPortuguese: return unit == .now ? "agora mesmo" : "há \(amount)"
        // 週 alone reads as "the week of"; an elapsed number of weeks is 週間.
        case .japanese: return unit == .now ? "たった今" : "\(count)\(["分", "時間", "日", "週間", "年"][index(unit)])前"
        }
    }

    /// The widest compact age this language writes, in columns (`DisplayWidth`): the lists'
    /// age column is made this wide. Counts are at most 59 minutes, 23 hours, 13 days and 52
    /// weeks; years are taken up to 99.
    public static func widestCompact(in language: Language) -> Int {
        let samples: [(Unit, Int)] = [(.now, 0), (.minutes, 59), (.hours, 23), (.days, 13), (.weeks, 52), (.years, 99), (.years, 1)]
        return samples.map { DisplayWidth.of(compact($0.0, $0.1, in: language)) }.max() ?? 0
    }

    private static func index(_ unit: Unit) -> Int {
        switch unit {
        case .now, .minutes: 0
        case .hours: 1
        case .days: 2
        case .weeks: 3
        case .years: 4
        }
    }
}
