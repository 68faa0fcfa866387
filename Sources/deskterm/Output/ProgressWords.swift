import DeskModel

/// The steps a bulk load or a copy reports by name (`BulkDesk`, `SQLiteBulkStructures`, the
/// copy targets), in the language the command speaks; a step this list does not know shows
/// as it is named.
enum ProgressWords {
    static func phase(_ name: String) -> String {
        let phrase: Phrase? = switch name {
        case "tickets": .cli("tickets", context: "progress step")
        case "indexes": .cli("indexes", context: "progress step")
        case "full-text index": .cli("full-text index", context: "progress step")
        case "triggers": .cli("triggers", context: "progress step")
        case "counts": .cli("counts", context: "progress step")
        case "statistics": .cli("statistics", context: "progress step")
        case "foreign keys": .cli("foreign keys", context: "progress step")
        case "done": .cli("done", context: "progress step")
        case "pages": .cli("pages", context: "progress step")
        default: nil
        }
        return phrase?.shown ?? name
    }
}
