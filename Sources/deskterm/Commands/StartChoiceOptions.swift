import ArgumentParser
import DeskModel

/// The client's own start-up choices. Given, they win over what the user last chose (kept in
/// the desk, `deskterm settings`).
struct StartChoiceOptions: ParsableArguments {
    @Option(name: .customLong("start-view"), help: .cli("Open this view: recent, active, mine, open, all, or one of your saved views."))
    var view: String?
    @Option(name: .customLong("start-sort"), help: .cli("Sort by created, updated, triage or due (agents)."))
    var sort: SortKey?
    @Flag(name: .customLong("start-oldest-first"), help: .cli("Reverse the order."))
    var oldestFirst = false

    /// The choices given, checked against the desk (a saved view must exist).
    func settings(store: any DeskStore, viewer: Viewer) throws(DeskError) -> UserSettings {
        if let view, CaseView(lenient: view) == nil {
            _ = try store.savedView(named: view, viewer: viewer)
        }
        return UserSettings(view: view, sort: sort, oldestFirst: oldestFirst ? true : nil)
    }
}
