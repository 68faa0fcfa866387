import DeskModel
import DeskPostgres

/// Users and organisations read from PostgreSQL, with SQLite's defaults for unknown enum values.
enum PostgresDirectoryRow {
    static let userColumns = "id, handle, name, email, role, organisation_id, case_access"
    static let organisationColumns = "id, name, plan, tier"

    static func user(_ row: PostgresRow) throws -> User {
        User(
            id: try row.decode(Int64.self, column: "id"), handle: try row.decode(String.self, column: "handle"),
            name: try row.decode(String.self, column: "name"), email: try row.decode(String.self, column: "email"),
            role: Role(rawValue: try row.decode(String.self, column: "role")) ?? .customer,
            organisationID: try row.decode(Int64?.self, column: "organisation_id"),
            caseAccess: CaseAccess(rawValue: try row.decode(String.self, column: "case_access")) ?? .own)
    }

    static func organisation(_ row: PostgresRow) throws -> Organisation {
        Organisation(
            id: try row.decode(Int64.self, column: "id"), name: try row.decode(String.self, column: "name"),
            plan: Plan(rawValue: try row.decode(String.self, column: "plan")) ?? .free,
            tier: SupportTier(rawValue: try row.decode(String.self, column: "tier")) ?? .standard)
    }
}
