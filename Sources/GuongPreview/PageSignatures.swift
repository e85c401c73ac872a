import Foundation
import GuongKit
import GuongRender

/// Everything outside the profiles that a page can depend on, as signatures.
struct SiteSignatures {
    /// Settings, free pages, drafts on or off, the preview script: a change re-renders every page.
    var global: Int
    var theme: ThemeSignatures
    /// Changes when a photo's bytes may have changed, by file path.
    var photoVersions: [String: Int]
}

/// One signature per output file, over exactly the inputs its page reads: two builds whose signatures
/// agree for a file write the same bytes there, so only files whose signature moved are rendered again.
struct PageSignatures {
    let renderer: SiteRenderer
    /// `profiles[i]` is the signature of `model.profiles[i]`'s content (its card and its page) and slug.
    let profiles: [Int]
    let site: SiteSignatures
    private let everyProfile: Int
    private let fieldCounts: Int
    private let yearCounts: Int
    private let unitCounts: Int
    private let yearKindCounts: Int

    init(renderer: SiteRenderer, profiles: [Int], site: SiteSignatures) {
        self.renderer = renderer
        self.profiles = profiles
        self.site = site
        let model = renderer.context.model
        var every = Hasher()
        for sig in profiles { every.combine(sig) }
        everyProfile = every.finalize()
        func counts<Key: Hashable & Comparable>(_ index: [Key: [Int]]) -> Int {
            var hasher = Hasher()
            for key in index.keys.sorted() {
                hasher.combine(key)
                hasher.combine(index[key]!.count)
            }
            return hasher.finalize()
        }
        fieldCounts = counts(model.byField)
        yearCounts = counts(model.byYear)
        unitCounts = counts(model.byUnit)
        var yearKinds = Hasher()
        for year in model.years {
            for kind in ProfileKind.allCases { yearKinds.combine(model.selected(in: year, kind: kind).count) }
        }
        yearKindCounts = yearKinds.finalize()
    }

    /// Every output file of the site, by path.
    func all() -> [String: (job: PageJob, signature: Int)] {
        var result: [String: (job: PageJob, signature: Int)] = [:]
        result.reserveCapacity(profiles.count * 2)
        for job in renderer.jobs { result[path(of: job)] = (job, signature(of: job)) }
        return result
    }

    func path(of job: PageJob) -> String { SitePaths.file(for: renderer.path(of: job)) }

