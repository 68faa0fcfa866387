import Foundation

/// An organisation's support tier, changed by an admin (`deskterm org set --tier`): the tier,
/// the clocks of its open tickets (`TierChange`) and every triage key that follows, in one
/// transaction. `viewer` nil is the operator, trusted by their access to the desk.
extension Desk {
    @discardableResult
    public func setOrganisationTier(name: String, tier: SupportTier, by viewer: Viewer?) throws(DeskError) -> TierChangeOutcome {
        if let viewer, viewer.role != .admin {
            throw .forbidden(.model("only admins change the service levels", context: "not allowed"))
        }
        return try write { rows in
            guard let id = try rows.organisationID(named: name), let organisation = try rows.organisation(id: id) else {
                throw DeskError.organisationNotFound(name: name)
            }
            let previous = organisation.tier
            var changed = organisation
            changed.tier = tier
            guard previous != tier else { return TierChangeOutcome(organisation: changed, previousTier: previous, ticketsMoved: 0) }
            let levels = try Self.serviceLevels(rows)
            let updates = try rows.openTicketClocks(organisationID: id).map { clock in
                TierChange.moved(clock, from: previous, to: tier, levels: levels)
            }
            try rows.updateTicketDues(updates)
            try rows.setOrganisationTier(id, tier: tier, closedTriageShift: TierChange.closedTriageShift(from: previous, to: tier))
            return TierChangeOutcome(organisation: changed, previousTier: previous, ticketsMoved: updates.count)
        }
    }
}
