/// Header fields as RFC 5322 and RFC 2047 want them: every line at most 76 columns where it
/// can be folded (78 is the limit; encoded-word lines must stay within 76), text that is not
/// printable ASCII in encoded words (never a character split between two words), and nothing
/// of the value able to end the field early (control characters become spaces: a subject
/// cannot smuggle in a `Bcc:`).
enum HeaderFolding {
    static let lineLimit = 76
    /// RFC 2047: an encoded word is at most 75 characters.
    static let encodedWordLimit = 75

    /// A piece of a folded field: `spaced` when whitespace separates it from the piece before.
    struct Piece: Equatable {
        var text: String
        var spaced: Bool
    }

    /// Free text (Subject, Auto-Submitted, X-Loop).
    static func unstructured(name: String, value: String) -> String {
        fold(name: name, pieces: textPieces(value, phrase: false))
    }

    /// A list of mailboxes, `Name <address>`, separated by commas.
    static func addresses(name: String, _ mailboxes: [MailAddress]) -> String {
        var pieces: [Piece] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var mailboxPieces = mailboxPieces(mailbox)
            if index > 0 { mailboxPieces[0].spaced = true }
            if index < mailboxes.count - 1 { mailboxPieces[mailboxPieces.count - 1].text += "," }
            pieces += mailboxPieces
        }
        return fold(name: name, pieces: pieces)
    }

    /// Message-ID, In-Reply-To, References: `<id>` tokens, folded between them.
    static func identifiers(name: String, _ ids: [String]) -> String {
        fold(name: name, pieces: ids.enumerated().map { index, id in
            Piece(text: "<" + String(id.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" }) + ">", spaced: index > 0)
        })
    }

    /// A field name as RFC 5322 allows it (printable ASCII but colon).
    static func fieldName(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && $0 != ":" })
    }

    static func fold(name: String, pieces: [Piece]) -> String {
        var lines: [String] = []
        var line = name + ":"
        for piece in pieces {
            let separator = piece.spaced || line == name + ":" ? " " : ""
            if line != name + ":", line.utf8.count + separator.count + piece.text.utf8.count > lineLimit, piece.spaced {
                lines.append(line)
                line = " " + piece.text
            } else {
                line += separator + piece.text
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// `Name <address>`: the name quoted or encoded as needed; the address as it is (printable
    /// ASCII only: the desk's addresses are checked when stored).
    static func mailboxPieces(_ mailbox: MailAddress) -> [Piece] {
        let address = "<" + String(mailbox.address.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" }) + ">"
        let name = singleLine(mailbox.name)
        guard !name.isEmpty else { return [Piece(text: address, spaced: false)] }
        var pieces = textPieces(name, phrase: true)
        pieces[0].spaced = false
        pieces.append(Piece(text: address, spaced: true))
        return pieces
    }

    /// Words of printable ASCII stay as they are; each run of words that are not becomes
    /// encoded words. In a display name (`phrase`) plain words with specials are quoted.
    static func textPieces(_ value: String, phrase: Bool) -> [Piece] {
        let words = singleLine(value).split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return [Piece(text: "", spaced: false)] }
        if phrase, words.allSatisfy(isPlainWord) {
            let joined = words.joined(separator: " ")
            return joined.unicodeScalars.contains(where: { phraseSpecials.contains($0) })
                ? [Piece(text: quoted(joined), spaced: false)]
                : words.enumerated().map { Piece(text: $1, spaced: $0 > 0) }
        }
        var pieces: [Piece] = []
        var run: [String] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            let encoded = EncodedWordWriter.words(run.joined(separator: " "), phrase: phrase)
            for (index, word) in encoded.enumerated() {
                pieces.append(Piece(text: word, spaced: index == 0 ? !pieces.isEmpty : true))
            }
            run = []
        }
        for word in words {
            // In a phrase a run must be encoded whole: an unquoted special would be read as syntax.
            if isPlainWord(word), !(phrase && word.unicodeScalars.contains(where: { phraseSpecials.contains($0) })) {
                flushRun()
                pieces.append(Piece(text: word, spaced: !pieces.isEmpty))
            } else {
                run.append(word)
            }
        }
        flushRun()
        return pieces
    }

    /// Printable ASCII that a decoder would not mistake for an encoded word.
    static func isPlainWord(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F } && !word.contains("=?") && word.utf8.count <= 60
    }

    static let phraseSpecials: Set<Unicode.Scalar> = ["(", ")", "<", ">", "[", "]", ":", ";", "@", "\\", ",", ".", "\""]

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Control characters (line ends included) become spaces; runs of whitespace one space.
    static func singleLine(_ text: String) -> String {
        var result = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
                || (0x80..<0xA0).contains(scalar.value)
            if isSpace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
