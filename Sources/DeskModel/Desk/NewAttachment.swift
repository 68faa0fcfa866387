import Foundation

/// A file to store with a new ticket or message: its name in the desk, media type and bytes.
public struct NewAttachment: Equatable, Sendable {
    public var name: String
    public var mediaType: String
    public var data: Data

    public init(name: String, mediaType: String, data: Data) {
        self.name = name
        self.mediaType = mediaType
        self.data = data
    }
}
