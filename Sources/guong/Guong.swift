import ArgumentParser
import Foundation
import GuongKit
import GuongRender

@main
struct Guong: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guong",
        abstract: "Gương: trang điển hình tiên tiến của ngành giáo dục — kiểm tra hồ sơ và dựng trang tĩnh.",
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Serve.self, New.self, IntakeCommand.self]
    )
}
