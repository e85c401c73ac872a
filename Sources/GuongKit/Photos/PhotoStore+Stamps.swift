import Foundation

/// Each cache file's size and modification time, kept in its entry's `info`: a rebuild then knows a previous
/// output's photo file for the cache's by one `stat` of the output's file alone (docs/photos.md, The cache).
extension PhotoStore {
    /// `photo` with the stamps of its files in the entry folder `entry`; nil for a file that is not there as a
    /// regular file (the entry is then used as it is, and publishing it says what is wrong).
    static func stamped(_ photo: PreparedPhoto, entry: String) -> PreparedPhoto? {
        var photo = photo
        for index in photo.files.indices {
            var status = stat()
            guard lstat(entry + "/" + photo.files[index].name, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            photo.files[index].stamp = PreparedPhoto.Stamp(status)
        }
        return photo
    }

    /// An entry made by a guong that kept no stamps gets them on its first use: its `info` is written anew
    /// (beside, then renamed over the old one; the published files themselves are not touched).
    static func addingStamps(to photo: PreparedPhoto, entry: String) -> PreparedPhoto {
        guard photo.files.contains(where: { $0.stamp == nil }), let stamped = stamped(photo, entry: entry) else { return photo }
        return writingInfo(stamped, entry: entry)
    }

    /// Stamps the entry at `entry` again: the output gave some of its files the time of a previous output's
    /// file with the same bytes (`OutputFolder.publish`), and its `info` must say so, or every later rebuild
    /// would find the output's files unlike their stamps and look into the cache for each. The new `info` has
    /// a new stamp of its own, so a profile the parse cache kept with the old one is read again
    /// (`stillHolds`). Nothing is done when the entry cannot be read or stamped.
    package static func restamp(entry: String) {
        guard let photo = readInfo(entry: entry), let stamped = stamped(photo, entry: entry), stamped.files != photo.files else { return }
        _ = writingInfo(stamped, entry: entry)
    }

    /// The photo the `info` of the entry at `entry` describes, or nil when it cannot be read as one.
    static func readInfo(entry: String) -> PreparedPhoto? {
        guard case .read(let info) = FileBytes.read(entry + "/info", limit: 64 * 1024) else { return nil }
        return PreparedPhoto(info: info[...], folderPath: entry)
    }

    /// Writes `photo`'s `info` into the entry `entry` (beside, then renamed over the old one; the published files
    /// themselves are not touched); `photo` with the new `info`'s stamp, or as it was if it cannot be written.
    private static func writingInfo(_ photo: PreparedPhoto, entry: String) -> PreparedPhoto {
        let temporary = entry + "/.info.\(UUID().uuidString)"
        do {
            try Data(photo.info.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            return photo
        }
        var written = photo
        written.infoStamp = FileStamp(path: temporary)
        if rename(temporary, entry + "/info") != 0 {
            unlink(temporary)
            return photo
        }
        return written
    }
}
