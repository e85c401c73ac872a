/// A stable code for each kind of problem; tools and tests match on it, so it never changes meaning.
public enum DiagnosticCode: String, CaseIterable, Sendable, Codable {
    case fileUnreadable = "file.unreadable"
    case fileTooLarge = "file.too-large"
    case fileNotUTF8 = "file.not-utf8"
    case frontMatterMissing = "front-matter.missing"
    case frontMatterUnclosed = "front-matter.unclosed"
    case frontMatterTooLarge = "front-matter.too-large"
    case yamlSyntax = "yaml.syntax"
    case yamlAlias = "yaml.alias"
    case yamlTooComplex = "yaml.too-complex"
    case yamlNotMapping = "yaml.not-mapping"
    case keyDuplicate = "key.duplicate"
    case keyMissing = "key.missing"
    case keyUnknown = "key.unknown"
    case valueType = "value.type"
    case valueControlCharacter = "value.control-char"
    case kindUnknown = "kind.unknown"
    case unitUnknown = "unit.unknown"
    case fieldUnknown = "field.unknown"
    case yearInvalid = "year.invalid"
    case yearOutsidePhase = "year.outside-phase"
    case positionMissing = "position.missing"
    case registeredInvalid = "registered.invalid"
    case registeredLate = "registered.late"
    case draftInvalid = "draft.invalid"
    case photoMissing = "photo.missing"
    case photoOutside = "photo.outside"
    case photoType = "photo.type"
    case photoTooLarge = "photo.too-large"
    case photoUnsafe = "photo.unsafe"
    case photoTooManyPixels = "photo.pixels"
    case photoCorrupt = "photo.corrupt"
    case photoMetadataTooLarge = "photo.metadata"
    case photoCacheUnwritable = "photo.cache"
    case photoSmall = "photo.small"
    case achievementsMissing = "achievements.missing"
    case achievementsEmpty = "achievements.empty"
    case markdownTooDeep = "markdown.too-deep"
    case htmlDropped = "html.dropped"
    case linkUnsafe = "link.unsafe"
    case linkOutside = "link.outside"
    case imageIgnored = "image.ignored"
    case profileDuplicate = "profile.duplicate"
    case slugDuplicate = "slug.duplicate"
    case slugInvalid = "slug.invalid"
    case headWithoutCollective = "head.no-collective"
    case configMissing = "config.missing"
    case configInvalid = "config.invalid"
    case unitDuplicate = "unit.duplicate"
    case pageInvalid = "page.invalid"
    case tooManyProfiles = "site.too-many-profiles"
    case themeInvalid = "theme.invalid"
    case outputRefused = "output.refused"

    public var severity: Severity {
        switch self {
        case .keyUnknown, .registeredLate, .htmlDropped, .linkUnsafe, .imageIgnored, .headWithoutCollective, .photoSmall:
            .warning
        default:
            .error
        }
    }
}
