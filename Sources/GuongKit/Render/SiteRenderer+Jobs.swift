import Foundation

extension SiteRenderer {
    /// The site path a job writes.
    func path(of job: PageJob) -> String {
        let model = context.model
        switch job {
        case .home: return SitePaths.home
        case .fieldsIndex: return SitePaths.fields
        case .yearsIndex: return SitePaths.years
        case .unitsIndex: return SitePaths.units
        case .registration: return SitePaths.registration
        case .search: return SitePaths.search
        case .notFound: return SitePaths.notFound
        case .profile(let index): return SitePaths.profile(model.profiles[index].slug)
        case .photo(let index): return SitePaths.photo(of: model.profiles[index])
        case .field(let code, let page): return SitePaths.paged(SitePaths.field(context.fieldsByCode[code]!), page)
        case .year(let year, let page): return SitePaths.paged(SitePaths.year(year), page)
        case .kind(let kind, let page): return SitePaths.paged(SitePaths.kind(kind), page)
        case .unit(let id, let page): return SitePaths.paged(SitePaths.unit(id), page)
        case .freePage(let index): return SitePaths.page(model.pages[index].slug)
        case .feed: return SitePaths.feed
        case .sitemap: return SitePaths.sitemap
        case .data: return SitePaths.data
        case .robots: return "robots.txt"
        case .searchIndex(let number): return searchIndex.files[number].path
        }
    }

    /// Renders one job into its file.
    func render(_ job: PageJob) throws -> OutputFile {
        let text: String
        switch job {
        case .home: text = homePage()
        case .fieldsIndex: text = fieldsIndexPage()
        case .yearsIndex: text = yearsIndexPage()
        case .unitsIndex: text = unitsIndexPage()
        case .registration: text = registrationPage()
        case .search: text = searchPage()
        case .notFound: text = notFoundPage()
        case .profile(let index): text = profilePage(index)
        case .photo(let index):
            return OutputFile(path: path(of: job), contents: try Data(contentsOf: context.model.profiles[index].photo!))
        case .field(let code, let page): text = fieldPage(context.fieldsByCode[code]!, page: page)
        case .year(let year, let page): text = yearPage(year, page: page)
        case .kind(let kind, let page): text = kindPage(kind, page: page)
        case .unit(let id, let page): text = unitPage(context.model.unitsByID[id]!, page: page)
        case .freePage(let index): text = freePage(context.model.pages[index])
        case .feed: text = feed()
        case .sitemap: text = sitemap()
        case .data: return OutputFile(path: SitePaths.data, contents: try dataJSON())
        case .searchIndex(let number): return OutputFile(path: path(of: job), contents: searchIndex.files[number].contents)
        case .robots: text = "User-agent: *\nAllow: /\nSitemap: \(context.absoluteURL(SitePaths.sitemap))\n"
        }
        return OutputFile(path: SitePaths.file(for: path(of: job)), contents: Data(text.utf8))
    }
}
