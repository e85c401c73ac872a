import GuongAudit
import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Values a profile supplies come back exactly, as data, from every context they are written into.
@Suite("Hostile input: escaping and the link and SVG rules")
struct HostileEscapingTests {
    @Test("URLs are read as a browser reads them", arguments: [
        ("javascript:alert(1)", "unsafe"), ("JaVaScRiPt:x", "unsafe"), ("jav\tascript:x", "unsafe"), (" \u{1}javascript:x", "unsafe"),
        ("java\nscript:x", "unsafe"), ("data:image/png;base64,AA", "unsafe"), ("vbscript:x", "unsafe"), ("intent:x", "unsafe"),
        ("file:///etc/passwd", "local"), ("FILE:x", "local"), ("/etc/passwd", "local"), ("C:\\Windows", "local"), ("c:/x", "local"),
        ("\\\\may\\chia-se", "local"), ("https://example.edu.vn/", "web"), ("HTTP://x", "web"), ("mailto:a@b.vn", "web"),
        ("tel:+84", "web"), ("//example.edu.vn/x", "web"), ("anh.jpg", "relative"), ("../x", "relative"), ("#muc", "relative"),
        // Found by fuzz-markdown: a scheme starts with a letter, so this is a relative path, and harmless.
        ("+javascript:alert(1)", "relative"),
        // Found by fuzz-markdown: a scheme longer than 64 letters was taken for a relative path and published.
        ("htt" + String(repeating: "q", count: 70) + "p:/", "unsafe"), ("1javascript:x", "relative"), ("?a=javascript:x", "relative"),
        // The writer's computer in every spelling (issue #11, item 15).
        ("..\\..\\Users\\x.docx", "local"), ("Desktop\\hoso.docx", "local"), ("a/b\\c", "local"), ("~/Desktop/x", "local"),
        ("~hoa/x", "local"), ("C|/Users/x", "local"), ("c|\\x", "local"), ("d:x.docx", "local"), ("Z:", "local"),
        ("///etc/passwd", "local"), ("..%5C..%5Cx", "local"), ("%5c%5cmay%5cx", "local"), ("%255C%255Cmay", "local"),
        ("C%3A/Users", "local"), ("c%7C/x", "local"), ("%7E/x", "local"), ("%2Fetc%2Fpasswd", "local"), ("file%3A///x", "local"),
        ("https:\\\\x.vn\\a", "local"), (" \t\\\\may\\x", "local"),
        ("tai-lieu%20moi.pdf", "relative"), ("a~b/c", "relative"), ("%2F%2Fx", "relative"), ("ab%3Ay", "relative"),
        ("https://x.edu.vn/~a/%5C", "web"),
    ])
    func linkPolicy(_ url: String, _ expected: String) {
        let kind: String = switch LinkPolicy.classify(url) {
        case .web: "web"
        case .relative: "relative"
        case .localFile: "local"
        case .unsafe: "unsafe"
        }
        #expect(kind == expected)
    }

