/// Which catalogues a phrase is looked up in: one domain per target that declares phrases
/// (`DeskModel`, `DeskTUI`), each with a `Catalogues/<tag>.po` per language but English,
/// copied by SwiftPM into the bundle `deskterm_<name>.resources`.
public struct PhraseDomain: Hashable, Sendable {
    /// The target's name: its bundle is `deskterm_<name>.resources`, its installed folder
    /// `share/deskterm/<name>`.
    public let name: String

    public init(name: String) {
        self.name = name
    }

    /// Text shown as it is in every language.
    public static let verbatim = PhraseDomain(name: "")
}
