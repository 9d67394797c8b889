//! Native tests of URL path → page parsing.

use climb::router::Page;

#[test]
fn paths_map_to_pages() {
    for (path, page) in [
        ("/", Page::Home),
        ("", Page::Home),
        ("/boards", Page::Boards),
        ("/boards/", Page::Boards),
        ("/covenant", Page::Covenant),
        ("/goals?x=1", Page::Goals),
        ("/team#top", Page::Team),
        ("/data", Page::Data),
        ("/Boards", Page::NotFound),
        ("/boards/extra", Page::NotFound),
        ("/nowhere", Page::NotFound),
    ] {
        assert_eq!(Page::parse(path), page, "{path:?}");
    }
}
