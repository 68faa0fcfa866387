import Foundation

extension TicketQuery {
    /// Reads what a person typed: `printer status:open,pending -kind:question
    /// org:"Librairie Étoile" updated:<7d`. Blanks separate terms and double quotes group
    /// them; a term `key:value` with a known key is a filter, anything else is a word. A
    /// leading `-` negates a filter; commas separate values meaning "any of".
    public static func parse(_ text: String) throws(FilterError) -> TicketQuery {
        var query = TicketQuery()
        for token in QueryToken.split(text) {
            if let clause = try FilterTermParser.clause(token) {
                query.filter.clauses.append(clause)
            } else {
                query.words.append(token.text)
            }
        }
        return query
    }
}

/// One blank-separated term, each character marked with whether it was inside double quotes
/// (a quoted `:` or `,` is text, never syntax). A quote left open closes at the end.
struct QueryToken {
    var characters: [(character: Character, quoted: Bool)]

    var text: String { String(characters.map(\.character)) }

    static func split(_ text: String) -> [QueryToken] {
        var tokens: [QueryToken] = []
        var current: [(character: Character, quoted: Bool)] = []
        var inQuotes = false
        var started = false
        func finish() {
            if started { tokens.append(QueryToken(characters: current)) }
            current = []
            started = false
        }
        for character in text {
            if character == "\"" {
                inQuotes.toggle()
                started = true // `""` is a term: an empty value, not nothing
            } else if character.isWhitespace && !inQuotes {
                finish()
            } else {
                current.append((character, inQuotes))
                started = true
            }
        }
        finish()
        return tokens
    }
}

/// Turns one term into a filter clause, or nil when it is a word.
enum FilterTermParser {
    static func clause(_ token: QueryToken) throws(FilterError) -> FilterClause? {
        var body = token.characters[...]
        var negated = false
        if body.count > 1, let first = body.first, first.character == "-", !first.quoted {
            negated = true
            body = body.dropFirst()
        }
        guard let colon = body.firstIndex(where: { $0.character == ":" && !$0.quoted }), colon > body.startIndex,
              body[..<colon].allSatisfy({ !$0.quoted && $0.character.isASCII && $0.character.isLetter })
        else { return nil }
        let name = String(body[..<colon].map(\.character))
        let value = body[body.index(after: colon)...]
        guard let key = FilterKey.named(name) else {
            // `Re:` and `https://…` are words people search for, not filters.
            if value.isEmpty || value.first.map({ $0.character == "/" && !$0.quoted }) == true { return nil }
            throw .unknownKey(name, token: token.text)
        }
        if value.isEmpty { throw .missingValue(key) }
        let items = value.split(omittingEmptySubsequences: false, whereSeparator: { $0.character == "," && !$0.quoted })
            .map { String($0.map(\.character)) }
        return FilterClause(try FilterValueParser.condition(key, items: items), negated: negated)
    }
}
