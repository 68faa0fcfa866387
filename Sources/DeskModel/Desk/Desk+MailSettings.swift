import Foundation

/// The desk's mail settings, organisations' mail domains and the desk's signing secret.
/// Admins only; `viewer` nil is the operator, trusted by their access to the desk file.
extension Desk {
    public func mailSettings(by viewer: Viewer?) throws(DeskError) -> MailSettings {
        try Self.requireAdmin(viewer)
        return try read { rows in MailSettings(values: try rows.deskSettingValues(prefix: "mail.")) }
    }

    public func setMailSetting(key: String, value: String, by viewer: Viewer?) throws(DeskError) {
        try Self.requireAdmin(viewer)
        let stored = try MailSettings.checked(key: key, value: value)
        try write { rows in try rows.setDeskSettingValue(key: key, value: stored) }
    }

    /// `domain` nil or empty removes it. A domain belongs to one organisation at most.
    public func setOrganisationMailDomain(name: String, domain: String?, by viewer: Viewer?) throws(DeskError) {
        try Self.requireAdmin(viewer)
        let cleaned = domain?.trimmingCharacters(in: .whitespaces).lowercased()
        let given = cleaned.flatMap { $0.isEmpty ? nil : $0 }
        if let given {
            let labels = given.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
                  given.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }),
                  FieldLimits.length(given) <= FieldLimits.limit(for: .email)
            else { throw .invalidInput("'\(TextSafety.sanitizedLine(given))' is not a mail domain (example.com)") }
        }
        try write { rows in
            guard let id = try rows.organisationID(named: name) else { throw DeskError.organisationNotFound(name: name) }
            if let given, let owner = try rows.organisation(mailDomain: given), owner.id != id {
                throw DeskError.invalidInput("\(given) is already the mail domain of \(owner.name)")
            }
            try rows.setOrganisationMailDomain(id, domain: given)
        }
    }

    /// Each organisation's mail domain, by organisation id.
    public func organisationMailDomains() throws(DeskError) -> [OrganisationID: String] {
        try read { rows in try rows.organisationMailDomains() }
    }

    /// The desk's tokens (mail-out signs with them); the secret is made on first use.
    public func mailTokens() throws(DeskError) -> MailTokens {
        if let tokens = try read({ rows in try Self.existingMailTokens(rows) }) { return tokens }
        return try write { rows in try Self.mailTokens(rows) }
    }

    /// The latest received mail, newest first (admins: it holds every sender's raw mail).
    public func receivedMail(limit: Int, by viewer: Viewer?) throws(DeskError) -> [MailReceived] {
        try Self.requireAdmin(viewer)
        return try read { rows in try rows.mailReceived(limit: limit) }
    }

    /// The tokens inside the caller's write transaction, making the secret when missing.
    static func mailTokens(_ rows: any DeskRows) throws -> MailTokens {
        if let tokens = try existingMailTokens(rows) { return tokens }
        try rows.setDeskSettingValue(key: MailSettings.secretKey, value: MailTokens.newSecret())
        return try existingMailTokens(rows)!
    }

    static func existingMailTokens(_ rows: any DeskRows) throws -> MailTokens? {
        let values = try rows.deskSettingValues(prefix: "mail.")
        guard let secret = values[MailSettings.secretKey], !secret.isEmpty else { return nil }
        return MailTokens(address: MailSettings(values: values).address, secretHex: secret)
    }

    static func requireAdmin(_ viewer: Viewer?) throws(DeskError) {
        if let viewer, viewer.role != .admin { throw .notAllowed("only admins manage the desk's mail") }
    }
}
