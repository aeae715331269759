"""sitrep's own byline search (``dom_author``) on written markup: the article's byline wins over
comment, sidebar and related-story bylines; prefixes, outlet lines and timestamps are left out."""

from __future__ import annotations

import pytest

from sitrep.clean.article import _split_authors, dom_author, load_tree


def _author(body: str) -> str | None:
    return dom_author(load_tree(f"<html><head><title>t</title></head><body>{body}<p>{'Some text here. ' * 20}</p></body></html>"))


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<div class="byline">By Jane Doe</div>', "Jane Doe"),
        ('<span class="author-name"><a rel="author" href="/a/jd">Jane Doe</a></span>', "Jane Doe"),
        ('<div class="byline-section"><span class="author">Tom Roe</span><span>Associated Press</span>'
         "<span>Published 11:34 PM EST Nov 19, 2019</span></div>", "Tom Roe"),
        ('<div class="story-byline">By ANNA LEE, MARK ROE and JO KIM</div>', "ANNA LEE; MARK ROE; JO KIM"),
        ('<p class="byline">By <a href="/a">Ann Lee</a> and <a href="/b">Bo Chan</a></p>', "Ann Lee and Bo Chan"),
        ('<div itemprop="author"><img src="x.jpg"><span itemprop="name">Ada Smith</span> Staff</div>', "Ada Smith"),
        ('<div class="author-info"><h2 class="author-heading">Published by</h2></div>', None),
    ],
)
def test_byline_markup(markup: str, expected: str | None) -> None:
    assert _author(markup) == expected


def test_comment_and_sidebar_bylines_are_not_the_article_author() -> None:
    markup = (
        '<aside class="sidebar"><div class="byline">By Side Writer</div></aside>'
        '<ol class="commentlist"><li><span class="comment-author">Carl Commenter</span></li></ol>'
        '<div class="entry__related"><span class="entry__author">Rel Ated</span></div>'
    )
    assert _author(markup) is None
    assert _author(markup + '<span class="byline">By Real Author</span>') == "Real Author"


def test_byline_with_a_date_is_skipped_for_the_name_inside_it() -> None:
    markup = '<div class="wrap-byline">By Emma Stone 8 January 2020, 3:51 pm <span class="byline">By Emma Stone</span></div>'
    assert _author(markup) == "Emma Stone"


def test_semicolon_names_split_into_authors() -> None:
    assert _split_authors(_author('<div class="byline">By ANNA LEE, MARK ROE and JO KIM</div>')) == ["Anna Lee", "Mark Roe", "Jo Kim"]
