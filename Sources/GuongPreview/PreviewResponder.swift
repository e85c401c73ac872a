import Foundation
import Hummingbird
import GuongKit
import GuongRender

/// Answers the browser from memory: the site under its base path, the live script and the event stream.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: PageStore
    let hub: ReloadHub
    let host: PreviewHost

    func respond(to request: Request, context: Context) async throws -> Response {
        // Checked before anything else: a page of another site must not read the preview (DNS rebinding).
        guard host.allows(request.head.authority, others: request.headers.filter { $0.name.canonicalName == "host" }.map(\.value)) else {
            return text(PreviewStrings.hostRefused, status: .misdirectedRequest, type: "text/plain; charset=utf-8")
        }
        guard request.method == .get || request.method == .head else {
            return text(PreviewStrings.methodNotAllowed, status: .methodNotAllowed, type: "text/plain; charset=utf-8")
        }
        let rawPath = request.uri.path
        let path = rawPath.removingPercentEncoding ?? rawPath
        switch path {
        case LiveScript.eventsPath: return events()
        case LiveScript.scriptPath: return text(LiveScript.source, type: "text/javascript; charset=utf-8")
        default: break
        }
        let state = store.state
        let base = store.basePath
        guard path.hasPrefix(base) else {
            // The site lives under its base path, as it will on the portal.
            if path == "/" || path + "/" == base { return redirect(to: base) }
            return notFound(base: base, hasSite: state.hasSite)
        }
        guard state.hasSite else { return noSite() }
        var relative = String(path.dropFirst(base.count))
        guard !relative.split(separator: "/").contains("..") else { return notFound(base: base, hasSite: true) }
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        if let data = store.file(relative) { return file(data, path: relative) }
        if store.file(relative + "/index.html") != nil { return redirect(to: rawPath + "/") }
        return notFound(base: base, hasSite: true)
    }

    private func file(_ data: Data, path: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = Self.contentType(of: path)
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func text(_ text: String, status: HTTPResponse.Status = .ok, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .found, headers: headers)
    }

    /// The site's own 404 page when there is one, else a short page pointing at the base path.
    private func notFound(base: String, hasSite: Bool) -> Response {
        if hasSite, let page = store.file(SitePaths.notFound) { return file(page, path: SitePaths.notFound, status: .notFound) }
        let body = "<p>\(PreviewStrings.notFoundText) <a href=\"\(XML.escape(base))\">\(PreviewStrings.notFoundLink)</a></p>"
        return text(Self.page(title: PreviewStrings.notFoundTitle, body: body), status: .notFound, type: "text/html; charset=utf-8")
    }

    /// Served while no good build exists yet: the live script shows the problems and reloads once fixed.
    private func noSite() -> Response {
        text(Self.page(title: PreviewStrings.noSiteTitle, body: "<p>\(PreviewStrings.noSiteText)</p>"),
             status: .serviceUnavailable, type: "text/html; charset=utf-8")
    }

    private func events() -> Response {
        let stream = hub.subscribe()
        let first = "retry: 500\n\n" + ReloadHub.message(store.state)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: first))
            for await message in stream {
                try await writer.write(ByteBuffer(string: message))
            }
            try await writer.finish(nil)
        })
    }

    static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="vi">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(title)</title></head>
        <body style="font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">
        <h1>\(title)</h1>
        \(body)
        \(LiveScript.tag)</body>
        </html>

        """
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": path.hasSuffix("feed.xml") ? "application/atom+xml" : "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "webp": "image/webp"
        case "gif": "image/gif"
        default: "application/octet-stream"
        }
    }
}
