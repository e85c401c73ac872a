import Foundation
import GuongKit

extension SiteRenderer {
    /// An Atom feed of the newest exemplars. Dates come from the content (or `SOURCE_DATE_EPOCH`), never the clock.
    func feed() -> String {
        let model = context.model
        let entries = model.newestFirst.prefix(50).map { model.profiles[$0] }.map { profile -> String in
            let url = XML.escape(context.absoluteURL(SitePaths.profile(profile.slug)))
            return """
              <entry>
                <title>\(XML.escape(profile.name))</title>
                <link href="\(url)"/>
                <id>\(url)</id>
                <updated>\(Self.date(of: profile))</updated>
                <summary>\(XML.escape(profile.summary))</summary>
              </entry>

            """
        }
        let updated = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init).map(Self.isoDate)
            ?? model.profiles.map(Self.date).max() ?? "\(model.schema.phase.lowerBound)-01-01T00:00:00Z"
        return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(model.config.language))">
          <title>\(XML.escape(model.config.title))</title>
          <subtitle>\(XML.escape(model.config.description))</subtitle>
          <link href="\(XML.escape(context.absoluteURL(SitePaths.feed)))" rel="self"/>
          <link href="\(XML.escape(context.absoluteURL(SitePaths.home)))"/>
          <id>\(XML.escape(context.absoluteURL(SitePaths.home)))</id>
          <updated>\(updated)</updated>
          <author><name>\(XML.escape(model.config.department))</name></author>

        """ + entries.joined() + "</feed>\n"
    }

    /// A profile's date: its latest honour, else its registration, else 1 January of its latest year.
    static func date(of profile: Profile) -> String {
        if let date = profile.newestDate { return "\(date)T00:00:00Z" }
        return "\(profile.years.last ?? 2000)-01-01T00:00:00Z"
    }

    static func isoDate(_ epoch: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }

    func sitemap() -> String {
        let urls = htmlPaths.map { "  <url><loc>\(XML.escape(context.absoluteURL($0)))</loc></url>\n" }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + urls.joined() + "</urlset>\n"
    }
}
