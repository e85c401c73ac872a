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

    /// Renders one job into its file.
    package func render(_ job: PageJob) throws -> OutputFile {
        let page: [UInt8]
        switch job {
        case .home: page = homePage()
        case .fieldsIndex: page = fieldsIndexPage()
        case .yearsIndex: page = yearsIndexPage()
        case .unitsIndex: page = unitsIndexPage()
        case .registration: page = registrationPage()
        case .honours: page = honoursPage()
        case .search: page = searchPage()
        case .notFound: page = notFoundPage()
        case .profile(let index): page = profilePage(index)
        case .photo(let index):
            return OutputFile(path: path(of: job), contents: try Data(contentsOf: context.model.profiles[index].photo!))
        case .photoFile(let index, let file):
            let photo = context.model.profiles[index].preparedPhoto!
            return OutputFile(path: path(of: job), contents: try Data(contentsOf: photo.folder.appendingPathComponent(photo.files[file].name)))
        case .field(let code, let number): page = fieldPage(context.fieldsByCode[code]!, page: number)
        case .year(let year, let number): page = yearPage(year, page: number)
        case .kind(let kind, let number): page = kindPage(kind, page: number)
        case .unit(let id, let number): page = unitPage(context.model.unitsByID[id]!, page: number)
        case .registrationYear(let year): page = registrationYearPage(year)
        case .unitAnnex(let id, let year): page = unitAnnexPage(context.model.unitsByID[id]!, year: year)
        case .freePage(let index): page = freePage(context.model.pages[index])
        case .feed: page = Array(feed().utf8)
        case .sitemap: page = Array(sitemap().utf8)
        case .data: return OutputFile(path: SitePaths.data, contents: dataJSON())
        case .searchIndex(let number): return searchIndex.files[number]
        case .submission: page = submissionPage()
        case .guide: page = guidePage()
        case .guideTemplate(let kind): return OutputFile(path: path(of: job), contents: Array(guideTemplate(kind).utf8))
        case .robots: page = Array("User-agent: *\nAllow: /\nSitemap: \(context.absoluteURL(SitePaths.sitemap))\n".utf8)
        }
        return OutputFile(path: SitePaths.file(for: path(of: job)), contents: page)
    }
}
