import ArgumentParser
import DeskModel
import Foundation

/// `deskterm import csv`: ticket exports of other help desks (the README, "Importing history").
struct ImportCSVCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "csv", abstract: .cli("Import ticket exports in CSV: one row per ticket, or per message with a ticket id column.")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("CSV files, a header line first.")) var paths: [String]
    @Option(name: .customLong("map"), help: .cli("Read a ticket field from a column: TARGET=COLUMN, e.g. body=Description or tags=tag_1,tag_2 (repeatable).", valueName: "target=column"))
    var mappings: [String] = []
    @Option(help: .cli("Column names of a known export: multilingual-tickets, zendesk, freshdesk, otrs, osticket.", valueName: "name"))
    var preset: String?
    @Option(name: .customLong("value"), help: .cli("Read a value as the desk's: TARGET:VALUE=DESK-VALUE for urgency, status or kind, e.g. urgency:medium=serious (repeatable).", valueName: "target:value=desk-value"))
    var values: [String] = []
    @Option(help: .cli("The character between fields: a comma unless given; tab for a tab.", valueName: "character"))
    var delimiter = ","
    @Flag(inversion: .prefixedNo, help: .cli("One transaction that owns the desk while it runs, indexes built at the end: much faster, for a SQLite desk nobody else writes to meanwhile (the default for a desk without tickets). --no-bulk: a transaction per batch."))
    var bulk: Bool?
    @OptionGroup var settings: ImportSettingsOptions

    func csvSettings() throws(DeskError) -> CSVImportSettings {
        var mapping = CSVMapping()
        if let preset {
            guard let named = CSVMapping(preset: preset) else {
                throw .cli("--preset: unknown export '{name}'; presets: {names}", [
                    "name": .text(preset), "names": .text(CSVMapping.presets.keys.sorted().joined(separator: ", ")),
                ])
            }
            mapping = named
        }
        for entry in mappings {
            if mapping.add(entry) { continue }
            throw .cli("--map takes TARGET=COLUMN with a target among {targets}, not '{mapping}'", [
                "mapping": .text(entry), "targets": .text(CSVMapping.targets.joined(separator: ", ")),
            ])
        }
        if mapping.columns["subject"] == nil && mapping.columns["body"] == nil {
            throw .cli("Map a column to subject or body (--map body=COLUMN), or choose a --preset")
        }
        var readings = CSVValues()
        for entry in values {
            switch readings.add(entry) {
            case nil: break
            case .form: throw .cli("--value takes TARGET:VALUE=DESK-VALUE, not '{value}'", ["value": .text(entry)])
            case .target: throw .cli("--value '{value}': values are read for urgency, status and kind", ["value": .text(entry)])
            case .deskValue(let target, let spellings):
                throw .cli("--value '{value}': {target} is one of {spellings}", ["value": .text(entry), "target": .text(target), "spellings": .text(spellings)])
            }
        }
        let separator = delimiter == "tab" || delimiter == "\\t" ? "\t" : delimiter
        guard separator.utf8.count == 1, let byte = separator.utf8.first, byte != UInt8(ascii: "\""), byte != 10, byte != 13 else {
            throw .cli("--delimiter takes one character other than a quote or a line end, not '{value}'", ["value": .text(delimiter)])
        }
        return CSVImportSettings(mapping: mapping, values: readings, delimiter: byte)
    }

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let csv = try command.csvSettings()
            var options = try command.settings.importOptions()
            options.bulk = command.bulk
            if command.bulk == true, try command.global.deskAddress().sqlitePath == nil {
                throw .cli("--bulk is for SQLite desks; a PostgreSQL desk imports in batches")
            }
            try ImportRun.requireFiles(command.paths)
            for path in command.paths {
                switch DeskImport.checkCSVHeader(path, settings: csv) {
                case nil: break
                case .unreadable: throw .cli("Cannot read {path}", ["path": .text(path)])
                case .empty: throw .cli("{path} is empty: a CSV file starts with a header line", ["path": .text(path)])
                case .malformed(let problem):
                    throw .cli("{path}: the header line is not valid CSV ({problem})", ["path": .text(path), "problem": .text(problem)])
                case .missingColumns(let names):
                    throw .cli("{path} has no column named {names}", ["path": .text(path), "names": .text(names.joined(separator: ", "))])
                }
            }
            let store = try ImportRun.openStore(command.global)
            try ImportRun.perform(command.paths, settings: command.settings) { progress throws(DeskError) in
                try DeskImport.csv(command.paths, into: store, options: options, csv: csv, progress: progress)
            }
        }
    }
}
