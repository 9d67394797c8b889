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

#[test]
fn a_board_belongs_to_the_boards_section() {
    assert_eq!(Page::parse("/boards/x").section(), Page::Boards);
    assert_eq!(Page::parse("/boards/x/workshop").section(), Page::Boards);
    assert_eq!(Page::parse("/team").section(), Page::Team);
}
