import Foundation

extension Desk {
    /// A customer administrator may not give a new user an address someone already has, nor one
    /// outside the organisation's mail domain when it has one: mailgate takes a sender for the
    /// oldest user with that address, so pre-registering another company's address would let
    /// its mail land in this organisation. Both answer alike, so no one learns an address is taken.
    static func checkPortalAddress(_ rows: any DeskRows, _ email: String, of organisation: Organisation) throws {
        let address = email.trimmingCharacters(in: .whitespaces)
        guard !address.isEmpty else { return }
        let refusal = DeskError.refused(.model("This e-mail address cannot be given to a user of {organisation}; ask your support team",
                                               ["organisation": .text(organisation.name)]))
        if try rows.user(email: address) != nil { throw refusal }
        if let domain = try rows.organisationMailDomains()[organisation.id] {
            guard let at = address.lastIndex(of: "@"),
                  address[address.index(after: at)...].lowercased() == domain.lowercased() else { throw refusal }
        }
    }
}
