import DeskModel

/// Draws the tree prefix of one history line (`│ ├─ └─`) from the structural facts the model
/// gives. Top-level messages get no prefix, like mutt's thread view.
public enum ThreadPrefix {
    public static func of(_ line: ThreadLine) -> String {
        guard line.depth > 0 else { return "" }
        var prefix = ""
        // Level 0 is the top level, drawn without a rail.
        for level in 1..<line.depth {
            prefix += line.ancestorsContinue[level] ? "│ " : "  "
        }
        prefix += line.isLastSibling ? "└─" : "├─"
        return prefix
    }

    /// The rails under a message's header, for its body lines: the same columns as the
    /// prefix, with a rail where this message has later siblings.
    public static func continuation(_ line: ThreadLine) -> String {
        guard line.depth > 0 else { return "" }
        var rail = ""
        for level in 1..<line.depth {
            rail += line.ancestorsContinue[level] ? "│ " : "  "
        }
        rail += line.isLastSibling ? "  " : "│ "
        return rail
    }
}
