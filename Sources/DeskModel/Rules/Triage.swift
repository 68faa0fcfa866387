import Foundation

/// The agents' triage order.
///
/// A ticket's triage key is its arrival time in seconds, moved earlier by a head start for
/// its urgency and for its organisation's support tier:
///
///     key = createdAt - urgencyHeadStart - tierHeadStart
///
/// with urgency none 0 h, low 4 h, serious 24 h, critical 72 h, and tier standard 0 h,
/// priority 8 h, premium 24 h. Lower keys come first. So a critical ticket from a premium
/// customer is treated as if it had arrived four days earlier: it goes ahead of everything
/// except older critical work, while an old low-urgency ticket still rises with time and is
/// never starved. Ties are broken by ticket id, like every order in the desk.
public enum Triage {
    public static func urgencyHeadStart(_ urgency: Urgency) -> Int64 {
        switch urgency {
        case .none: 0
        case .low: 4 * 3600
        case .serious: 24 * 3600
        case .critical: 72 * 3600
        }
    }

    public static func tierHeadStart(_ tier: SupportTier?) -> Int64 {
        switch tier {
        case .none, .standard?: 0
        case .priority?: 8 * 3600
        case .premium?: 24 * 3600
        }
    }

    public static func key(createdAt: Date, urgency: Urgency, tier: SupportTier?) -> Int64 {
        Int64(createdAt.timeIntervalSince1970.rounded(.down)) - urgencyHeadStart(urgency) - tierHeadStart(tier)
    }

    /// With a running service-level clock the key is also at most the next due time minus the
    /// critical head start: a ticket due at D ranks no lower than a critical ticket of the
    /// standard tier arriving at D. A stopped or finished clock leaves the base key.
    public static func key(createdAt: Date, urgency: Urgency, tier: SupportTier?, due: TicketDue) -> Int64 {
        let base = key(createdAt: createdAt, urgency: urgency, tier: tier)
        guard let next = due.next else { return base }
        return min(base, Int64(next.timeIntervalSince1970.rounded(.down)) - urgencyHeadStart(.critical))
    }
}
