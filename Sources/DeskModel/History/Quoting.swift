import Foundation

/// A message quoted for a reply, as mail readers do: an attribution line, then the message's
/// lines prefixed with `> `, long lines re-wrapped at a readable width. The text is
/// sanitised (it came from a ticket) before it enters the composer.
public enum Quoting {
    /// Columns of a quoted line, prefix included.
    public static let width = 72

    /// The attribution is in `language`, the replying person's: the quote is text they edit
    /// and send, so it is written once, in their words and with their language's date.
    public static func quote(_ body: String, author: String, at date: Date, in language: Language = .english) -> String {
        let clean = TextSafety.sanitizedBlock(body).trimmingCharacters(in: .whitespacesAndNewlines)
        var lines = [attribution(author: TextSafety.sanitizedLine(author), at: date, in: language)]
        for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
            // Lines already quoted keep their shape: re-wrapping would mix the levels.
            if line.isEmpty || line.hasPrefix(">") {
                lines.append(line.isEmpty ? ">" : ">" + line)
                continue
            }
            lines += wrap(String(line), width: width - 2).map { "> " + $0 }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    public static func attribution(author: String, at date: Date, in language: Language = .english) -> String {
        Phrase.model("{author} wrote on {date}:", context: "quoted reply",
                     ["author": .text(author), "date": .text(DateText.minute(date, in: language))]).text(in: language)
    }

    /// Greedy word wrap by display width; a word wider than the line stays whole.
    static func wrap(_ line: String, width: Int) -> [String] {
        var result: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                result.append(current)
                current = String(word)
            }
        }
        result.append(current)
        return result
    }
}
