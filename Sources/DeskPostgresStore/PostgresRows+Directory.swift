import DeskModel
import DeskPostgres
import Foundation

// Names compared "ignoring case" go through `deskterm_nocase`, SQLite's NOCASE (ASCII only),
// which the unique indexes on organisation and saved view names use too.

extension PostgresRows: DirectoryRows {
    func user(handle: String) throws -> User? {
        try db.query("SELECT \(PostgresRowDecoding.userColumns()) FROM \"user\" WHERE handle = $1", [.text(handle)])
            .first.map(PostgresRowDecoding.user)
    }

    func user(id: UserID) throws -> User? {
        try db.query("SELECT \(PostgresRowDecoding.userColumns()) FROM \"user\" WHERE id = $1", [.int(id)])
            .first.map(PostgresRowDecoding.user)
    }

    func organisation(id: OrganisationID) throws -> Organisation? {
        try db.query("SELECT \(PostgresRowDecoding.organisationColumns) FROM organisation WHERE id = $1", [.int(id)])
            .first.map(PostgresRowDecoding.organisation)
    }

    func deskSettings() throws -> DeskSettings {
        var values: [String: String] = [:]
        for row in try db.query("SELECT key, value FROM desk_setting") {
            values[try row.decode(String.self, column: "key")] = try row.decode(String.self, column: "value")
        }
        let defaults = DeskSettings()
        return DeskSettings(
            name: values["name"] ?? defaults.name,
            autoCloseDays: values["auto_close_days"].flatMap(Int.init) ?? defaults.autoCloseDays,
            attachmentLimit: values["attachment_limit"].flatMap(Int64.init) ?? defaults.attachmentLimit,
            attachmentQuota: values["attachment_quota"].flatMap(Int64.init) ?? defaults.attachmentQuota)
    }
}

extension PostgresRows: DirectoryAdminRows {
    func updateDeskSettings(_ settings: DeskSettings) throws {
        let pairs: [(String, String)] = [
            ("name", settings.name), ("auto_close_days", String(settings.autoCloseDays)),
            ("attachment_limit", String(settings.attachmentLimit)),
            ("attachment_quota", String(settings.attachmentQuota)),
        ]
        for (key, value) in pairs {
            try db.execute(
                "INSERT INTO desk_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [.text(key), .text(value)])
        }
    }

    func deskSettingValue(key: String) throws -> String? {
        try db.query("SELECT value FROM desk_setting WHERE key = $1", [.text(key)]).first?.decode(String.self, at: 0)
    }

    func organisationID(named name: String) throws -> OrganisationID? {
        try db.query("SELECT id FROM organisation WHERE deskterm_nocase(name) = deskterm_nocase($1)", [.text(name)])
            .first?.decode(Int64.self, at: 0)
    }

    func insertOrganisation(name: String, plan: Plan, tier: SupportTier) throws -> OrganisationID {
        try db.query(
            "INSERT INTO organisation (name, plan, tier) VALUES ($1, $2, $3) RETURNING id",
            [.text(name), .text(plan.rawValue), .text(tier.rawValue)])[0].decode(Int64.self, at: 0)
    }

    func organisationsByName() throws -> [Organisation] {
        // SQLite orders the NOCASE column by its folded value; the names are unique folded.
        try db.query(
            "SELECT \(PostgresRowDecoding.organisationColumns) FROM organisation ORDER BY deskterm_nocase(name) COLLATE \"C\""
        ).map(PostgresRowDecoding.organisation)
    }

    func insertUser(_ user: UserInsert) throws -> UserID {
        try db.query(
            """
            INSERT INTO "user" (handle, name, email, role, organisation_id, case_access)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """,
            [
                .text(user.handle), .text(user.name), .text(user.email), .text(user.role.rawValue),
                .optional(user.organisationID, PostgresValue.int), .text(user.caseAccess.rawValue),
            ])[0].decode(Int64.self, at: 0)
    }

    func usersByHandle() throws -> [User] {
        try db.query("SELECT \(PostgresRowDecoding.userColumns()) FROM \"user\" ORDER BY handle").map(PostgresRowDecoding.user)
    }
}

extension PostgresRows: AuditRows {
    func insertAuditEntry(_ entry: AuditEntry) throws -> Int64 {
        try db.query(
            "INSERT INTO audit_log (at, handle, address, command, outcome) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            [.int(entry.at.deskSeconds), .text(entry.handle), .text(entry.address), .text(entry.command), .text(entry.outcome)]
        )[0].decode(Int64.self, at: 0)
    }

