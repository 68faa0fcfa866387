import DeskModel
import Foundation

/// `deskterm import`'s summary in the language the command speaks; each count is a counted
/// phrase of its own, so that every language gets its plural right.
enum ImportSummaryText {
    static func lines(_ summary: ImportSummary, names: String) -> [String] {
        func count(_ value: Int) -> [String: PhraseArgument] { ["count": .quantity(Int64(value))] }
        var tickets = Phrase.cli(one: "{count} ticket", other: "{count} tickets", count: summary.tickets, count(summary.tickets)).shown
        if summary.followUps > 0 {
            tickets += " (" + Phrase.cli(one: "{count} follow-up", other: "{count} follow-ups", count: summary.followUps, count(summary.followUps)).shown + ")"
        }
        let imported = [
            tickets,
            Phrase.cli(one: "{count} message", other: "{count} messages", count: summary.messages, count(summary.messages)).shown,
            Phrase.cli(one: "{count} user", other: "{count} users", count: summary.users, count(summary.users)).shown,
            Phrase.cli(one: "{count} organisation", other: "{count} organisations", count: summary.organisations, count(summary.organisations)).shown,
            Phrase.cli(one: "{count} attachment", other: "{count} attachments", count: summary.attachments, count(summary.attachments)).shown,
        ]
        let hundredths = Int((summary.seconds * 100).rounded())
        let language = CommandLanguage.current
        let seconds = "\(NumberText.grouped(hundredths / 100, in: language))\(NumberText.decimalSeparator(language))\(String(format: "%02d", hundredths % 100))"
        let outcome = [
            Phrase.cli(one: "{count} already in the desk", other: "{count} already in the desk", count: summary.alreadyPresent, count(summary.alreadyPresent)).shown,
            Phrase.cli(one: "{count} duplicate in the input", other: "{count} duplicates in the input", count: summary.duplicates, count(summary.duplicates)).shown,
            Phrase.cli(one: "{count} skipped", other: "{count} skipped", count: summary.skipped.count, count(summary.skipped.count)).shown,
            Phrase.cli(one: "{count} warning", other: "{count} warnings", count: summary.warnings.count, count(summary.warnings.count)).shown,
        ]
        var lines = [
            Phrase.cli("Imported {names}: {counts}", ["names": .text(TextSafety.sanitizedLine(names)), "counts": .text(imported.joined(separator: ", "))]).shown,
            Phrase.cli(one: "Read {count} message in {seconds} s ({rate} per second): {outcome}", other: "Read {count} messages in {seconds} s ({rate} per second): {outcome}",
                       count: summary.read, ["count": .quantity(Int64(summary.read)), "seconds": .text(seconds),
                                              "rate": .quantity(Int64(summary.messagesPerSecond.rounded())), "outcome": .text(outcome.joined(separator: ", "))]).shown,
        ]
        // The problems are the importer's own descriptions (file and line), shown as they are.
        lines += summary.skipped.map { Phrase.cli("skipped: {problem}", ["problem": .text(TextSafety.sanitizedLine($0.description))]).shown }
        lines += summary.warnings.map { Phrase.cli("warning: {problem}", ["problem": .text(TextSafety.sanitizedLine($0.description))]).shown }
        return lines
    }
}
