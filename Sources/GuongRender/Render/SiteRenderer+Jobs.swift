import Foundation
import GuongKit

extension SiteRenderer {
    /// The site path a job writes.
    package func path(of job: PageJob) -> String {
        let model = context.model
        switch job {
        case .home: return SitePaths.home
        case .fieldsIndex: return SitePaths.fields
        case .yearsIndex: return SitePaths.years
        case .unitsIndex: return SitePaths.units
        case .registration: return SitePaths.registration
        case .honours: return SitePaths.honours
        case .search: return SitePaths.search
        case .notFound: return SitePaths.notFound
        case .profile(let index): return SitePaths.profile(model.profiles[index].slug)
        case .photo(let index): return SitePaths.photo(of: model.profiles[index])
        case .photoFile(let index, let file):
            return SitePaths.photoFile(of: model.profiles[index], model.profiles[index].preparedPhoto!.files[file].name)
        case .field(let code, let page): return SitePaths.paged(SitePaths.field(context.fieldsByCode[code]!), page)
        case .year(let year, let page): return SitePaths.paged(SitePaths.year(year), page)
        case .kind(let kind, let page): return SitePaths.paged(SitePaths.kind(kind), page)
        case .unit(let id, let page): return SitePaths.paged(SitePaths.unit(id), page)
        case .registrationYear(let year): return SitePaths.registrationYear(year)
        case .unitAnnex(let id, let year): return SitePaths.unitAnnex(id, year)
        case .freePage(let index): return SitePaths.page(model.pages[index].slug)
        case .feed: return SitePaths.feed
        case .sitemap: return SitePaths.sitemap
        case .data: return SitePaths.data
        case .robots: return "robots.txt"
        case .submission: return SitePaths.submission
        case .guide: return SitePaths.guide
        case .guideTemplate(let kind): return SitePaths.guideTemplate(kind)
        case .searchIndex(let number): return searchIndex.files[number].path
        }
    }

    /// What a job makes: a page not yet rendered, or a file's bytes made directly.
    package enum Made {
        case page(PageDraft)
        case file([UInt8])
    }

    /// Makes one job's values (a page) or bytes (any other file).
    package func make(_ job: PageJob) throws -> Made {
        switch job {
        case .home: return .page(homePage())
        case .fieldsIndex: return .page(fieldsIndexPage())
        case .yearsIndex: return .page(yearsIndexPage())
        case .unitsIndex: return .page(unitsIndexPage())
        case .registration: return .page(registrationPage())
        case .honours: return .page(honoursPage())
        case .search: return .page(searchPage())
        case .notFound: return .page(notFoundPage())
        case .profile(let index): return .page(profilePage(index))
        case .photo(let index):
            return .file([UInt8](try Data(contentsOf: context.model.profiles[index].photo!)))
        case .photoFile(let index, let file):
            let photo = context.model.profiles[index].preparedPhoto!
            return .file([UInt8](try Data(contentsOf: photo.folder.appendingPathComponent(photo.files[file].name))))
        case .field(let code, let number): return .page(fieldPage(context.fieldsByCode[code]!, page: number))
        case .year(let year, let number): return .page(yearPage(year, page: number))
        case .kind(let kind, let number): return .page(kindPage(kind, page: number))
        case .unit(let id, let number): return .page(unitPage(context.model.unitsByID[id]!, page: number))
        case .registrationYear(let year): return .page(registrationYearPage(year))
        case .unitAnnex(let id, let year): return .page(unitAnnexPage(context.model.unitsByID[id]!, year: year))
        case .freePage(let index): return .page(freePage(context.model.pages[index]))
        case .feed: return .file(Array(feed().utf8))
        case .sitemap: return .file(Array(sitemap().utf8))
        case .data: return .file(dataJSON())
        case .searchIndex(let number): return .file(searchIndex.files[number].contents)
        case .submission: return .page(submissionPage())
        case .guide: return .page(guidePage())
        case .guideTemplate(let kind): return .file(Array(guideTemplate(kind).utf8))
        case .robots: return .file(Array("User-agent: *\nAllow: /\nSitemap: \(context.absoluteURL(SitePaths.sitemap))\n".utf8))
        }
    }

    /// The output path of a job's file: a page's site path as a file (`nam/2022/` → `nam/2022/index.html`).
    package func filePath(of job: PageJob) -> String {
        SitePaths.file(for: path(of: job))
    }

    /// Renders one job into its file.
    package func render(_ job: PageJob) throws -> OutputFile {
        try render(job, unlessFingerprint: nil)
    }

    /// Renders one job into its file, unless it is a page whose fingerprint is `previous`: then the file is
    /// `unchanged`, and the page is not rendered.
    package func render(_ job: PageJob, unlessFingerprint previous: Fingerprint?) throws -> OutputFile {
        let path = filePath(of: job)
        switch try make(job) {
        case .page(let draft):
            let fingerprint = context.fingerprint(of: draft)
            if fingerprint == previous { return .unchanged(path: path, fingerprint: fingerprint) }
            return OutputFile(path: path, contents: context.render(draft), fingerprint: fingerprint)
        case .file(let bytes):
            return OutputFile(path: path, contents: bytes)
        }
    }
}
