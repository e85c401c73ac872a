/// A profile file's and its photo's bytes as they were read and checked: intake files these, never what is on
/// disk later, so a file swapped after the check is not what gets published.
public struct CheckedBytes: Sendable {
    public var profile: [UInt8]
    public var photo: [UInt8]?
}
