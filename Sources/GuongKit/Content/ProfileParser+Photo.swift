import Foundation

extension ProfileParser {
    /// Runs a photo that passed `readPhoto` through the photo store: decoded whole within the settings'
    /// bounds, its published files made (or found in the cache). Problems are reported at the `photo:` line.
    /// `checked` are the bytes intake files, when it keeps them: libvips then judges those, not a later read;
    /// `signature` is the file's as `readPhoto` found it.
    func preparePhoto(_ url: URL, checked: [UInt8]?, signature: String, fields: FrontMatterFields, file: ContentFile,
                      diagnostics: inout [Diagnostic]) -> PreparedPhoto? {
        guard let photos, let format = PhotoFormat(extension: url.pathExtension) else { return nil }
        // readPhoto has read the value already and reported any problem with it.
        var ignored: [Diagnostic] = []
        guard let (name, at) = fields.text(.photo, diagnostics: &ignored) else { return nil }
        switch photos.prepare(url, format: format, checked: checked, signature: signature) {
        case .success(let photo):
            if !photo.isVector, photo.width < photos.settings.minimumWidth {
                diagnostics.append(.photoSmall(at, path: name, width: photo.width, minimum: photos.settings.minimumWidth))
            }
            return photo
        case .failure(.tooManyPixels(let width, let height, let limit)):
            diagnostics.append(.photoTooManyPixels(at, path: name, width: width, height: height, limit: limit))
        case .failure(.corrupt):
            diagnostics.append(.photoCorrupt(at, path: name))
        case .failure(.pngTextTooLarge(let bytes, let limit)):
            diagnostics.append(.photoMetadataTooLarge(at, path: name, bytes: bytes, limit: limit))
        case .failure(.cacheUnwritable(let path)):
            diagnostics.append(.photoCacheUnwritable(at, path: name, cache: path))
        case .failure(.libraryMissing):
            diagnostics.append(.photoLibraryMissing(at, path: name))
        }
        return nil
    }
}
