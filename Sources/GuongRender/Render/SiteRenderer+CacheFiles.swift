import GuongKit

extension SiteRenderer {
    /// The photo cache's file a job publishes as it is (a photo's size, square or share image), or nil for a
    /// job whose bytes are rendered.
    package func cacheFile(of job: PageJob) -> String? {
        guard case .photoFile(let index, let file) = job, let photo = context.model.profiles[index].preparedPhoto else { return nil }
        return photo.cachePath(of: photo.files[file].name)
    }
}
