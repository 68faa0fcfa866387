import DeskPostgres

/// A piece of SQL written with `?` placeholders and its values, so that conditions compose as
/// SQLite's do (`FilterSQL`, `ListQuery`); `numbered()` turns the placeholders into libpq's
/// `$1, $2, …` once the statement is whole. The SQL of a fragment comes from the source only;
/// values always travel as parameters.
struct PostgresQueryFragment {
    var sql: String
    var values: [PostgresValue]

    init(_ sql: String, _ values: [PostgresValue] = []) {
        self.sql = sql
        self.values = values
    }

    static let always = PostgresQueryFragment("true")
    static let never = PostgresQueryFragment("false")

    var isAlways: Bool { sql == "true" }

    /// Both conditions.
    func and(_ other: PostgresQueryFragment) -> PostgresQueryFragment {
        if other.isAlways { return self }
        if isAlways { return other }
        return PostgresQueryFragment("\(sql) AND \(other.sql)", values + other.values)
    }

    static func + (left: PostgresQueryFragment, right: PostgresQueryFragment) -> PostgresQueryFragment {
        PostgresQueryFragment(left.sql + right.sql, left.values + right.values)
    }

    /// `?` placeholders for `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// The statement with `$n` placeholders, for `PostgresConnection.query`. A `?` inside a
    /// quoted literal or identifier stays as it is.
    func numbered() -> String {
        var result = ""
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension PostgresConnection {
    func query(_ fragment: PostgresQueryFragment) throws -> PostgresResult {
        try query(fragment.numbered(), fragment.values)
    }
}
