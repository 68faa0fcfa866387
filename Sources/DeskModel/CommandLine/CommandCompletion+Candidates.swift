/// What Tab offers on the command line: command names first, then the argument's values
/// (agents for `assign`, statuses the viewer may choose for `status`, views, sorts). Staff-only
/// commands are never offered to customers.
public enum CommandCandidates {
    /// The text before the word being completed, and the candidates for that word.
    public static func complete(_ text: String, state: DeskState, agentHandles: [String]) -> (base: String, word: String, candidates: [String], isCommandName: Bool) {
        guard let blank = text.firstIndex(of: " ") else {
            let typed = text.lowercased()
            let names = CommandLineTable.offered(to: state.viewer).map(\.name).filter { $0.hasPrefix(typed) }
            return ("", text, names, true)
        }
        let base = String(text[...blank])
        let argument = String(text[text.index(after: blank)...])
        guard case .found(let command) = CommandLineTable.lookup(String(text[..<blank]), viewer: state.viewer) else {
            return (base, argument, [], false)
        }
        let values = values(for: command.argument, state: state, agentHandles: agentHandles)
        let typed = argument.lowercased()
        return (base, argument, values.filter { $0.lowercased().hasPrefix(typed) }, false)
    }

    static func values(for argument: LineCommand.Argument, state: DeskState, agentHandles: [String]) -> [String] {
        switch argument {
        case .none, .text: []
        case .agent: ["me", "none"] + agentHandles.filter { $0 != state.viewer.user.handle }
        case .status: choosableStatuses(state).map(\.rawValue)
        case .view: CommandLineTable.viewNames(state)
        case .sort: SortKey.allCases.map(\.rawValue)
        case .language: Language.allCases.map(\.rawValue)
        }
    }

    /// The statuses the open ticket may move to for this viewer, as the status menu offers
    /// them; with no ticket open, every status this viewer's side may ever choose.
    static func choosableStatuses(_ state: DeskState) -> [TicketStatus] {
        let side = Permissions.side(of: state.viewer)
        if let ticket = state.openTicket?.detail.ticket {
            return Workflow.reachableStatuses(from: ticket.status, side: side).filter { target in
                Workflow.action(reaching: target).map { Permissions.canApply($0, viewer: state.viewer, ticket: ticket) } ?? false
            }
        }
        let reachable = Set(TicketStatus.allCases.flatMap { Workflow.reachableStatuses(from: $0, side: side) })
        return TicketStatus.allCases.filter(reachable.contains)
    }

    /// The longest beginning all candidates share (case as the first one has it).
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.lowercased().hasPrefix(prefix.lowercased()) { prefix.removeLast() }
        }
        return prefix
    }
}
