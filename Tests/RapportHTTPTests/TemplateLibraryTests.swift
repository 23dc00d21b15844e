@testable import RapportWeb
import Testing

/// Rapport's own Mustache renderer: the behaviour the bundled templates rely on, each case
/// rendered from a small model.
@Suite struct TemplateLibraryTests {
    /// A model answering from a dictionary; nested dictionaries are models too.
    struct Values: TemplateModel {
        let values: [String: Any]
        init(_ values: [String: Any]) { self.values = values }
        func child(named name: String) -> Any? {
            if let nested = values[name] as? [String: Any] { return Values(nested) }
            if let rows = values[name] as? [[String: Any]] { return rows.map(Values.init) }
            return values[name]
        }
    }

    func render(_ template: String, _ values: [String: Any], partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        for (name, text) in partials { try library.register(text, named: name) }
        try library.register(template, named: "page")
        return try #require(library.render("page", Values(values)))
    }

    @Test func values_areEscaped_unlessTripled() throws {
        let values: [String: Any] = ["a": "<b>\"x\" & 'y'</b>", "n": 3, "f": false]
        #expect(try render("{{a}}|{{{a}}}|{{& a}}|{{n}}|{{f}}|{{missing}}", values)
                == "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;|<b>\"x\" & 'y'</b>|<b>\"x\" & 'y'</b>|3|false|")
    }

    @Test func sections_followTrueValuesListsAndModels_andInvertedSectionsTheRest() throws {
        let values: [String: Any] = ["yes": true, "no": false, "rows": [["v": "1"], ["v": "2"]], "none": [[String: Any]](),
                                     "item": ["v": "inner"], "text": "t", "tags": ["甲", "乙"]]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^yes}}!Y{{/yes}}", values) == "Y!N")
        #expect(try render("{{#rows}}[{{v}}]{{/rows}}{{^rows}}empty{{/rows}}{{#none}}x{{/none}}{{^none}}no rows{{/none}}", values)
                == "[1][2]no rows")
        #expect(try render("{{#item}}{{v}}{{/item}}{{#missing}}M{{/missing}}{{^missing}}none{{/missing}}", values) == "innernone")
        #expect(try render("{{#text}}({{.}}){{/text}}{{#tags}}<{{.}}>{{/tags}}", values) == "(t)<甲><乙>")
    }

    @Test func names_areLookedUpOutward_andDottedNamesFollowEachSegment() throws {
        let values: [String: Any] = ["title": "page", "rows": [["v": "1"], ["v": "2", "title": "own"]],
                                     "user": ["name": "王芳", "team": ["name": "华东"]]]
        #expect(try render("{{#rows}}{{v}}:{{title}};{{/rows}}", values) == "1:page;2:own;")
        #expect(try render("{{user.name}}/{{user.team.name}}/{{user.missing.name}}/{{#user.team}}{{name}}{{/user.team}}", values)
                == "王芳/华东//华东")
        // A name found on the first segment is not looked for again outside when a later segment fails.
        #expect(try render("{{#rows}}{{user.team.name}}{{/rows}}", values) == "华东华东")
    }

    @Test func partialsAndBlocks_renderWithTheSameValues_andThePageReplacesTheBlock() throws {
        let partials = ["layout": "<main>{{$content}}default{{/content}}</main>{{> footer}}", "footer": "<footer>{{title}}</footer>"]
        #expect(try render("{{<layout}}{{$content}}<h1>{{title}}</h1>{{/content}}{{/layout}}", ["title": "标题"], partials: partials)
                == "<main><h1>标题</h1></main><footer>标题</footer>")
        #expect(try render("{{<layout}}{{/layout}}", ["title": "t"], partials: partials) == "<main>default</main><footer>t</footer>")
    }

    @Test func tagsAloneOnTheirLine_takeTheLineWithThem() throws {
        let template = "<ul>\n  {{#rows}}\n  <li>{{v}}</li>\n  {{/rows}}\n  {{! a comment }}\n</ul>\n{{#yes}}inline{{/yes}} kept\n"
        #expect(try render(template, ["rows": [["v": "1"], ["v": "2"]], "yes": true]) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\ninline kept\n")
    }

    @Test func badTemplates_areRefused_withTheirLine() throws {
        for (template, reason) in [("a\n{{#open}}x", "is not closed"), ("{{/stray}}", "closes nothing"), ("{{#a}}{{/b}}", "was expected"),
                                   ("x {{name", "unfinished tag"), ("{{=<% %>=}}", "delimiter"), ("{{#}}", "without a name")] {
            var library = TemplateLibrary()
            #expect {
                try library.register(template, named: "bad")
            } throws: { error in
                String(describing: error).contains(reason) && String(describing: error).hasPrefix("template bad, line")
            }
        }
    }
}
