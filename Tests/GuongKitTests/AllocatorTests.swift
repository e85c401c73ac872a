import Foundation
import Testing
import GuongTestSupport

/// The executable allocates with jemalloc, not glibc's malloc (Package.swift, docs/performance.md "The allocator").
@Suite("The allocator")
struct AllocatorTests {
    /// jemalloc prints its statistics at exit when asked: only the allocator in use reads `MALLOC_CONF`.
    @Test func guongAllocatesWithJemalloc() throws {
        let run = try SiteBuildFixture.guong(["--version"], environment: ["MALLOC_CONF": "stats_print:true"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("jemalloc statistics"), "\(run.stderr.prefix(300))")
        #expect(!run.stdout.contains("jemalloc"), "the statistics go to standard error, never into guong's output")
    }

    /// The executable's own settings (`CAllocatorSettings`: transparent huge pages) reach jemalloc, and the
    /// environment's are applied over them, not instead.
    @Test func jemallocTakesTheExecutablesSettings() throws {
        let run = try SiteBuildFixture.guong(["--version"], environment: ["MALLOC_CONF": "stats_print:true"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("opt.thp: \"always\""), "\(run.stderr.prefix(2000))")
        let overridden = try SiteBuildFixture.guong(["--version"], environment: ["MALLOC_CONF": "stats_print:true,thp:default"])
        #expect(overridden.stderr.contains("opt.thp: \"default\""), "\(overridden.stderr.prefix(2000))")
    }
}
