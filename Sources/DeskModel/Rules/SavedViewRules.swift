import Foundation

/// What a saved view may be called and hold.
public enum SavedViewRules {
    public static let nameLimit = 40
    /// Saved views become tabs: beyond a few dozen they are no longer a way to navigate.
    public static let perUserLimit = 50

    public static func check(_ saved: SavedView) throws(DeskError) {
        let name = saved.name
        guard !name.isEmpty, name.count <= nameLimit, name.trimmingCharacters(in: .whitespaces) == name,
              !name.unicodeScalars.contains(where: { TextSafety.placeholder(for: $0) != nil }) else {
            throw .refused(.model("A view name has 1 to {limit} characters, no control characters and no blanks at either end", ["limit": .quantity(Int64(nameLimit))]))
        }
        // `list --view NAME` reads a case view first: a saved view must not hide one.
        if CaseView(lenient: name) != nil {
            throw .refused(.model("'{name}' is the name of a case view ({views}); choose another", ["name": .text(name), "views": .text(CaseView.spellings)]))
        }
        _ = try conditions(saved.filterText)
    }

    /// Conditions only: a view is a list read page by page in index order, which words
    /// (ranked by the text that matches) cannot be.
    public static func conditions(_ text: String) throws(DeskError) -> TicketFilter {
        let query: TicketQuery
        do {
            query = try TicketQuery.parse(text)
        } catch {
            throw .invalidFilter(error)
        }
        guard query.words.isEmpty else {
            throw .refused(.model("A view holds key:value conditions only, not words: '{words}'", ["words": .text(query.text)]))
        }
        guard !query.filter.isEmpty else { throw .refused(.model("A view needs at least one condition, like status:open")) }
        return query.filter
    }
}
