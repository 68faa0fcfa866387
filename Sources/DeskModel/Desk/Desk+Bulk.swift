import Foundation

/// Bulk actions: a batch of tickets in one transaction, each ticket in a savepoint of its own
/// through the single action's rule-checked step. A refused ticket rolls back to its savepoint
/// (nothing half written) and is reported; the others are kept. One commit per batch keeps a
/// thousand tickets within a second.
extension Desk {
    public func bulk(_ operation: BulkOperation, numbers: [Int64], by viewer: Viewer) throws(DeskError) -> [BulkOutcome] {
        let now = self.now
        return try write { rows in
            var outcomes: [BulkOutcome] = []
            for number in numbers {
                do {
                    try rows.savepoint {
                        switch operation {
                        case .assign(let handle): _ = try Self.assign(rows, number: number, to: handle, by: viewer, at: now)
                        case .changeStatus(let status): _ = try Self.changeStatus(rows, number: number, to: status, by: viewer, at: now)
                        case .watch: try Self.setWatching(rows, number: number, handle: viewer.user.handle, watching: true, by: viewer)
                        }
                    }
                    outcomes.append(BulkOutcome(number: number))
                } catch let refusal as DeskError {
                    outcomes.append(BulkOutcome(number: number, refusal: refusal))
                }
            }
            return outcomes
        }
    }
}
