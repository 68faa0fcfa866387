import Foundation

/// "2024-05-30 10:00", in UTC: how the desk writes a time for people (the detail pane, quotes).
/// Built with gmtime_r: a DateFormatter per message made laying out a long thread ten times slower.
/// Other languages' forms: `DateText`.
public enum UTCMinute {
    public static func text(_ date: Date) -> String { DateText.minute(date, in: .english) }
}
