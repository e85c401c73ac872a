import Foundation
import GuongKit
import Synchronization

/// One file of the generated site.
public struct OutputFile: Sendable {
    /// Relative to the output folder: `nam/2022/index.html`.
    public var path: String
    /// The file's bytes (pages are rendered into byte arrays; a `Data` would be one more copy of each).
    /// Empty when `isUnchanged`.
    public var contents: [UInt8]
    /// A page's is over what it was rendered from (`RenderContext.fingerprint(of:)`); any other file's is
    /// over its bytes.
    public var fingerprint: Fingerprint
    /// The page's fingerprint is the one the previous build gave the file at `path`: it was not rendered,
    /// and the previous file stands for it.
    public var isUnchanged = false

    public init(path: String, contents: [UInt8]) {
        self.init(path: path, contents: contents, fingerprint: .of(contents))
    }

    init(path: String, contents: [UInt8], fingerprint: Fingerprint) {
        self.path = path
        self.contents = contents
        self.fingerprint = fingerprint
    }

    static func unchanged(path: String, fingerprint: Fingerprint) -> OutputFile {
        var file = OutputFile(path: path, contents: [], fingerprint: fingerprint)
        file.isUnchanged = true
        return file
    }

    public init(path: String, contents: Data) {
        self.init(path: path, contents: [UInt8](contents))
    }
}

/// One unit of rendering work; jobs are independent, so they run on every core.
package enum PageJob: Sendable, Hashable {
    case home, fieldsIndex, yearsIndex, unitsIndex, registration, honours, search, notFound
    /// `/gui-ho-so/`, the guide `/huong-dan/`, and the guide's template file of a kind.
    case submission, guide, guideTemplate(ProfileKind)
    case profile(Int)
    /// A profile's SVG photo, copied beside its page.
    case photo(Int)
    /// A file made from a profile's photo (profile, file): its sizes, square and share image.
    case photoFile(Int, Int)
    case field(code: String, page: Int)
    case year(Int, page: Int)
    case kind(ProfileKind, page: Int)
    case unit(String, page: Int)
    case registrationYear(Int)
    case unitAnnex(String, year: Int)
    case freePage(Int)
    case feed, sitemap, data, robots
    /// A file of the search index under `tim-kiem/chi-muc/`.
    case searchIndex(Int)
}

/// Renders the whole site model into files.
public struct SiteRenderer: Sendable {
    package let context: RenderContext
    package let listings: Listings
    let pendingIndex: Deferred<SearchIndex>
    /// The search index: made on another thread from the start, while the cards, the listings and the pages
    /// are made (its serial stretches leave a core free for them); reading it waits until it is ready.
    package var searchIndex: SearchIndex { pendingIndex.value }

    public init(model: SiteModel, theme: Theme, extraBodyHTML: String = "") {
        self.init(model: model, theme: theme, extraBodyHTML: extraBodyHTML, searchCacheOf: nil)
    }

    /// With `searchCacheOf`, the search index's batches of words are kept between builds in that site's
    /// `.guong-cache/search` (`SearchBatchCache`), read and saved on the index's own thread.
    package init(model: SiteModel, theme: Theme, extraBodyHTML: String = "", searchCacheOf siteRoot: URL?) {
        pendingIndex = Deferred {
            PhaseTimings.measure("search index") {
                SearchIndex(model: model, cache: siteRoot.map(SearchBatchCache.init(siteRoot:)))
            }
        }
        // The cards and the listings at once: each has serial stretches the other fills.
        (context, listings) = concurrently({
            PhaseTimings.measure("render context") { RenderContext(model: model, theme: theme, extraBodyHTML: extraBodyHTML) }
        }, {
            PhaseTimings.measure("listings") { Listings(model: model, yearLabel: theme.strings["year"] ?? "Năm") }
        })
    }

    /// The search index's files: waits for the index.
    private var searchJobs: [PageJob] { searchIndex.files.indices.map(PageJob.searchIndex) }

    /// What `pageJobs` lists of a raster photo's files.
    private enum PhotoFileJobs {
        /// A job for each file, rendered (read from the cache) one by one.
        case each
        /// Only the first file's job, which stands for them all: they are published together (`render(link:…)`).
        case first
        /// None: the sitemap's list of pages, which has no photos, need not walk every photo's files.
        case none
    }

