import ArgumentParser

// STAND-IN until h-mail-in's MailCommand (Sources/deskterm/Commands/MailCommands.swift) is
// merged: then its subcommands gain MailOutCommands.subcommands and this file goes.
struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "The desk's mail: outbox and notifications.", subcommands: MailOutCommands.subcommands)
}
