/// What `deskterm copy` moves: every table that holds a desk's own facts, with the columns
/// both backends store (generated columns such as `is_closed`, `body_length` or PostgreSQL's
/// `search_words` are left to the target, which computes them). Derived tables are rebuilt by
/// the target and not copied: the full-text indexes, `ticket_count`, `desk_change`,
/// PostgreSQL's `ticket_number_counter`, and each backend's migration record.
///
/// The tables are listed parents first, so that every reference points at rows already loaded.
/// Rows are read in primary-key order on both sides, so that a content hash computed while
/// reading is the same for the same rows whichever backend holds them.
public struct CopyTable: Sendable, Equatable {
    public let name: String
    public let columns: [CopyColumn]
    /// The primary key, in order: the order rows are read and hashed in.
    public let key: [String]
    /// The column whose largest value the target's id generator must continue after.
    public let identity: String?

    public init(_ name: String, key: [String], identity: String? = nil, _ columns: [CopyColumn]) {
        self.name = name
        self.key = key
        self.identity = identity
        self.columns = columns
    }

    public var columnNames: [String] { columns.map(\.name) }
}

public struct CopyColumn: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case integer
        case text
        case bytes
        /// `boolean` in PostgreSQL, 0 or 1 in SQLite; copied and hashed as the integer.
        case boolean
    }

    public let name: String
    public let kind: Kind

    public static func integer(_ name: String) -> CopyColumn { CopyColumn(name: name, kind: .integer) }
    public static func text(_ name: String) -> CopyColumn { CopyColumn(name: name, kind: .text) }
    public static func bytes(_ name: String) -> CopyColumn { CopyColumn(name: name, kind: .bytes) }
    public static func boolean(_ name: String) -> CopyColumn { CopyColumn(name: name, kind: .boolean) }
}

public enum DeskCopyTables {
    public static let all: [CopyTable] = [
        CopyTable("desk_setting", key: ["key"], [.text("key"), .text("value")]),
        CopyTable("organisation", key: ["id"], identity: "id", [
            .integer("id"), .text("name"), .text("plan"), .text("tier"), .text("mail_domain"),
        ]),
        CopyTable("user", key: ["id"], identity: "id", [
            .integer("id"), .text("handle"), .text("name"), .text("email"), .text("role"),
            .integer("organisation_id"), .text("case_access"),
        ]),
        CopyTable("ticket", key: ["id"], identity: "id", [
            .integer("id"), .integer("number"), .text("subject"), .text("description"), .text("kind"), .text("product"),
            .text("category"), .text("subcategory"), .text("urgency"), .text("status"), .integer("requester_id"),
            .integer("organisation_id"), .integer("assignee_id"), .text("contact"), .integer("follow_up_of_id"),
            .integer("created_at"), .integer("updated_at"), .integer("triage_key"), .integer("public_updated_at"),
            .integer("first_response_due"), .integer("resolution_due"), .integer("first_response_left"),
            .integer("resolution_left"), .integer("due_at"),
        ]),
        CopyTable("message", key: ["id"], identity: "id", [
            .integer("id"), .integer("ticket_id"), .text("kind"), .integer("author_id"), .text("body"),
            .integer("created_at"), .integer("in_reply_to_id"), .text("event"),
        ]),
        CopyTable("attachment", key: ["id"], identity: "id", [
            .integer("id"), .integer("ticket_id"), .integer("message_id"), .text("name"), .text("media_type"),
            .integer("size"), .text("sha256"), .integer("uploader_id"), .integer("created_at"), .bytes("data"),
        ]),
        CopyTable("watcher", key: ["ticket_id", "user_id"], [.integer("ticket_id"), .integer("user_id")]),
        CopyTable("recent_view", key: ["user_id", "ticket_id"], [
            .integer("user_id"), .integer("ticket_id"), .integer("viewed_at"), .integer("sequence"),
        ]),
        CopyTable("draft", key: ["user_id", "slot"], [
            .integer("user_id"), .text("slot"), .text("subject"), .text("body"), .text("fields"), .integer("updated_at"),
        ]),
        CopyTable("audit_log", key: ["id"], identity: "id", [
            .integer("id"), .integer("at"), .text("handle"), .text("address"), .text("command"), .text("outcome"),
        ]),
        CopyTable("import_source", key: ["external_id"], [.text("external_id"), .integer("ticket_id"), .integer("message_id")]),
        CopyTable("import_thread", key: ["ticket_id"], [.integer("ticket_id"), .text("subject_key")]),
        CopyTable("import_author", key: ["key"], [.text("key"), .integer("user_id")]),
        CopyTable("saved_view", key: ["user_id", "name"], [
            .integer("user_id"), .text("name"), .text("view"), .text("filter"), .integer("sequence"),
        ]),
        CopyTable("user_setting", key: ["user_id", "name"], [.integer("user_id"), .text("name"), .text("value")]),
        CopyTable("ticket_read", key: ["user_id", "ticket_id"], [
            .integer("user_id"), .integer("ticket_id"), .integer("seen_at"), .integer("seen_message_id"), .boolean("marked_unread"),
        ]),
        CopyTable("mail_received", key: ["id"], identity: "id", [
            .integer("id"), .integer("received_at"), .text("header_message_id"), .text("sender"), .integer("ticket_id"),
            .integer("message_id"), .text("classification"), .text("outcome"), .text("problems"), .text("quoted"), .bytes("raw"),
        ]),
        CopyTable("mail_outbox", key: ["id"], identity: "id", [
            .integer("id"), .integer("ticket_id"), .integer("message_id"), .integer("recipient_id"), .text("recipient"),
            .text("event"), .text("header_id"), .bytes("data"), .integer("created_at"), .integer("next_attempt_at"),
            .integer("attempts"), .text("last_error"), .integer("sent_at"),
        ]),
        CopyTable("mail_preference", key: ["user_id", "event"], [.integer("user_id"), .text("event"), .boolean("wanted")]),
        CopyTable("article", key: ["id"], identity: "id", [
            .integer("id"), .text("slug"), .text("title"), .text("body"), .text("language"), .text("tags"),
            .text("visibility"), .text("plans"), .integer("author_id"), .integer("created_at"), .integer("updated_at"),
            .integer("shown_count"), .integer("opened_count"), .integer("solved_count"), .integer("filed_anyway_count"),
        ]),
        CopyTable("account", key: ["user_id", "organisation_id"], [.integer("user_id"), .integer("organisation_id"), .text("case_access")]),
        CopyTable("organisation_administrator", key: ["user_id", "organisation_id"], [.integer("user_id"), .integer("organisation_id")]),
        CopyTable("callback_request", key: ["id"], identity: "id", [
            .integer("id"), .integer("ticket_id"), .integer("requester_id"), .text("phone"), .integer("window_start"),
            .integer("window_end"), .text("time_zone"), .text("note"), .text("state"), .integer("taker_id"), .text("outcome"),
            .integer("created_at"), .integer("updated_at"),
        ]),
    ]
}
