import Foundation
import GuongKit

/// The spare tree: the old site, swapped out by a build, kept beside the output (`.<name>.guong-spare`) to
/// become the next build's staging folder instead of being deleted. Most of its files are the live site's
/// too (hard links: the same inodes, the files a build carried over), so the next build leaves those as
/// they are and replaces only the others: a rebuild after an edit then neither links every unchanged file
/// into an empty folder nor unlinks the old tree's, 16,000 of each at 10,000 profiles, which a journaling
/// file system pays for dearly (docs/performance.md). The swap stays one atomic exchange; a file the spare
/// tree shares with the live site is never written into, only replaced (`write`, `keepPrevious`,
/// `publish`), and what the new site does not hold is removed before the swap (`removeStale`). The spare
/// tree is ours (it carries the marker) and is safe to delete: the next build then starts from an empty
/// folder.
extension OutputFolder {
    /// What `removeStale` found.
    struct StaleRemoval {
        /// False when the staging folder held a link: the build's paths may have gone through it.
        var withoutLinks = true
    }

    /// Removes from a staging folder that started as the spare tree every entry the new site does not hold
    /// (`paths`, relative to it; the marker stays), and the folders left empty. Links are removed too, and
    /// reported: guong writes none, so one was planted, maybe where a folder belongs — a page kept "as it was"
    /// through it would be the live file, and gone with the link (the build is then made again, `SiteBuilder`).
    func removeStale(keeping paths: Set<String>) -> StaleRemoval {
        var removal = StaleRemoval()
        guard usesSpare else { return removal }
        _ = Self.removeStale(in: stagingPath, prefix: "", keeping: paths, removal: &removal)
        return removal
    }

    /// Whether `folder` is empty once its stale entries are removed.
    private static func removeStale(in folder: String, prefix: String, keeping paths: Set<String>, removal: inout StaleRemoval) -> Bool {
        guard let directory = opendir(folder) else { return false }
        let listed = FolderWalk.entries(of: directory) { name in
            var info = stat()
            return lstat(folder + "/" + name, &info) == 0 ? info : nil
        }
        closedir(directory)
        var remaining = 0
        for (name, kind, _) in listed {
            let relative = prefix + name
            if kind == DT_DIR {
                // Never a link: a link to a folder is listed as a link, and removed like a file.
                guard removeStale(in: folder + "/" + name, prefix: relative + "/", keeping: paths, removal: &removal),
                      rmdir(folder + "/" + name) == 0 else {
                    remaining += 1
                    continue
                }
            } else if kind == DT_LNK {
                removal.withoutLinks = false
                if unlink(folder + "/" + name) != 0 { remaining += 1 }
            } else if relative == markerName || paths.contains(relative) {
                remaining += 1
            } else if unlink(folder + "/" + name) != 0 {
                remaining += 1
            }
        }
        return remaining == 0
    }

    /// Keeps the old site, at `old` after the swap, as the spare tree; deletes it if it cannot be kept.
    /// The spare tree is closed to everyone but its owner (mode 0700): an output built straight into a web
    /// server's folder must not serve the old site — a profile just withdrawn, say — from a hidden folder beside it.
    static func keepAsSpare(_ old: URL, spare: URL) {
        // Only a spare tree of ours is ever replaced; a folder of that name that is not ours stays, and then
        // the old site is deleted instead.
        if isMarkedFolder(spare) { removeMarkedFolder(spare) }
        guard chmod(old.path, 0o700) == 0, rename(old.path, spare.path) == 0 else {
            removeMarkedFolder(old)
            return
        }
    }

    /// Gives the staging folder, made from the spare tree, the live site's folder's permissions (the spare is
    /// kept closed), or those of a new folder when there is none.
    func openUp() {
        var live = stat()
        let mode = lstat(target.path, &live) == 0 ? live.st_mode & 0o7777 : 0o755
        chmod(stagingPath, mode)
    }
}
