import DeskModel
import Foundation

/// `deskterm org set NAME --tier TIER`: the new tier, and how many open tickets' clocks moved
/// with it (the rule is `TierChange`'s).
enum OrgTierChange {
    static func run(_ global: GlobalOptions, name: String, tier: SupportTier) throws(DeskError) {
        let store = try global.openStore()
        guard let desk = store as? Desk else { throw .cli("this desk has no service levels") }
        let viewer = global.userHandle == nil ? nil : try global.viewer(in: store)
        let outcome = try desk.setOrganisationTier(name: name, tier: tier, by: viewer)
        say(.cli(
            one: "{name}: support tier {tier}; the due times of {count} open ticket follow it",
            other: "{name}: support tier {tier}; the due times of {count} open tickets follow it", count: outcome.ticketsMoved,
            ["name": .text(TextSafety.sanitizedLine(outcome.organisation.name)), "tier": .text(tier.rawValue)]))
    }
}
