/// Settings before any section of the config file.
enum TopLevelSetting {
    /// `osc52 = "on"` (or `on`, unquoted): nil when the line sets something else.
    static func osc52(_ line: String, line number: Int) throws -> ClipboardSetting? {
        guard let equals = line.firstIndex(of: "="), line[..<equals].trimmingCharacters(in: .whitespaces) == "osc52" else { return nil }
        var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        guard let setting = ClipboardSetting(rawValue: value) else {
            throw UserConfig.Problem(line: number, reason: .client("osc52 is auto, on or off", context: "config problem"))
        }
        return setting
    }
}
