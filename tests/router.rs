//! Native tests of URL path → page parsing.

use climb::router::Page;

#[test]
fn pages_belong_to_their_menu_section() {
    for (path, section) in [
        ("/boards/abc", Page::Boards),
        ("/boards/abc/workshop", Page::Boards),
        ("/boards/abc/join", Page::Boards),
        ("/check/answer", Page::Check),
        ("/teams", Page::Team),
        ("/team", Page::Team),
        ("/goals", Page::Goals),
        ("/", Page::Home),
    ] {
        assert_eq!(Page::parse(path).section(), section, "{path:?}");
    }
}

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
        ("/boards/abc-123", Page::Board("abc-123".into())),
        ("/boards/abc-123/", Page::Board("abc-123".into())),
        ("/boards/a/b", Page::NotFound),
        ("/boards/abc-123/workshop", Page::Workshop("abc-123".into())),
        (
            "/boards/abc-123/workshop/",
            Page::Workshop("abc-123".into()),
        ),
        ("/boards//workshop", Page::NotFound),
        ("/boards/a/b/workshop", Page::NotFound),
        ("/nowhere", Page::NotFound),
    ] {
        assert_eq!(Page::parse(path), page, "{path:?}");
    }
}
