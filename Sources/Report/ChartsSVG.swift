/// A small SVG writer for the charts. Coordinates are whole pixels, so the bytes never depend on
/// how a platform prints floating-point numbers; the document carries its own font, colours and
/// white background and refers to nothing outside itself.
struct SVGDocument {
    enum Anchor: String { case start, middle, end }

    let width: Int
    let height: Int
    let title: String
    private var elements: [String] = []

    init(width: Int, height: Int, title: String) {
        self.width = width; self.height = height; self.title = title
    }

    /// `tooltip` becomes the element's own `<title>`, shown by browsers on hover.
    mutating func rect(x: Int, y: Int, width: Int, height: Int, fill: String, tooltip: String? = nil) {
        let attributes = "x=\"\(x)\" y=\"\(y)\" width=\"\(max(0, width))\" height=\"\(max(0, height))\" fill=\"\(fill)\""
        if let tooltip {
            elements.append("<rect \(attributes)><title>\(MarkupText.escaped(tooltip))</title></rect>")
        } else {
            elements.append("<rect \(attributes)/>")
        }
    }

    mutating func text(_ text: String, x: Int, y: Int, size: Int = 12, anchor: Anchor = .start, bold: Bool = false,
                       fill: String = Palette.ink) {
        var attributes = "x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if fill != Palette.ink { attributes += " fill=\"\(fill)\"" }
        elements.append("<text \(attributes)>\(MarkupText.escaped(text))</text>")
    }

    mutating func line(x1: Int, y1: Int, x2: Int, y2: Int, stroke: String, width: Int = 1, dashed: Bool = false) {
        var attributes = "x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"\(stroke)\" stroke-width=\"\(width)\""
        if dashed { attributes += " stroke-dasharray=\"6 4\"" }
        elements.append("<line \(attributes)/>")
    }

    func render() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\""
        out += " role=\"img\" font-family=\"Arial, Helvetica, sans-serif\">\n"
        out += "<title>\(MarkupText.escaped(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        for element in elements { out += element + "\n" }
        return out + "</svg>\n"
    }

    /// A rough width of `text` at `size` pixels in a sans-serif font, for laying out labels.
    static func textWidth(_ text: String, size: Int) -> Int { text.count * size * 55 / 100 }

    /// `text` cut with `…` to about `width` pixels.
    static func fit(_ text: String, width: Int, size: Int) -> String {
        let characters = max(1, width * 100 / (size * 55))
        return text.count <= characters ? text : String(text.prefix(characters - 1)) + "…"
    }
}

/// Colours that stay apart for colour-blind readers (Okabe & Ito, then Paul Tol's muted scheme).
enum Palette {
    static let ink = "#222222"
    static let grid = "#dddddd"
    static let axis = "#888888"
    static let ok = "#1b7837"
    static let over = "#b2182b"
    static let grant = "#0072B2"
    static let municipal = "#E69F00"
    static let other = "#009E73"
    /// Counts below --suppress-below, drawn together and apart from every region's colour.
    static let hidden = "#c8c8c8"
    static let series = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#7F3C8D",
                         "#332288", "#88CCEE", "#44AA99", "#117733", "#DDCC77", "#AA4499", "#882255", "#661100"]

    /// Black on the light colours, white on the dark ones.
    static func label(on fill: String) -> String {
        ["#E69F00", "#F0E442", "#56B4E9", "#88CCEE", "#DDCC77", "#44AA99", "#CC79A7"].contains(fill) ? "#000000" : "#ffffff"
    }
}
