import Foundation

/// Which of the requester's accounts a new ticket is filed under: the one named, which must
/// be one of theirs, else the primary one. Its plan decides the kinds allowed.
extension Desk {
    static func filingAccount(_ rows: any DeskRows, _ name: String?, requester: User) throws -> Organisation? {
        guard let name else { return try requester.organisationID.flatMap { try rows.organisation(id: $0) } }
        let account = try accounts(rows, of: requester).first { $0.isNamed(name) }
        guard let account else {
            // The same sentence whether the organisation exists or not.
            throw DeskError.refused(.model("{handle} has no account with {organisation}",
                                           ["handle": .text(requester.handle), "organisation": .text(name)]))
        }
        return account.organisation
    }
}
