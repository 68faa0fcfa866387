import Foundation

/// Where the history a mail client quotes below (or above) a reply starts, so that a desk can
/// show the new text and fold the rest. Recognised, in any of the first lines that follow
/// some new text:
/// - attribution lines: `On … wrote:`, `Le … a écrit :`, `Il … ha scritto:`, `Am … schrieb …:`,
///   `El … escribió:`, `Em … escreveu:`, Japanese `…のメッセージ:` and `…さんは書きました:`
///   (an attribution may be wrapped onto a second line);
/// - separators: `-----Original Message-----` and its translations;
/// - Outlook's header block (`From:` then `Sent:`/`Date:` and `Subject:` within a few lines,
///   in English, French, German, Italian, Spanish or Portuguese), with the rule above it;
/// - a block of `>` lines that ends the message (inline answers between quotes stay new text).
public enum QuotedHistory {
    public struct Split: Equatable, Sendable {
        /// What the sender wrote, trailing blank lines removed.
        public var newText: String
        /// The quoted history from its first line (attribution included); empty when none.
        public var quoted: String
    }

    /// An attribution longer than this is prose, not a client's line.
    static let longestAttribution = 400

    /// Attributions and header blocks are looked for in the first lines only: a parse limit
    /// (new text longer than this is not a reply with history below it).
    public static let maximumScannedLines = 5_000

    public static func split(_ text: String) -> Split {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = quoteStart(lines) else { return Split(newText: text, quoted: "") }
        var newLines = lines[..<start]
        while let last = newLines.last, trimmed(last).isEmpty { newLines.removeLast() }
        return Split(newText: newLines.joined(separator: "\n"), quoted: lines[start...].joined(separator: "\n"))
    }

    /// Without the spaces, tabs and CR around it (cheap: no Foundation).
    static func trimmed(_ line: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{00A0}" }
        guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) }) else { return "" }
        return line[first...last]
    }

    /// The index of the quote's first line, after at least one line of new text.
    static func quoteStart(_ allLines: [Substring]) -> Int? {
        let scanned = allLines.prefix(maximumScannedLines)
        let trimmed = scanned.map { String(Self.trimmed($0)) }
        guard let firstText = trimmed.firstIndex(where: { !$0.isEmpty }) else { return nil }
        var index = firstText + 1
        while index < trimmed.count {
            let line = trimmed[index]
            if isSeparator(line) { return index }
            if line.count <= longestAttribution {
                if isAttribution(line) { return index }
                // Wrapped: the attribution's end on the next line (which is not one by itself).
                if !line.isEmpty, index + 1 < trimmed.count, !isAttribution(trimmed[index + 1]),
                   isAttribution(line + " " + trimmed[index + 1]) {
                    return index
                }
            }
            if isOutlookHeaderStart(trimmed, index) {
                let rule = previousTextLine(trimmed, before: index)
                if let rule, rule > firstText, trimmed[rule].allSatisfy({ $0 == "_" || $0 == "-" }) && trimmed[rule].count >= 5 {
                    return rule
                }
                return index
            }
            index += 1
        }
        return trailingQuoteBlock(allLines, after: firstText)
    }

    static func isSeparator(_ line: String) -> Bool {
        guard line.hasPrefix("--"), line.hasSuffix("--") else { return false }
        let words = line.trimmingCharacters(in: CharacterSet(charactersIn: "- ")).lowercased()
        return [
            "original message", "message d'origine", "message d’origine", "ursprüngliche nachricht", "messaggio originale",
            "mensaje original", "mensagem original", "forwarded message", "message transféré", "weitergeleitete nachricht",
            "元のメッセージ",
        ].contains(words)
    }

    static func isAttribution(_ raw: String) -> Bool {
        // French puts a (no-break) space before the colon.
        let line = raw.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        func between(_ prefix: String, _ suffixes: [String]) -> Bool {
            line.hasPrefix(prefix) && suffixes.contains { line.hasSuffix($0) } && line.count > prefix.count + 8
        }
        if between("On ", ["wrote:"]) { return true }
        if between("Le ", ["a écrit :", "a écrit:"]) { return true }
        if between("Il ", ["ha scritto:"]) { return true }
        if line.hasPrefix("Am "), line.contains(" schrieb"), line.hasSuffix(":") { return true }
        if between("El ", ["escribió:"]) { return true }
        if between("Em ", ["escreveu:"]) { return true }
        for suffix in ["のメッセージ:", "のメッセージ：", "さんは書きました:", "さんは書きました：", "は書きました:", "は書きました："]
        where line.hasSuffix(suffix) && line.count > suffix.count {
            return true
        }
        return false
    }

    static let fromLabels = ["From:", "De :", "De:", "Von:", "Da:"]
    static let sentLabels = ["Sent:", "Date:", "Envoyé :", "Envoyé:", "Gesendet:", "Datum:", "Inviato:", "Data:", "Enviado:", "Enviado el:", "Fecha:"]
    static let subjectLabels = ["Subject:", "Objet :", "Objet:", "Betreff:", "Oggetto:", "Asunto:", "Assunto:"]

    static func isOutlookHeaderStart(_ lines: [String], _ index: Int) -> Bool {
        guard fromLabels.contains(where: { lines[index].hasPrefix($0) }) else { return false }
        let following = lines[(index + 1)..<min(lines.count, index + 6)]
        return following.contains { line in sentLabels.contains { line.hasPrefix($0) } }
            && following.contains { line in subjectLabels.contains { line.hasPrefix($0) } }
    }

    static func previousTextLine(_ lines: [String], before index: Int) -> Int? {
        var cursor = index - 1
        while cursor >= 0 {
            if !lines[cursor].isEmpty { return cursor }
            cursor -= 1
        }
        return nil
    }

    /// The first line of the `>` block that ends the message, when new text comes before it.
    static func trailingQuoteBlock(_ lines: [Substring], after firstText: Int) -> Int? {
        func isBlank(_ index: Int) -> Bool { trimmed(lines[index]).isEmpty }
        func isQuote(_ index: Int) -> Bool { trimmed(lines[index]).hasPrefix(">") }
        guard let lastText = lines.indices.reversed().first(where: { !isBlank($0) }), isQuote(lastText) else { return nil }
        var start = lastText
        while start > firstText, isBlank(start - 1) || isQuote(start - 1) { start -= 1 }
        while start < lastText, isBlank(start) { start += 1 }
        return start > firstText && !isQuote(firstText) ? start : nil
    }
}
