import Foundation

/// Warns when a new ticket looks like an active one of the same requester.
///
/// Subjects are compared as sets of significant words (folded for case and diacritics, short
/// words and common filler dropped). Two subjects match when the Jaccard similarity of those
/// sets is at least `threshold`, or when one set contains the other and has two or more words.
public enum DuplicateGuard {
    public static let threshold = 0.6

    public static func looksLikeDuplicate(_ newSubject: String, of existingSubject: String) -> Bool {
        let a = significantWords(newSubject)
        let b = significantWords(existingSubject)
        guard !a.isEmpty, !b.isEmpty else { return false }
        if a == b { return true }
        let smaller = a.count <= b.count ? a : b
        let larger = a.count <= b.count ? b : a
        if smaller.count >= 2 && smaller.isSubset(of: larger) { return true }
        let shared = Double(a.intersection(b).count)
        let union = Double(a.union(b).count)
        return shared / union >= threshold
    }

    /// The first active ticket (newest first) whose subject matches, if any.
    public static func firstMatch(_ newSubject: String, among active: [Ticket]) -> Ticket? {
        active.first { !$0.status.isClosed && looksLikeDuplicate(newSubject, of: $0.subject) }
    }

    static func significantWords(_ text: String) -> Set<String> {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return Set(words.filter { $0.count >= 3 && !fillerWords.contains($0) })
    }

    private static let fillerWords: Set<String> = [
        "the", "and", "for", "with", "not", "can", "cannot", "from", "our", "your", "after", "when",
        "les", "des", "une", "pas", "est", "dans", "pour", "avec",
        "der", "die", "das", "und", "mit", "nicht", "von",
        "con", "non", "per", "della", "nel", "gli",
        "please", "help", "issue", "problem", "question",
    ]
}
