/// What a cell means, not how it looks: the terminal adapter maps each style to colours and
/// attributes for the terminal at hand (8 colours, monochrome, or `NO_COLOR`).
public enum Style: UInt8, CaseIterable, Equatable, Sendable {
    case normal
    case bar            // top bar and column headers
    case tabActive
    case tabInactive
    case selected       // the selected row of the focused list
    case selectedDim    // the selected row of a list without focus
    case dim            // system events, secondary text
    case internalNote   // internal notes, tinted
    case heading        // message headers, field names
    case error
    case info
    case keyHint        // key names on the bottom line
    case border
    case urgent         // critical urgency
    case placeholder    // a control character or escape shown as a visible stand-in
    case overlay        // help, menus
    case searchHit      // a searched word found in a result
    case searchHitSelected // the same on the selected result
    case unread         // a list row changed by someone else since the viewer last opened it
    case breached       // a service-level target missed (with the "!" mark)
    case dueSoon        // a service-level target due within the hour (with the "~" mark)
}
