/// One file made from a photo: its name beside the profile page, its shape and its encoding.
struct PhotoVariant: Sendable, Hashable {
    enum Shape: Sendable, Hashable {
        /// This wide (never wider than the picture), height following.
        case width(Int)
        /// Exactly this size, cropped around what draws the eye.
        case cover(width: Int, height: Int)
    }

    enum Encoding: Sendable, Hashable {
        case jpeg(quality: Int)
        case webp(quality: Int)

        var fileExtension: String {
            switch self {
            case .jpeg: "jpg"
            case .webp: "webp"
            }
        }
    }

    var stem: String
    var shape: Shape
    var encoding: Encoding

    var fileName: String { stem + "." + encoding.fileExtension }
}
