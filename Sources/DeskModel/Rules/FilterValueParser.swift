import Foundation

/// Reads the values of one filter key (`open,pending`, `>=serious`, `<7d`, `me`).
enum FilterValueParser {
    static func condition(_ key: FilterKey, items: [String]) throws(FilterError) -> FilterCondition {
        switch key {
        case .status: return .status(Set(try each(items, status)))
        case .urgency: return .urgency(Set(try each(items, urgencies).joined()))
        case .kind: return .kind(Set(try each(items, kind)))
        case .assignee: return .assignee(try each(items) { item throws(FilterError) in try person(item, key: key) })
        case .requester: return .requester(try each(items) { item throws(FilterError) in try person(item, key: key) })
        case .watching: return .watcher(try each(items) { item throws(FilterError) in try person(item, key: key) })
        case .org:
            let names = items.map { $0.trimmingCharacters(in: .whitespaces) }
            if names.contains(where: \.isEmpty) { throw .missingValue(key) }
            return .organisation(names)
        case .callback: return .callback(Set(try each(items) { item throws(FilterError) in try callbackStates(item) }.joined()))
        case .updated, .created:
            guard items.count == 1 else { throw .oneValueOnly(key, items.joined(separator: ",")) }
            let range = try TimeValueParser.range(items[0], key: key)
            return key == .updated ? .updated(range) : .created(range)
        }
    }

    /// `open` is requested or taken; `any` is every state.
    private static func callbackStates(_ item: String) throws(FilterError) -> Set<CallbackState> {
        switch fold(item) {
        case "open": return CallbackState.open
        case "any", "all": return Set(CallbackState.allCases)
        case let folded:
            guard let state = CallbackState(rawValue: folded) else { throw .unknownValue(.callback, item) }
            return [state]
        }
    }

    /// `map` that keeps the error's type (the standard one does not in this toolchain).
    private static func each<T>(_ items: [String], _ parse: (String) throws(FilterError) -> T) throws(FilterError) -> [T] {
        var results: [T] = []
        for item in items { results.append(try parse(item)) }
        return results
    }

    /// The words people use besides the raw values, folded as `LenientlyParsable` folds them.
    private static let statusAliases: [String: TicketStatus] = [
        "awaiting": .awaitingCustomer, "waiting": .awaitingCustomer, "actionrequired": .awaitingCustomer,
        "actionrequiredfromyou": .awaitingCustomer, "solutionproposed": .pending, "proposed": .pending,
    ]

    private static let kindAliases: [String: TicketKind] = ["service": .serviceRequest, "request": .serviceRequest]

    private static func fold(_ text: String) -> String {
        text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
    }

    private static func refuseComparison(_ key: FilterKey, _ item: String) throws(FilterError) {
        if let first = item.first, "<>=".contains(first) { throw .comparisonNotAllowed(key, item) }
    }

    static func status(_ item: String) throws(FilterError) -> TicketStatus {
        try refuseComparison(.status, item)
        guard let status = TicketStatus(lenient: item) ?? statusAliases[fold(item)] else { throw .unknownValue(.status, item) }
        return status
    }

    static func kind(_ item: String) throws(FilterError) -> TicketKind {
        try refuseComparison(.kind, item)
        guard let kind = TicketKind(lenient: item) ?? kindAliases[fold(item)] else { throw .unknownValue(.kind, item) }
        return kind
    }

    /// `serious`, or a bound: `>=serious` is serious and critical.
    static func urgencies(_ item: String) throws(FilterError) -> Set<Urgency> {
        let (comparison, rest) = Comparison.split(item)
        guard let urgency = Urgency(lenient: rest) else { throw .unknownValue(.urgency, item) }
        return Set(Urgency.allCases.filter { comparison.holds($0.level, urgency.level) })
    }

    static func person(_ item: String, key: FilterKey) throws(FilterError) -> PersonReference {
        let handle = item.lowercased()
        if handle == "me" { return .me }
        if key == .assignee && ["none", "nobody", "unassigned"].contains(handle) { return .nobody }
        guard Handles.isValid(handle) else { throw .unknownValue(key, item) }
        return .handle(handle)
    }
}

/// The comparison that may start a value: `<`, `<=`, `>`, `>=`, `=` or none.
enum Comparison: String, Sendable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "="

    /// The comparison and the rest of the value; no comparison reads as `=`.
    static func split(_ item: String) -> (Comparison, String) {
        for comparison in [Comparison.lessOrEqual, .greaterOrEqual, .less, .greater, .equal] where item.hasPrefix(comparison.rawValue) {
            return (comparison, String(item.dropFirst(comparison.rawValue.count)))
        }
        return (.equal, item)
    }

    func holds(_ left: Int, _ right: Int) -> Bool {
        switch self {
        case .less: left < right
        case .lessOrEqual: left <= right
        case .greater: left > right
        case .greaterOrEqual: left >= right
        case .equal: left == right
        }
    }
}