    /// Every job but the search index's files, in a fixed order.
    private func pageJobs(photoFiles: PhotoFileJobs) -> [PageJob] {
        let model = context.model
        var jobs: [PageJob] = [.home, .fieldsIndex, .yearsIndex, .unitsIndex, .registration, .honours, .search, .notFound]
        jobs += model.profiles.indices.map(PageJob.profile)
        jobs += model.profiles.indices.filter { model.profiles[$0].preparedPhoto?.isVector == true }.map(PageJob.photo)
        if photoFiles != .none {
            for index in model.profiles.indices {
                guard let files = model.profiles[index].preparedPhoto?.files, !files.isEmpty else { continue }
                jobs += photoFiles == .first ? [.photoFile(index, 0)] : files.indices.map { .photoFile(index, $0) }
            }
        }
        for field in model.schema.fields {
            jobs += (1...listings.field(field.code).pageCount).map { .field(code: field.code, page: $0) }
        }
        for year in model.years {
            jobs += (1...listings.year(year).pageCount).map { .year(year, page: $0) }
        }
        for kind in ProfileKind.allCases {
            jobs += (1...listings.kind(kind).pageCount).map { .kind(kind, page: $0) }
        }
        for unit in model.units {
            jobs += (1...listings.unit(unit.id).pageCount).map { .unit(unit.id, page: $0) }
        }
        jobs += model.years.map(PageJob.registrationYear)
        for unit in model.units { jobs += model.annexYears(unit: unit.id).map { .unitAnnex(unit.id, year: $0) } }
        jobs += model.pages.indices.map(PageJob.freePage)
        jobs += [.submission, .guide] + ProfileKind.allCases.map(PageJob.guideTemplate)
        jobs += [.feed, .sitemap, .data, .robots]
        return jobs
    }

    /// Renders every page, calling `write` for each file as soon as it is ready (from any thread).
    public func render(write: @Sendable (OutputFile) throws -> Void) throws {
        try render(previous: { _ in nil }, write: { file in
            try write(file)
            return true
        })
    }

    /// Renders every page whose fingerprint is not the one `previous` gives for its path, and hands `write`
    /// the others as `unchanged` files; `write` returns false when it cannot keep the previous file after all,
    /// and is then given the page rendered. Given `link`, a photo's files are handed to it all at once, as
    /// the photo cache holds them, instead of read.
    public func render(link: (@Sendable (CachedPhotoFiles) throws -> Void)? = nil,
                       previous: @Sendable (String) -> Fingerprint?, write: @Sendable (OutputFile) throws -> Bool) throws {
        let errors = ErrorBox()
        // The few long jobs (every profile in one file, or every one of a year: 10 to 60 ms each at 10,000 profiles,
        // a page 0.05 to 0.15 ms) start first, so no core is left with one at the end.
        let long: [PageJob] = [.data, .registration, .sitemap, .feed] + context.model.years.map(PageJob.registrationYear)
        let run = { @Sendable (job: PageJob) in
            do {
                if let link, let files = cachedPhotoFiles(of: job) {
                    try link(files)
                    return
                }
                let file = try render(job, unlessFingerprint: previous(filePath(of: job)))
                if try !write(file) { _ = try write(render(job)) }
            } catch {
                errors.record(error)
            }
        }
        // Linked, a photo's files are one job: its first file's.
        (long + pageJobs(photoFiles: link == nil ? .each : .first).filter { !long.contains($0) }).parallelForEach(run)
        // The search index has been made meanwhile, on another thread.
        searchJobs.parallelForEach(run)
        if let error = errors.first { throw error }
        for (name, data) in context.theme.assets.sorted(by: { $0.key < $1.key }) {
            _ = try write(OutputFile(path: SitePaths.assets + name, contents: data))
        }
    }

    /// The site's HTML page paths, for the sitemap.
    package var htmlPaths: [String] {
        pageJobs(photoFiles: .none).compactMap { job -> String? in
            switch job {
            case .notFound, .feed, .sitemap, .data, .robots, .photo, .photoFile, .searchIndex, .guideTemplate: nil
            default: path(of: job)
            }
        }
    }
}

/// Keeps the first error thrown by parallel work.
final class ErrorBox: Sendable {
    private let error = Mutex<Error?>(nil)
    func record(_ error: Error) { self.error.withLock { if $0 == nil { $0 = error } } }
    var first: Error? { error.withLock { $0 } }
}

extension Array where Element: Sendable {
    /// Runs `body` for every element on every core.
    package func parallelForEach(_ body: @Sendable (Element) -> Void) {
        let items = self
        withoutActuallyEscaping(body) { body in
            DispatchQueue.concurrentPerform(iterations: items.count) { body(items[$0]) }
        }
    }
}
