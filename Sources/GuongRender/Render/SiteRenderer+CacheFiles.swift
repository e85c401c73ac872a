import GuongKit

/// A photo's files as the photo cache holds them, to be published as they are: the cache entry's folder,
/// the site folder they go to (the profile's, `dien-hinh/<slug>`), and their names in both.
public struct CachedPhotoFiles: Sendable, Equatable {
    public var cacheFolder: String
    public var siteFolder: String
    public var names: [String]
    /// Each file's size and time in the cache, when its entry keeps them.
    public var stamps: [PreparedPhoto.Stamp?]
}

extension SiteRenderer {
    /// The photo cache's files of the profile a job's photo file belongs to, or nil for a job whose bytes
    /// are rendered.
    package func cachedPhotoFiles(of job: PageJob) -> CachedPhotoFiles? {
        guard case .photoFile(let index, _) = job, let photo = context.model.profiles[index].preparedPhoto else { return nil }
        var siteFolder = SitePaths.profile(context.model.profiles[index].slug)
        siteFolder.removeLast()  // its `/`
        return CachedPhotoFiles(cacheFolder: photo.folderPath, siteFolder: siteFolder, names: photo.files.map(\.name),
                                stamps: photo.files.map(\.stamp))
    }
}
