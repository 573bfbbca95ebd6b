/// The one place where text becomes HTML or SVG: every text node and every attribute value
/// goes through `escape`, so a symbol named `<b>X&Y</b>` or `"quoted"` shows as itself.
package enum Markup {
    package static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            if let entity = entities[c] { out += entity } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    private static let entities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]

    /// `<name a="v">` with every attribute value escaped.
    package static func open(_ name: String, _ attributes: [(String, String)] = []) -> String {
        "<" + name + attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined() + ">"
    }

    /// An element whose content is plain text (escaped here).
    package static func element(_ name: String, _ attributes: [(String, String)] = [], text: String) -> String {
        open(name, attributes) + escape(text) + "</\(name)>"
    }

    /// An element whose content is already markup (built by these functions).
    package static func element(_ name: String, _ attributes: [(String, String)] = [], markup: String) -> String {
        open(name, attributes) + markup + "</\(name)>"
    }

    /// An empty element: `<rect .../>`.
    package static func empty(_ name: String, _ attributes: [(String, String)]) -> String {
        "<" + name + attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined() + "/>"
    }
}
