import Dispatch
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import GuongKit
import GuongRender

/// `guong serve`: builds the site into memory, serves it on 127.0.0.1 under its base path, watches
/// `content/` and `theme/`, re-renders only what a change touches and tells every open page to reload.
/// Stops cleanly on SIGINT or SIGTERM.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var siteRoot: URL
        public var displayRoot = ""
        /// 0 picks a free port.
        public var port = 4000
        public var includeDrafts = false

        public init(siteRoot: URL) {
            self.siteRoot = siteRoot
        }
    }

    /// What the server reports as it goes; the command line prints it.
    public enum Event: Sendable {
        /// The first build is done (or failed) and the server listens at `url`.
        case listening(url: String)
        /// A build went out: `files` written, `removed` gone, in `milliseconds` from the change to the last file;
        /// the pages of the profiles just edited were out after `editedMilliseconds`.
        case built(files: Int, removed: Int, profiles: Int, milliseconds: Int, editedMilliseconds: Int?,
                   warnings: [Diagnostic], initial: Bool)
        /// The content has errors: the last good site stays served (if there is one) and the pages show them.
        case failed([Diagnostic], keptPrevious: Bool)
        /// Files cannot be watched: the site is served but will not follow changes.
        case notWatching(reason: String)
        case stopping
    }

    /// Why the server could not start or run.
    public enum Failure: Error, Sendable {
        case site(SiteError)
        case portInUse(Int)
        case server(String)
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Builds, serves and watches until SIGINT or SIGTERM.
    public func run(events: @escaping @Sendable (Event) -> Void) async throws(Failure) {
        if options.port != 0, !PortProbe.isFree(options.port) { throw .portInUse(options.port) }
        let controller: PreviewController
        do {
            controller = try PreviewController(options: options, events: events)
        } catch {
            throw .site(error)
        }
        await controller.start()

        var logger = Logger(label: "guong.serve")
        logger.logLevel = .critical
        let host = PreviewHost(port: options.port)
        let app = Application(
            responder: PreviewResponder(store: controller.store, hub: controller.hub, host: host),
            configuration: .init(address: .hostname("127.0.0.1", port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                host.listening(on: port)
                events(.listening(url: "http://127.0.0.1:\(port)\(controller.store.basePath)"))
            },
            logger: logger
        )
        // Services stop in reverse order: the controller first, so open event streams end and the
        // server's graceful shutdown does not wait on them.
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app), .init(service: controller)],
            gracefulShutdownSignals: [.sigint, .sigterm],
            logger: logger
        ))
        do {
            try await group.run()
        } catch {
            await controller.stop()
            let description = String(describing: error)
            if description.contains("Address already in use") || description.contains("errno: 98") {
                throw .portInUse(options.port)
            }
            throw .server(description)
        }
    }
}

/// Owns the site, the store, the watcher and the event hub. File changes come in through an
/// `AsyncStream` and are taken one batch at a time by this actor, so the site is only ever touched by it;
/// changes that arrive while a rebuild runs are merged into the next batch.
actor PreviewController: Service {
    nonisolated let store = PageStore()
    nonisolated let hub = ReloadHub()
    private let site: PreviewSite
    private let events: @Sendable (PreviewServer.Event) -> Void
    /// What the watcher saw since the actor last took it; the stream only says that something is there.
    private let inbox = ChangeInbox()
    private let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation
    private var watcher: (any FileWatching)?
    private var keepAlive: Task<Void, Never>?
    private var isStopped = false

    init(options: PreviewServer.Options, events: @escaping @Sendable (PreviewServer.Event) -> Void) throws(SiteError) {
        site = try PreviewSite(options: .init(siteRoot: options.siteRoot, displayRoot: options.displayRoot,
                                              includeDrafts: options.includeDrafts, extraBodyHTML: LiveScript.tag))
        self.events = events
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Watching, then the first build: a file saved during the first build is taken in right after it.
    func start() {
        let (inbox, signal) = (self.inbox, self.signal)
        let watcher = FileWatcher.make(siteRoot: site.loader.root, queue: DispatchQueue(label: "guong.preview.watch")) { changes in
            inbox.add(changes)
            signal.yield()
        }
        do {
            try watcher.start()
            self.watcher = watcher
        } catch {
            events(.notWatching(reason: error.reason))
        }
        rebuild(since: .now(), initial: true)
        let hub = self.hub
        keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                hub.broadcast(ReloadHub.keepAlive)
            }
        }
    }

    /// Takes in changes until the service group shuts down, then ends the watcher and the open event streams.
    func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in signals {
                let changes = inbox.take()
                guard !changes.isEmpty else { continue }
                let start = DispatchTime.now()
                site.update(changed: changes.paths)
                rebuild(since: start, initial: false)
            }
        } onGracefulShutdown: { [signal] in
            signal.finish()
        }
        events(.stopping)
        stop()
    }

    func stop() {
        guard !isStopped else { return }
        isStopped = true
        signal.finish()
        watcher?.stop()
        keepAlive?.cancel()
        hub.close()
    }

    /// Renders what the changes touched (on every core; the actor waits for it), then tells the pages.
    private func rebuild(since start: DispatchTime, initial: Bool) {
        let store = self.store, hub = self.hub, site = self.site
        func elapsed() -> Int { Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000) }
        var firstWave: Set<String> = []
        var firstWaveTime: Int?
        let outcome = site.rebuild(publish: { store.publish($0) }, remove: { store.remove($0) }, firstWave: { paths in
            // The pages just edited are out: their open pages reload now, before the listings are done.
            firstWave = Set(paths)
            firstWaveTime = elapsed()
            store.basePath = site.basePath
            let (state, news) = store.commit(changed: paths, problems: [])
            if news { hub.broadcast(ReloadHub.message(state)) }
        })
        switch outcome {
        case .built(let written, let removed, let profiles, let warnings):
            store.basePath = site.basePath
            let (state, news) = store.commit(changed: written.filter { !firstWave.contains($0) } + removed, problems: [])
            if news { hub.broadcast(ReloadHub.message(state)) }
            events(.built(files: written.count, removed: removed.count, profiles: profiles, milliseconds: elapsed(),
                          editedMilliseconds: firstWaveTime, warnings: warnings, initial: initial))
        case .failed(let problems):
            if !store.state.hasSite { store.basePath = site.basePath }
            let lines = problems.filter { $0.severity == .error }.map(CheckReport.line)
            let (state, news) = store.commit(changed: [], built: false, problems: lines)
            if news { hub.broadcast(ReloadHub.message(state)) }
            events(.failed(problems, keptPrevious: state.hasSite))
        }
    }
}

/// The watcher's changes, merged until the controller takes them.
final class ChangeInbox: Sendable {
    private let pending = Mutex(FileChanges())

    func add(_ changes: FileChanges) {
        pending.withLock { pending in
            pending.paths.formUnion(changes.paths)
            pending.rescan = pending.rescan || changes.rescan
        }
    }

    func take() -> FileChanges {
        pending.withLock { pending in
            defer { pending = FileChanges() }
            return pending
        }
    }
}