    func updateAuditOutcome(id: Int64, outcome: String) throws {
        try db.execute("UPDATE audit_log SET outcome = $1 WHERE id = $2", [.text(outcome), .int(id)])
    }

    func auditEntries(handle: String?, limit: Int) throws -> [AuditEntry] {
        var query = PostgresQueryFragment("SELECT id, at, handle, address, command, outcome FROM audit_log")
        if let handle { query = query + PostgresQueryFragment(" WHERE handle = ?", [.text(handle)]) }
        query = query + PostgresQueryFragment(" ORDER BY at DESC, id DESC LIMIT ?", [.int(Int64(limit))])
        return try db.query(query).map { row in
            AuditEntry(
                id: try row.decode(Int64.self, column: "id"), at: try row.decode(Date.self, column: "at"),
                handle: try row.decode(String.self, column: "handle"), address: try row.decode(String.self, column: "address"),
                command: try row.decode(String.self, column: "command"), outcome: try row.decode(String.self, column: "outcome"))
        }
    }
}

extension PostgresRows: UserSettingRows {
    func userSettingValues(userID: UserID) throws -> [String: String] {
        Dictionary(
            try db.query("SELECT name, value FROM user_setting WHERE user_id = $1", [.int(userID)]).map { row in
                (try row.decode(String.self, column: "name"), try row.decode(String.self, column: "value"))
            },
            uniquingKeysWith: { first, _ in first })
    }

    func setUserSetting(userID: UserID, name: String, value: String) throws {
        try db.execute(
            """
            INSERT INTO user_setting (user_id, name, value) VALUES ($1, $2, $3)
            ON CONFLICT (user_id, name) DO UPDATE SET value = excluded.value
            """,
            [.int(userID), .text(name), .text(value)])
    }

    func removeUserSetting(userID: UserID, name: String) throws {
        try db.execute("DELETE FROM user_setting WHERE user_id = $1 AND name = $2", [.int(userID), .text(name)])
    }

    func userSettingValues(name: String) throws -> [UserID: String] {
        Dictionary(
            try db.query("SELECT user_id, value FROM user_setting WHERE name = $1", [.text(name)]).map { row in
                (try row.decode(Int64.self, column: "user_id"), try row.decode(String.self, column: "value"))
            },
            uniquingKeysWith: { first, _ in first })
    }
}

/// A draft's form fields are stored as one JSON object, as on SQLite.
extension PostgresRows: DraftRows {
    func draft(_ slot: DraftSlot, userID: UserID) throws -> Draft? {
        guard let row = try db.query(
            "SELECT subject, body, fields, updated_at FROM draft WHERE user_id = $1 AND slot = $2", [.int(userID), .text(slot.key)]
        ).first else { return nil }
        let fieldsText = try row.decode(String.self, column: "fields")
        let fields = (try? JSONDecoder().decode([String: String].self, from: Data(fieldsText.utf8))) ?? [:]
        return Draft(
            slot: slot, subject: try row.decode(String.self, column: "subject"), body: try row.decode(String.self, column: "body"),
            fields: fields, updatedAt: try row.decode(Date.self, column: "updated_at"))
    }

    func upsertDraft(_ draft: Draft, userID: UserID) throws {
        let fields: String
        do {
            fields = String(decoding: try JSONEncoder().encode(draft.fields), as: UTF8.self)
        } catch {
            throw DeskError.draftFieldsNotStorable
        }
        try db.execute(
            """
            INSERT INTO draft (user_id, slot, subject, body, fields, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (user_id, slot) DO UPDATE SET subject = excluded.subject, body = excluded.body,
                fields = excluded.fields, updated_at = excluded.updated_at
            """,
            [.int(userID), .text(draft.slot.key), .text(draft.subject), .text(draft.body), .text(fields), .int(draft.updatedAt.deskSeconds)])
    }
}

extension PostgresRows: SavedViewRows {
    func savedViewCount(userID: UserID, excludingName name: String) throws -> Int {
        try db.query(
            "SELECT COUNT(*) FROM saved_view WHERE user_id = $1 AND deskterm_nocase(name) <> deskterm_nocase($2)",
            [.int(userID), .text(name)])[0].decode(Int.self, at: 0)
    }

    func upsertSavedView(_ saved: SavedView, userID: UserID) throws {
        // A name equal but for case replaces the saved view, taking the new spelling, as on SQLite.
        try db.execute(
            """
            INSERT INTO saved_view (user_id, name, view, filter, sequence)
            VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM saved_view WHERE user_id = $1))
            ON CONFLICT (user_id, deskterm_nocase(name)) DO UPDATE
                SET name = excluded.name, view = excluded.view, filter = excluded.filter
            """,
            [.int(userID), .text(saved.name), .text(saved.view.rawValue), .text(saved.filterText)])
    }

