extension SiteRules {
    /// Refused profiles (a file with errors, read as far as it goes) that are the same exemplar as an accepted
    /// one: a resent file that differs only by an invisible character is refused for it, and named a duplicate.
    func duplicates(of refused: [Profile], among profiles: [Profile]) -> [Diagnostic] {
        guard !refused.isEmpty else { return [] }
        var accepted: [String: String] = [:]
        for profile in profiles where accepted[profile.identityKey] == nil { accepted[profile.identityKey] = profile.sourcePath }
        return refused.compactMap { profile in
            accepted[profile.identityKey].map { Diagnostic.profileDuplicate(profile.location, other: $0) }
        }
    }
}
