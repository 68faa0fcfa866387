/// Where a full-screen client's change feed listens when the desk's own address cannot carry
/// LISTEN (a pooler in transaction mode): `DESKTERM_LISTEN_DB`, the server itself or a
/// session-mode pool (docs/SCALING.md).
extension PostgresDeskAddress {
    public static let listenVariable = "DESKTERM_LISTEN_DB"

    /// The listening address from the environment; nil when unset, empty or not a
    /// `postgresql://` address (the feed then listens on the desk's address).
    public static func listening(environment: [String: String]) -> PostgresDeskAddress? {
        guard let text = environment[listenVariable], !text.isEmpty,
              case .postgresql(let address)? = try? DeskAddress(text)
        else { return nil }
        return address
    }
}