    func savedViews(userID: UserID) throws -> [SavedView] {
        try db.query("SELECT name, view, filter FROM saved_view WHERE user_id = $1 ORDER BY sequence", [.int(userID)])
            .map(Self.savedView)
    }

    func savedView(named name: String, userID: UserID) throws -> SavedView? {
        try db.query(
            "SELECT name, view, filter FROM saved_view WHERE user_id = $1 AND deskterm_nocase(name) = deskterm_nocase($2)",
            [.int(userID), .text(name)]
        ).first.map(Self.savedView)
    }

    func deleteSavedView(named name: String, userID: UserID) throws -> Bool {
        try db.execute(
            "DELETE FROM saved_view WHERE user_id = $1 AND deskterm_nocase(name) = deskterm_nocase($2)", [.int(userID), .text(name)]) > 0
    }

    private static func savedView(_ row: PostgresRow) throws -> SavedView {
        SavedView(
            name: try row.decode(String.self, column: "name"),
            view: CaseView(rawValue: try row.decode(String.self, column: "view")) ?? .all,
            filterText: try row.decode(String.self, column: "filter"))
    }
}

extension PostgresRows: RecentRows {
    func recordRecentView(userID: UserID, ticketID: TicketID, at time: Date) throws {
        // `sequence` orders views within the same second.
        try db.execute(
            """
            INSERT INTO recent_view (user_id, ticket_id, viewed_at, sequence)
            VALUES ($1, $2, $3, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM recent_view WHERE user_id = $1))
            ON CONFLICT (user_id, ticket_id) DO UPDATE SET viewed_at = excluded.viewed_at, sequence = excluded.sequence
            """,
            [.int(userID), .int(ticketID), .int(time.deskSeconds)])
    }

    func trimRecentViews(userID: UserID, keeping limit: Int) throws {
        try db.execute(
            """
            DELETE FROM recent_view WHERE user_id = $1 AND ticket_id NOT IN (
                SELECT ticket_id FROM recent_view WHERE user_id = $1 ORDER BY sequence DESC LIMIT $2)
            """,
            [.int(userID), .int(Int64(limit))])
    }
}

extension PostgresRows: ReadMarkRows {
    func ticketIsUnread(_ ticketID: TicketID, userID: UserID, visibility: TicketVisibility, now: Date) throws -> Bool {
        let reader = ListReader(userID: userID, visibility: visibility, reportsUnknownNames: false)
        let query = PostgresQueryFragment("SELECT EXISTS (SELECT 1 FROM ticket t ")
            + PostgresUnreadSQL.readJoin(reader)
            + PostgresQueryFragment(" WHERE t.id = ? AND ", [.int(ticketID)])
            + PostgresUnreadSQL.predicate(reader, horizon: UnreadSQL.horizon(now: now))
            + PostgresQueryFragment(")")
        return try db.query(query)[0].decode(Bool.self, at: 0)
    }

    func messagePosition(id: MessageID, ticketID: TicketID) throws -> MessagePosition? {
        try db.query("SELECT created_at, id FROM message WHERE id = $1 AND ticket_id = $2", [.int(id), .int(ticketID)])
            .first.map { row in
                MessagePosition(createdAt: try row.decode(Date.self, at: 0), id: try row.decode(Int64.self, at: 1))
            }
    }

    func markTicketRead(_ ticketID: TicketID, userID: UserID, through seen: MessagePosition?) throws {
        // (0, 0) stands for "no message": every message comes after it.
        try db.execute(
            """
            INSERT INTO ticket_read (user_id, ticket_id, seen_at, seen_message_id, marked_unread) VALUES ($1, $2, $3, $4, false)
            ON CONFLICT (user_id, ticket_id) DO UPDATE SET
                seen_at = excluded.seen_at, seen_message_id = excluded.seen_message_id, marked_unread = false
            """,
            [.int(userID), .int(ticketID), .int(seen?.createdAt.deskSeconds ?? 0), .int(seen?.id ?? 0)])
    }

    func markTicketUnread(_ ticketID: TicketID, userID: UserID) throws {
        try db.execute(
            """
            INSERT INTO ticket_read (user_id, ticket_id, seen_at, seen_message_id, marked_unread) VALUES ($1, $2, 0, 0, true)
            ON CONFLICT (user_id, ticket_id) DO UPDATE SET marked_unread = true
            """,
            [.int(userID), .int(ticketID)])
    }
}
