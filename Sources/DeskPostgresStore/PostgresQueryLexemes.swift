/// One word of a `tsquery` as the server folded it: `'quokkalith':*` is the prefix `quokkalith`.
struct PostgresQueryLexeme: Equatable {
    var text: String
    var isPrefix: Bool
}

/// The words of a `tsquery` read from its text form (`to_tsquery(…)::text`, e.g.
/// `'sync' & 'dns' <-> 'issue':*`), so that search can ask how common each word is
/// (`PostgresCommonWords`) with the words exactly as the text search configuration folds them
/// (accents, case, hyphenated words), which Swift's folding only approximates.
struct PostgresQueryLexemes: Equatable {
    var lexemes: [PostgresQueryLexeme]
    /// True when every word must be in a matching row (only `&` and phrases `<->`, `<N>`
    /// between them): then one rare word makes the whole query rare.
    var isConjunction: Bool

    /// Reads PostgreSQL's output form: each lexeme quoted, `'` and `\` inside doubled, then
    /// optionally `:` with `*` (prefix) and weight letters; operators and parentheses between.
    init(tsquery text: String) {
        var lexemes: [PostgresQueryLexeme] = []
        var isConjunction = true
        var characters = text[...]
        while let character = characters.popFirst() {
            switch character {
            case "'":
                var word = ""
                while let next = characters.popFirst() {
                    if next == "'" || next == "\\" {
                        // Doubled: one of it belongs to the word; a lone quote ends it.
                        if characters.first == next { word.append(characters.removeFirst()); continue }
                        if next == "'" { break }
                    }
                    word.append(next)
                }
                var isPrefix = false
                if characters.first == ":" {
                    characters.removeFirst()
                    while let flag = characters.first, flag == "*" || flag.isLetter {
                        if flag == "*" { isPrefix = true }
                        characters.removeFirst()
                    }
                }
                lexemes.append(PostgresQueryLexeme(text: word, isPrefix: isPrefix))
            case "|", "!":
                isConjunction = false
            default:
                continue
            }
        }
        self.lexemes = lexemes
        self.isConjunction = isConjunction
    }
}
