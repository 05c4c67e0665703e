//! The strict HTML5 check shared by the `report` fuzz target (fuzz/src/lib.rs) and the report
//! tests of the main crate (tests/report_support/mod.rs includes this file with `#[path]`).

/// Parse errors html5ever reports for `html` with exact errors on (a valid HTML5 document has
/// none).
pub fn html5_errors(html: &str) -> Vec<String> {
    use html5ever::driver::ParseOpts;
    use html5ever::tendril::TendrilSink;
    use html5ever::tokenizer::TokenizerOpts;
    use html5ever::tree_builder::TreeBuilderOpts;
    use markup5ever_rcdom::RcDom;
    let opts = ParseOpts {
        tokenizer: TokenizerOpts {
            exact_errors: true,
            ..TokenizerOpts::default()
        },
        tree_builder: TreeBuilderOpts {
            exact_errors: true,
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
    };
    let dom = html5ever::parse_document(RcDom::default(), opts)
        .from_utf8()
        .read_from(&mut html.as_bytes())
        .expect("reading from memory");
    let errors = dom.errors.borrow();
    errors.iter().map(|e| e.to_string()).collect()
}
