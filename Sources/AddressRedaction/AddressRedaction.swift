import Foundation

/// Keeps passwords out of every text that shows a database address, for the desk
/// (`DeskAddress`, key lines) and for the PostgreSQL layer (addresses, libpq's and the server's
/// messages) alike: one set of rules, in a target both depend on.
public enum AddressRedaction {
    public static let mask = "********"

    /// `text` (an address, or a message quoting one) with every password masked:
    /// - the password of a `scheme://user:password@host` authority, up to the last `@` before
    ///   the query, so a password typed with a `/` or an `@` in it is masked whole;
    /// - the value of every `password` parameter (`?password=…`, `&password=…`, libpq's
    ///   `password = '…'`), its name compared without case and after percent-decoding, as libpq
    ///   decodes names too (`pass%77ord=`); the value runs to the next `&` or line end (libpq
    ///   knows no `#` fragment: a `#` may be part of the password), or is one quoted string.
    public static func redacted(_ text: String) -> String {
        maskingParameters(in: maskingUserInfo(in: text))
    }

    /// `redacted(text)`, and the address's own password masked wherever it appears (the server
    /// quotes bad input back), also percent-encoded.
    public static func scrubbed(_ text: String, knownPassword password: String?) -> String {
        var result = redacted(text)
        if let password, !password.isEmpty {
            result = result.replacingOccurrences(of: password, with: mask)
            if let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != password {
                result = result.replacingOccurrences(of: encoded, with: mask)
            }
        }
        return result
    }

    private static func maskingUserInfo(in text: String) -> String {
        var result = text
        var searchStart = result.startIndex
        while let separator = result.range(of: "://", range: searchStart..<result.endIndex) {
            let start = separator.upperBound
            // Not at a blank or a quote: a password may hold them, and masking too much is safe.
            let authorityEnd = result[start...].firstIndex { "?#\n".contains($0) } ?? result.endIndex
            searchStart = authorityEnd
            // libpq reads the user and password up to the first `@` before any `/`, so a
            // password may hold an unencoded `?` or `#`: look that far too.
            let libpqEnd = result[start...].firstIndex { "/\n".contains($0) } ?? result.endIndex
            guard let at = result[start..<authorityEnd].lastIndex(of: "@") ?? result[start..<libpqEnd].firstIndex(of: "@"),
                  let colon = result[start..<at].firstIndex(of: ":")
            else { continue }
            let offset = result.distance(from: result.startIndex, to: colon) + 1 + mask.count + 1
            result.replaceSubrange(result.index(after: colon)..<at, with: mask)
            searchStart = result.index(result.startIndex, offsetBy: offset)
        }
        return result
    }

    /// A parameter's name and `=`, after the start, `?`, `&` or a blank.
    nonisolated(unsafe) private static let parameterName = #/(?:^|[?&\s])([A-Za-z0-9%_.\-]+)\s*=\s*/#

    private static func maskingParameters(in text: String) -> String {
        // Where each password value runs, found on the text as it is, then masked in one pass.
        var values: [Range<String.Index>] = []
        for match in text.matches(of: parameterName) {
            let name = String(match.output.1)
            guard (name.removingPercentEncoding ?? name).lowercased() == "password" else { continue }
            values.append(match.range.upperBound..<valueEnd(in: text, from: match.range.upperBound))
        }
        guard !values.isEmpty else { return text }
        var result = ""
        var copied = text.startIndex
        for value in values where value.lowerBound >= copied {
            result += text[copied..<value.lowerBound] + mask
            copied = value.upperBound
        }
        return result + text[copied...]
    }

    /// The end of a value: after its closing quote (backslash escapes one), else at the next
    /// `&` or line end.
    private static func valueEnd(in text: String, from start: String.Index) -> String.Index {
        guard start < text.endIndex, text[start] == "'" else {
            return text[start...].firstIndex { $0 == "&" || $0 == "\n" } ?? text.endIndex
        }
        var index = text.index(after: start)
        while index < text.endIndex {
            if text[index] == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if text[index] == "'" { return text.index(after: index) }
            index = text.index(after: index)
        }
        return text.endIndex
    }
}
