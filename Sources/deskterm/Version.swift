/// deskterm's version: what `deskterm --version` prints, and the version `scripts/package`
/// gives the Debian package (it asks the built binary, so there is one place to change it).
enum DesktermVersion {
    static let current = "0.14.0"
}
