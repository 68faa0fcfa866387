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
}
