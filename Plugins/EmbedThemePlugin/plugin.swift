import Foundation
import PackagePlugin

/// Embeds the top-level `theme/` folder into the target it is applied to (GuongRender) as
/// `DefaultTheme.files`, generated at build time by the EmbedTheme tool: the repository holds one copy of
/// the theme, and any file added below `theme/` (templates, styles, scripts, images) is embedded.
@main
struct EmbedThemePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "theme", directoryHint: .isDirectory)
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTheme+Files.swift")
        // Listed as inputs so that editing, adding or removing a file reruns the tool.
        var inputs: [URL] = []
        if let walk = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isRegularFileKey],
                                                     options: [.skipsHiddenFiles]) {
            for case let url as URL in walk where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding theme/ (\(inputs.count) files)",
                executable: try context.tool(named: "EmbedTheme").url,
                arguments: [theme.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
