import Foundation

/// The desk's tag in subjects, `[Desk #42]` (the word is `mail.subject_tag`): mail-out writes
/// it, the mailgate reads the ticket number back from it.
public enum SubjectTag {
    /// `subject` with the tag of ticket `number` in front.
    public static func tagged(_ subject: String, number: Int64, tag: String) -> String {
        "[\(tag) #\(number)] \(subject)"
    }

    /// The number in the first `[TAG #N]` of `subject` (the tag compared ignoring case).
    public static func ticketNumber(in subject: String, tag: String) -> Int64? {
        let folded = subject.lowercased()
        let opening = "[" + tag.lowercased()
        var searchStart = folded.startIndex
        while let open = folded.range(of: opening, range: searchStart..<folded.endIndex) {
            var cursor = open.upperBound
            while cursor < folded.endIndex, folded[cursor] == " " { cursor = folded.index(after: cursor) }
            if cursor < folded.endIndex, folded[cursor] == "#" {
                let digitsStart = folded.index(after: cursor)
                var digitsEnd = digitsStart
                while digitsEnd < folded.endIndex, folded[digitsEnd].isASCII, folded[digitsEnd].isNumber {
                    digitsEnd = folded.index(after: digitsEnd)
                }
                if digitsEnd < folded.endIndex, folded[digitsEnd] == "]", digitsEnd > digitsStart,
                   let number = Int64(folded[digitsStart..<digitsEnd]), number > 0 {
                    return number
                }
            }
            searchStart = open.upperBound
        }
        return nil
    }
}
