// The mail library's types (MailMessage, MailHeaders, SHA256...) are part of DeskModel's API:
// importers, the mailgate and the executable use them through DeskModel.
@_exported import DeskMail