    /// A page family added to `PageJob` must say here what its pages read.
    func signature(of job: PageJob) -> Int {
        let model = renderer.context.model
        let listings = renderer.listings
        var hasher = Hasher()
        hasher.combine(site.global)
        switch job {
        case .home:
            hasher.combine(site.theme.page("home"))
            hasher.combine(model.profiles.count)
            hasher.combine(fieldCounts)
            hasher.combine(yearCounts)
            for kind in ProfileKind.allCases { hasher.combine(model.byKind[kind]?.count ?? 0) }
            for index in model.newestFirst.prefix(6) { hasher.combine(profiles[index]) }
        case .fieldsIndex:
            hasher.combine(site.theme.page("fields"))
            hasher.combine(fieldCounts)
        case .yearsIndex:
            hasher.combine(site.theme.page("years"))
            hasher.combine(yearCounts)
            hasher.combine(yearKindCounts)
        case .unitsIndex:
            hasher.combine(site.theme.page("units"))
            hasher.combine(unitCounts)
        case .registration:
            hasher.combine(site.theme.page("registration"))
            hasher.combine(everyProfile)
        case .honours:
            hasher.combine(site.theme.page("honours"))
            hasher.combine(everyProfile)
        case .registrationYear(let year):
            hasher.combine(site.theme.page("registration-year"))
            for member in model.byYear[year] ?? [] { hasher.combine(profiles[member]) }
        case .unitAnnex(let id, let year):
            hasher.combine(site.theme.page("unit-annex"))
            hasher.combine(year)
            for member in model.byUnit[id] ?? [] { hasher.combine(profiles[member]) }
        case .search:
            hasher.combine(site.theme.page("search"))
        case .submission:
            hasher.combine(site.theme.page("submission"))
        case .guide, .guideTemplate:
            hasher.combine(site.theme.page("guide"))
            hasher.combine(site.theme.guide)
        case .notFound:
            hasher.combine(site.theme.page("not-found"))
        case .freePage(let index):
            hasher.combine(site.theme.page("page"))
            hasher.combine(index)
        case .profile(let index):
            hasher.combine(site.theme.page("profile"))
            hasher.combine(profiles[index])
            for neighbour in (model.byUnit[model.profiles[index].unitID] ?? []).lazy.filter({ $0 != index }).prefix(6) {
                hasher.combine(profiles[neighbour])
            }
        case .photo(let index):
            let photo = model.profiles[index].photo?.path ?? ""
            hasher.combine(photo)
            hasher.combine(site.photoVersions[photo] ?? 0)
        case .photoFile(let index, let file):
            // Cache entries are named by content hash and settings: a new photo is a new folder.
            let photo = model.profiles[index].preparedPhoto
            hasher.combine(photo?.folder.path)
            hasher.combine(photo?.files[file].name)
        case .field(let code, let page):
            hasher.combine(site.theme.page("field"))
            hasher.combine(model.byField[code]?.count ?? 0)
            combine(listings.field(code), page: page, into: &hasher)
        case .year(let year, let page):
            hasher.combine(site.theme.page("year"))
            hasher.combine(yearKindCounts)
            combine(listings.year(year), page: page, into: &hasher)
        case .kind(let kind, let page):
            hasher.combine(site.theme.page("kind"))
            hasher.combine(model.byKind[kind]?.count ?? 0)
            combine(listings.kind(kind), page: page, into: &hasher)
        case .unit(let id, let page):
            // Every page of a unit links its annexes, one per year it has an exemplar in.
            hasher.combine(site.theme.page("unit"))
            for member in model.byUnit[id] ?? [] { hasher.combine(profiles[member]) }
            combine(listings.unit(id), page: page, into: &hasher)
        case .feed, .data:
            hasher.combine(everyProfile)
        case .sitemap:
            for path in renderer.htmlPaths { hasher.combine(path) }
        case .robots:
            break
        case .searchIndex(let number):
            // The index files are made whole with the renderer; their bytes are what the page reads.
            hasher.combine(renderer.searchIndex.files[number].path)
            hasher.combineBytes(of: renderer.searchIndex.files[number].contents)
        }
        return hasher.finalize()
    }

    private func combine(_ listing: Listing, page: Int, into hasher: inout Hasher) {
        hasher.combine(listing.pageCount)
        hasher.combine(page)
        hasher.combine(listing.entries.count)
        for entry in listing.entries[listing.entryRange(page: page)] {
            hasher.combine(entry.group)
            hasher.combine(entry.subgroup)
            hasher.combine(profiles[entry.card])
        }
    }

    /// The jobs that can show profile `index`: its page and photo, its unit's profile pages (related cards),
    /// the listing pages it sits on, its unit's pages (registration table), and every page not tied to a
    /// profile or a listing (home, indexes, registration, feed, data — and any page family added later).
    func jobs(showing index: Int) -> Set<PageJob> {
        let model = renderer.context.model
        let listings = renderer.listings
        var jobs: Set<PageJob> = [.profile(index)]
        for job in renderer.jobs {
            switch job {
            case .profile, .photo, .photoFile, .field, .year, .kind, .unit: continue
            default: jobs.insert(job)
            }
        }
        let profile = model.profiles[index]
        if profile.preparedPhoto?.isVector == true { jobs.insert(.photo(index)) }
        for file in profile.preparedPhoto?.files.indices ?? 0..<0 { jobs.insert(.photoFile(index, file)) }
        for neighbour in model.byUnit[profile.unitID] ?? [] { jobs.insert(.profile(neighbour)) }
        func pages(_ listing: Listing) -> Set<Int> {
            Set(listing.entries.indices.filter { listing.entries[$0].card == index }.map(listing.page(ofEntry:)))
        }
        for code in profile.fieldCodes { for page in pages(listings.field(code)) { jobs.insert(.field(code: code, page: page)) } }
        for year in profile.years { for page in pages(listings.year(year)) { jobs.insert(.year(year, page: page)) } }
        for page in pages(listings.kind(profile.kind)) { jobs.insert(.kind(profile.kind, page: page)) }
        for page in 1...listings.unit(profile.unitID).pageCount { jobs.insert(.unit(profile.unitID, page: page)) }
        return jobs
    }
}
