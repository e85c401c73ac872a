/// A school or office of the district (`content/units.yaml`).
public struct Unit: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Mầm non, Tiểu học, Trung học cơ sở …; the units index groups by it.
    public var level: String
    public var commune: String
    public var location: SourceLocation
}
