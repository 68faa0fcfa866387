import DeskModel
import DeskPostgres
import Foundation

// NOT WRITTEN YET: every method below throws `PostgresRowsMissing`; replace them all.

extension PostgresRows: DirectoryRows {
    func user(handle: String) throws -> User? { throw PostgresRowsMissing(#function) }
    func user(id: UserID) throws -> User? { throw PostgresRowsMissing(#function) }
    func organisation(id: OrganisationID) throws -> Organisation? { throw PostgresRowsMissing(#function) }
    func deskSettings() throws -> DeskSettings { throw PostgresRowsMissing(#function) }
}

extension PostgresRows: DirectoryAdminRows {
    func updateDeskSettings(_ settings: DeskSettings) throws { throw PostgresRowsMissing(#function) }
    func deskSettingValue(key: String) throws -> String? { throw PostgresRowsMissing(#function) }
    func organisationID(named name: String) throws -> OrganisationID? { throw PostgresRowsMissing(#function) }
    func insertOrganisation(name: String, plan: Plan, tier: SupportTier) throws -> OrganisationID { throw PostgresRowsMissing(#function) }
    func organisationsByName() throws -> [Organisation] { throw PostgresRowsMissing(#function) }
    func insertUser(_ user: UserInsert) throws -> UserID { throw PostgresRowsMissing(#function) }
    func usersByHandle() throws -> [User] { throw PostgresRowsMissing(#function) }
}

extension PostgresRows: AuditRows {
    func insertAuditEntry(_ entry: AuditEntry) throws -> Int64 { throw PostgresRowsMissing(#function) }
    func updateAuditOutcome(id: Int64, outcome: String) throws { throw PostgresRowsMissing(#function) }
    func auditEntries(handle: String?, limit: Int) throws -> [AuditEntry] { throw PostgresRowsMissing(#function) }
}

extension PostgresRows: UserSettingRows {
    func userSettingValues(userID: UserID) throws -> [String: String] { throw PostgresRowsMissing(#function) }
    func setUserSetting(userID: UserID, name: String, value: String) throws { throw PostgresRowsMissing(#function) }
}

extension PostgresRows: DraftRows {
    func draft(_ slot: DraftSlot, userID: UserID) throws -> Draft? { throw PostgresRowsMissing(#function) }
    func upsertDraft(_ draft: Draft, userID: UserID) throws { throw PostgresRowsMissing(#function) }
}

extension PostgresRows: SavedViewRows {
    func savedViewCount(userID: UserID, excludingName name: String) throws -> Int { throw PostgresRowsMissing(#function) }
    func upsertSavedView(_ saved: SavedView, userID: UserID) throws { throw PostgresRowsMissing(#function) }
    func savedViews(userID: UserID) throws -> [SavedView] { throw PostgresRowsMissing(#function) }
    func savedView(named name: String, userID: UserID) throws -> SavedView? { throw PostgresRowsMissing(#function) }
    func deleteSavedView(named name: String, userID: UserID) throws -> Bool { throw PostgresRowsMissing(#function) }
}

extension PostgresRows: RecentRows {
    func recordRecentView(userID: UserID, ticketID: TicketID, at time: Date) throws { throw PostgresRowsMissing(#function) }
    func trimRecentViews(userID: UserID, keeping limit: Int) throws { throw PostgresRowsMissing(#function) }
}

extension PostgresRows: ReadMarkRows {
    func ticketIsUnread(_ ticketID: TicketID, userID: UserID, visibility: TicketVisibility, now: Date) throws -> Bool { throw PostgresRowsMissing(#function) }
    func messagePosition(id: MessageID, ticketID: TicketID) throws -> MessagePosition? { throw PostgresRowsMissing(#function) }
    func markTicketRead(_ ticketID: TicketID, userID: UserID, through seen: MessagePosition?) throws { throw PostgresRowsMissing(#function) }
    func markTicketUnread(_ ticketID: TicketID, userID: UserID) throws { throw PostgresRowsMissing(#function) }
}
