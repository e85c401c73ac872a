import GuongKit
import Synchronization

/// Notes, per template, the shape of the root values it was rendered with while a site renders through the
/// real renderer (`Theme.renderTap`, nil in a build, so a build pays nothing for it).
package final class TemplateRecorder: Sendable {
    private let shapes = Mutex<[String: TemplateShape]>([:])

    package init() {}

    /// Renders every page of `model` with `theme` (nothing is written), noting each template's values.
    package func record(model: SiteModel, theme: Theme, extraBodyHTML: String = "") throws {
        var theme = theme
        theme.renderTap = { [self] template, value in record(template, value) }
        try SiteRenderer(model: model, theme: theme, extraBodyHTML: extraBodyHTML).render { _ in }
    }

    func record(_ template: String, _ value: TemplateValue) {
        let shape = TemplateShape(value)
        shapes.withLock { $0[template, default: TemplateShape()].merge(shape) }
    }

    /// The shapes noted so far, by template: those rendered by the renderer itself (pages and the layout).
    package var recorded: [String: TemplateShape] { shapes.withLock { $0 } }
}
