import Foundation

/// A media type from a file name's extension, for files that come without one.
public enum MediaTypes {
    public static func guess(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "txt", "log": "text/plain"
        case "csv": "text/csv"
        case "json": "application/json"
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "zip": "application/zip"
        case "html", "htm": "text/html"
        default: "application/octet-stream"
        }
    }
}

extension MediaTypes {
    /// Text a pager or a terminal can show: a text media type (or JSON), or bytes that are
    /// UTF-8 without NUL.
    public static func isText(mediaType: String, data: Data) -> Bool {
        mediaType.hasPrefix("text/") || mediaType == "application/json"
            || (!data.contains(0) && String(data: data, encoding: .utf8) != nil)
    }
}