    @Test("SVG photos: drawings pass, anything active is refused", arguments: [
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\" fill=\"url(#g)\"/></svg>", true),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"#a\"/><text>a &lt; b</text></svg>", true),
        ("<svg><script>alert(1)</script></svg>", false),
        ("<svg><SCRIPT>alert(1)</SCRIPT></svg>", false),
        ("<svg onload=\"alert(1)\"></svg>", false),
        ("<svg><rect ONCLICK='x'/></svg>", false),
        ("<svg><image href=\"https://evil.example/x.png\"/></svg>", false),
        ("<svg><use href=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\"/></svg>", false),
        ("<svg><rect fill=\"url(https://evil.example/#x)\"/></svg>", false),
        ("<svg><rect href=\"&#x6A;avascript:alert(1)\"/></svg>", false),
        ("<svg><style>@import url(https://evil.example/x.css);</style></svg>", false),
        ("<svg><![CDATA[<script>alert(1)</script>]]></svg>", false),
        ("<svg xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:script>alert(1)</h:script></svg>", false),
        ("<?xml-stylesheet href=\"x.xsl\"?><svg/>", false),
        ("<html><body>not an svg</body></html>", false),
        ("<svg><rect width=1/></svg>", false),
        // Judged as a browser decodes it: UTF-8 only, the declaration only at the start, no control character.
        ("\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg/>", true),
        ("<?xml version='1.0' encoding='utf8' standalone='yes'?>\n<svg/>", true),
        ("<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><svg/>", false),
        ("<?xml version=\"1.0\" encoding=\"utf-16\"?><svg/>", false),
        ("<?xml version=\"1.0\" encoding=\"us-ascii\"?><svg/>", true),
        ("<?xml version=\"1.0\" encoding=\"us-ascii\"?><svg><text>Thử</text></svg>", false),
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml version=\"1.0\" encoding=\"EUC-JP\"?><svg/>", false),
        (" <?xml version=\"1.0\"?><svg/>", false),
        ("x<svg/>", false),
        ("<svg><!--\u{1B}$B--></svg>", false),
        // CSS: an allow-list of properties with literal values, in style= and in presentation attributes.
        ("<svg><rect style=\"fill: #fff; stroke:rgb(0, 0, 0);stroke-width:2px;font-family:'Times New Roman'\"/></svg>", true),
        ("<svg><rect style=\"fill:url(#g)\" transform=\"translate(1 2) rotate(45)\"/></svg>", true),
        ("<svg><rect style=\"background-image:url(x.png)\"/></svg>", false),
        ("<svg><rect style=\"fill:image-set('x.png' 1x)\"/></svg>", false),
        ("<svg><rect fill=\"-webkit-image-set('x.png' 1x)\"/></svg>", false),
        ("<svg><rect style=\"fill:u\\72l(x.png)\"/></svg>", false),
        ("<svg><rect style=\"fill:\\75 rl(x.png)\"/></svg>", false),
        ("<svg><rect filter=\"u\\rl(x.svg#f)\"/></svg>", false),
        ("<svg><rect style=\"fill:URL( x.png )\"/></svg>", false),
        ("<svg><rect style=\"fill:u/**/rl(x.png)\"/></svg>", false),
        ("<svg><rect style=\"fill:red;@import 'x.css'\"/></svg>", false),
        ("<svg><rect style=\"cursor:pointer\"/></svg>", false),
        ("<svg><rect style=\"fill:attr(x)\"/></svg>", false),
        ("<svg><rect fill=\"src(x.png)\"/></svg>", false),
    ])
    func svgAudit(_ svg: String, _ allowed: Bool) {
        #expect((PhotoContent.check(Array(svg.utf8), extension: "svg") == nil) == allowed)
    }

    @Test("Raster photos are what their extension says", arguments: [
        ([0xFF, 0xD8, 0xFF, 0xE0], "jpg", true), (Array("<html>".utf8), "jpg", false),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "png", true), ([0xFF, 0xD8, 0xFF], "png", false),
        (Array("GIF89a".utf8), "gif", true), (Array("RIFF\0\0\0\0WEBPVP8 ".utf8), "webp", true), (Array("RIFF".utf8), "webp", false),
    ] as [([UInt8], String, Bool)])
    func rasterMagic(_ bytes: [UInt8], _ ext: String, _ allowed: Bool) {
        #expect((PhotoContent.check(bytes, extension: ext) == nil) == allowed)
    }

    /// A name and position built to break out of HTML text, an attribute, JSON and XML come back whole from each.
    @Test func hostileValuesRoundTripThroughEveryOutput() throws {
        let name = "\"><img src=x onerror=alert(1)> </script><script>alert(2)</script> & ' ]]>"
        let position = "' onmouseover='alert(3)' x='"
        let sandbox = try HostileSandbox()
        let text = ProfileText.make("""
            loại: cá nhân
            tên: '\(name.replacingOccurrences(of: "'", with: "''"))'
            chức vụ: "\(position)"
            đơn vị: th-nhi-binh
            lĩnh vực: [a]
            năm: 2023
            """)
        try sandbox.addProfile("p.md", bytes: Array(text.utf8))
        let report = try sandbox.build()
        #expect(report.profileCount == 5)

        struct Data_: Decodable {
            struct Exemplar: Decodable { var name: String, position: String?, slug: String }
            var exemplars: [Exemplar]
        }
        let json = try JSONDecoder().decode(Data_.self, from: Data(contentsOf: sandbox.output.appendingPathComponent("du-lieu/dien-hinh.json")))
        let exemplar = try #require(json.exemplars.first { $0.name == name })
        #expect(exemplar.position == position)

        let feed = try Data(contentsOf: sandbox.output.appendingPathComponent("feed.xml"))
        final class Titles: NSObject, XMLParserDelegate {
            var titles: [String] = []
            var current: String?
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) { if element == "title" { current = "" } }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
            func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
                if element == "title", let current { titles.append(current) }
                current = nil
            }
        }
        let titles = Titles()
        let parser = XMLParser(data: feed)
        parser.delegate = titles
        #expect(parser.parse())
        #expect(titles.titles.contains(name))

        let page = try String(contentsOf: sandbox.output.appendingPathComponent("dien-hinh/\(exemplar.slug)/index.html"), encoding: .utf8)
        #expect(HTMLAudit.problem(in: page) == nil)
        #expect(page.contains("<h1>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; &#39; ]]&gt;</h1>"))
        #expect(page.contains("content=\"&quot;&gt;&lt;img"))
    }
}
