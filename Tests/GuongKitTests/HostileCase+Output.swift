/// Hostile files of `Fixtures/hostile/` for the rules that keep a clean check from failing the build, or
/// a school's text from being dropped.
extension HostileCase {
    static let outputFixtures: [HostileCase] = [
        // A name that becomes a folder name over the file system's limit.
        .fixture("name-300-characters.md", ["path.too-long@3"]),
        .fixture("slug-too-long.md", ["path.too-long@8"]),
        // Text beside the achievements list: kept on the page, in order, and each block reported.
        .fixture("achievements-extra.md", ["achievements.extra@14", "achievements.extra@19", "achievements.extra@21",
                                           "achievements.extra@23", "achievements.extra@25", "achievements.extra@29"]),
    ]
}
