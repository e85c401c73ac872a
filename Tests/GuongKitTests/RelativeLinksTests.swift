import Foundation
import Testing
@testable import GuongRender

@Suite("Links relative to the page")
struct RelativeLinksTests {
    let links = RelativeLinks(basePath: "/dien-hinh-tien-tien/")

    func rewrite(_ html: String, at path: String, links: RelativeLinks? = nil) -> String {
        String(decoding: (links ?? self.links).rewrite(Array(html.utf8), at: path), as: UTF8.self)
    }

    /// Where `link` leads from the page `path` of `https://host/dien-hinh-tien-tien/`, as a browser resolves it.
    func resolved(_ link: String, from path: String) -> String? {
        URL(string: link, relativeTo: URL(string: "https://host/dien-hinh-tien-tien/" + path))?.absoluteURL.standardized.absoluteString
    }

    @Test("a link leads out of the page's folders it does not share, as far as the root path")
    func depths() {
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/nam/2022/">"#, at: "dien-hinh/an/") == #"<a href="../../nam/2022/">"#)
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/">"#, at: "dien-hinh/an/") == #"<a href="../../">"#)
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/dien-hinh/binh/">"#, at: "dien-hinh/an/") == #"<a href="../binh/">"#)
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/linh-vuc/gd/">"#, at: "linh-vuc/gd/trang/2/") == #"<a href="../../">"#)
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/linh-vuc/gd/trang/3/">"#, at: "linh-vuc/gd/trang/2/") == #"<a href="../3/">"#)
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/nam/">"#, at: "") == #"<a href="nam/">"#)
    }

    @Test("a link that would lead elsewhere without a leading ./ keeps one")
    func dots() {
        // The page itself, the home page from itself, a scheme-like first segment, a path from the host.
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/dien-hinh/an/">"#, at: "dien-hinh/an/") == #"<a href="./">"#)
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/">"#, at: "") == #"<a href="./">"#)
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/a:b/">"#, at: "") == #"<a href="./a:b/">"#)
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/x/a:b">"#, at: "x/") == #"<a href="./a:b">"#)
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/x/y/b:c">"#, at: "x/") == #"<a href="y/b:c">"#)
        #expect(rewrite(#"<a href="/dien-hinh-tien-tien/tim-kiem/?q=a:b">"#, at: "tim-kiem/") == #"<a href="?q=a:b">"#)
        #expect(rewrite(##"<a href="/dien-hinh-tien-tien/linh-vuc/gd/#tieu-chi">"##, at: "linh-vuc/gd/") == ##"<a href="#tieu-chi">"##)
    }

    @Test("every rewritten link resolves where the link from the root path did", arguments: [
        "", "nam/", "nam/2022/", "dien-hinh/an/", "linh-vuc/gd/trang/2/", "don-vi/x/dang-ky/2022/", "gioi-thieu/",
    ])
    func resolvesTheSame(page: String) {
        let rests = ["", "nam/", "nam/2022/", "dien-hinh/an/", "dien-hinh/ant/", "dien-hinh/an", "dien-hinh/an/x.webp",
                     "linh-vuc/gd/#tieu-chi", "linh-vuc/gd/trang/3/", "tim-kiem/?q=x", "a:b/", "x/../nam/", "don-vi/x/",
                     "don-vi/x/dang-ky/2021/", "gioi-thieu/", "nam/2022/../2023/"]
        for rest in rests {
            let html = rewrite("<a href=\"/dien-hinh-tien-tien/\(rest)\">", at: page)
            let link = String(html.dropFirst("<a href=\"".count).dropLast(2))
            #expect(!link.hasPrefix("/"), "\(rest) on \(page): \(link)")
            #expect(resolved(link, from: page) == resolved("/dien-hinh-tien-tien/" + rest, from: page), "\(rest) on \(page): \(link)")
        }
    }

    @Test("only link attributes change: not the canonical link, og:url, a title or text")
    func onlyLinks() {
        let rooted = RelativeLinks(basePath: "/")
        let page = """
        <link rel="canonical" href="/nam/"><meta property="og:url" content="/nam/"><img src="/a.png" alt="/nam/" \
        title="/nam/"><form action="/tim-kiem/" data-index="/tim-kiem/chi-muc/" data-profile-url="/dien-hinh/{slug}/">\
        <p>href="/nam/"</p><a href="//other.example/x">
        """
        #expect(rewrite(page, at: "nam/2022/", links: rooted) == """
        <link rel="canonical" href="/nam/"><meta property="og:url" content="/nam/"><img src="../../a.png" alt="/nam/" \
        title="/nam/"><form action="../../tim-kiem/" data-index="../../tim-kiem/chi-muc/" data-profile-url="../../dien-hinh/{slug}/">\
        <p>href="/nam/"</p><a href="//other.example/x">
        """)
    }

    @Test("every URL of a srcset is rewritten, and a link elsewhere is left")
    func srcset() {
        let page = #"<img srcset="/dien-hinh-tien-tien/dien-hinh/an/a-320.webp 320w, /dien-hinh-tien-tien/dien-hinh/an/a-640.webp 640w, https://x.example/dien-hinh-tien-tien/b.webp 900w" src="https://x.example/dien-hinh-tien-tien/a.png">"#
        #expect(rewrite(page, at: "linh-vuc/gd/") == #"<img srcset="../../dien-hinh/an/a-320.webp 320w, ../../dien-hinh/an/a-640.webp 640w, https://x.example/dien-hinh-tien-tien/b.webp 900w" src="https://x.example/dien-hinh-tien-tien/a.png">"#)
        #expect(rewrite(page, at: "dien-hinh/an/").hasPrefix(#"<img srcset="a-320.webp 320w, a-640.webp 640w, "#))
    }

    @Test("a page with no link from the root path is returned as it is")
    func untouched() {
        #expect(rewrite("<p>a = b</p><a href=\"https://x/\">", at: "nam/") == "<p>a = b</p><a href=\"https://x/\">")
        #expect(rewrite("=\"/dien-hinh-tien-tien/", at: "nam/") == "=\"/dien-hinh-tien-tien/")
    }
}
