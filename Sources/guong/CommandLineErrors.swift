import ArgumentParser
import Foundation
import GuongKit

/// argument-parser's English errors (a mistyped command or option, a missing value) said in Vietnamese,
/// with the nearest command or option, and exit status 2 as the README promises.
enum CommandLineErrors {
    static let commands = Guong.configuration.subcommands.map { $0._commandName }

    /// The Vietnamese message for an error argument-parser found in the command line `arguments`.
    static func vietnamese(_ english: String, arguments: [String]) -> String {
        var text = english
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        text = text.components(separatedBy: "\n")[0]
        if let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first) {
            let hint = Suggestion.nearest(to: first, in: commands).map { " — có phải \"\($0)\"?" } ?? ""
            return "không có lệnh \"\(first)\"\(hint) Các lệnh: \(commands.joined(separator: ", "))."
        }
        let quoted = captures(in: text)
        switch true {
        case text.hasPrefix("Unknown option"):
            let hint = quoted.count > 1 ? " — có phải \"\(quoted[1])\"?" : ""
            return "không có tùy chọn \"\(quoted.first ?? "")\"\(hint)"
        case text.hasPrefix("Unexpected argument"), text.contains("unexpected arguments"):
            return "thừa đối số \(quoted.map { "\"\($0)\"" }.joined(separator: ", ")); nếu giá trị có dấu cách, hãy đặt nó trong ngoặc kép."
        case text.hasPrefix("Missing expected argument"), text.hasPrefix("Missing one of"):
            return "thiếu đối số \(quoted.map { "\"\($0)\"" }.joined(separator: " hoặc "))."
        case text.hasPrefix("Missing value for"):
            return "tùy chọn \"\(quoted.first ?? "")\" cần một giá trị ngay sau nó."
        case text.hasPrefix("The value"):
            let choices = quoted.dropFirst(2)
            let list = choices.isEmpty ? "" : "; chọn một trong: \(choices.joined(separator: ", "))"
            return "giá trị \"\(quoted.first ?? "")\" không hợp lệ cho \"\(quoted.dropFirst().first ?? "")\"\(list)."
        case text.hasPrefix("The option"):
            return "tùy chọn \"\(quoted.first ?? "")\" không nhận giá trị (đã ghi \"\(quoted.dropFirst().first ?? "")\")."
        case text.hasPrefix("Value to be set"):
            return "một tùy chọn hay đối số được ghi hai lần; hãy giữ một."
        case text.unicodeScalars.contains(where: { $0.value > 0x7F }):
            return text  // our own validate() messages, already Vietnamese
        default:
            return "dòng lệnh không hợp lệ."
        }
    }

    /// The texts between single quotes: `Unknown option '--formt'. Did you mean '--format'?` → both names.
    static func captures(in text: String) -> [String] {
        let parts = text.components(separatedBy: "'")
        return stride(from: 1, to: parts.count - 1, by: 2).map { parts[$0] }
    }
}

extension Guong {
    /// Runs the command; a command-line mistake is answered in Vietnamese with exit status 2 (not 64).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            printError("lỗi: " + CommandLineErrors.vietnamese(message(for: error), arguments: arguments))
            let command = arguments.first.flatMap { CommandLineErrors.commands.contains($0) ? $0 + " " : nil } ?? ""
            printError("Xem hướng dẫn: guong \(command)--help")
            exit(withError: ExitStatus.cannotRun)
        }
    }
}
