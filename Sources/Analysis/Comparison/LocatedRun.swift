import Model
import Foundation

/// A run folder a diff or verify argument led to (see `LocatedRun.locate`).
public struct LocatedRun: Sendable {
    public enum Kind: String, Sendable { case run, golden, latest }

    public var url: URL
    /// As the user should read it: the path given, plus where `latest` led.
    public var label: String
    public var kind: Kind
    /// The experiment's name, from the run's config.yaml.
    public var experiment: String

    public init(url: URL, label: String, kind: Kind, experiment: String) {
        (self.url, self.label, self.kind, self.experiment) = (url, label, kind, experiment)
    }
}
