import Foundation

/// A first-response and a resolution target, in working minutes of the desk's calendar.
public struct ServiceTarget: Equatable, Codable, Sendable {
    public var firstResponse: Int
    public var resolution: Int

    public init(firstResponse: Int, resolution: Int) {
        self.firstResponse = firstResponse
        self.resolution = resolution
    }

    /// Hours, as the defaults and `deskterm sla set` write them.
    public static func hours(_ firstResponse: Int, _ resolution: Int) -> ServiceTarget {
        ServiceTarget(firstResponse: firstResponse * 60, resolution: resolution * 60)
    }
}

/// The desk's service levels: a target per support tier and urgency, and the calendar they
/// count in. Stored as one JSON document among the desk's settings (`desk_setting`
/// `service_levels`), so a copy of the desk carries it.
public struct ServiceLevels: Equatable, Codable, Sendable {
    public var calendar: BusinessCalendar
    /// By tier raw value, then urgency raw value.
    public var targets: [String: [String: ServiceTarget]]

    public init(calendar: BusinessCalendar = .standard, targets: [String: [String: ServiceTarget]] = ServiceLevels.defaultTargets) {
        self.calendar = calendar
        self.targets = targets
    }

    public static let settingKey = "service_levels"

    /// Working hours (first response / resolution), documented in the README:
    ///
    /// | tier | critical | serious | low | none |
    /// |---|---|---|---|---|
    /// | premium | 1 / 8 | 2 / 16 | 4 / 40 | 8 / 80 |
    /// | priority | 2 / 16 | 4 / 24 | 8 / 56 | 16 / 120 |
    /// | standard | 4 / 24 | 8 / 40 | 16 / 80 | 24 / 160 |
    public static let defaultTargets: [String: [String: ServiceTarget]] = [
        SupportTier.premium.rawValue: row(.hours(1, 8), .hours(2, 16), .hours(4, 40), .hours(8, 80)),
        SupportTier.priority.rawValue: row(.hours(2, 16), .hours(4, 24), .hours(8, 56), .hours(16, 120)),
        SupportTier.standard.rawValue: row(.hours(4, 24), .hours(8, 40), .hours(16, 80), .hours(24, 160)),
    ]

    private static func row(_ critical: ServiceTarget, _ serious: ServiceTarget, _ low: ServiceTarget, _ none: ServiceTarget) -> [String: ServiceTarget] {
        [Urgency.critical.rawValue: critical, Urgency.serious.rawValue: serious, Urgency.low.rawValue: low, Urgency.none.rawValue: none]
    }

    public static let standard = ServiceLevels()

    /// The target of a tier (standard for tickets without an organisation) and urgency.
    public func target(tier: SupportTier?, urgency: Urgency) -> ServiceTarget {
        let tier = tier ?? .standard
        return targets[tier.rawValue]?[urgency.rawValue]
            ?? Self.defaultTargets[tier.rawValue]![urgency.rawValue]!
    }

    public mutating func setTarget(_ target: ServiceTarget, tier: SupportTier, urgency: Urgency) {
        targets[tier.rawValue, default: [:]][urgency.rawValue] = target
    }

    public var document: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The stored document, or the defaults when there is none or it cannot be read.
    public init(document: String?) {
        self = document.flatMap { try? JSONDecoder().decode(ServiceLevels.self, from: Data($0.utf8)) } ?? .standard
    }
}
