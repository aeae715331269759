"""Build the labelled aggregator-style text pages (NNN.txt + NNN.labels.json) from stories.py.

Run: .venv/bin/python tests/data/textpages/build_pages.py   (deterministic; rewrites the pages)

Each layout reproduces page furniture seen on real aggregator / scraper output (site brand
headers, date bars, sponsor and navigation words, bylines, language switchers, captions and
photo credits, share / subscribe / related blocks, comment counts, author boxes, credit and
contact lines, labels, repeated headlines, summary bullets). The labels say which lines are
NOT article body (1-based line numbers of non-blank lines), plus metadata gold.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from stories import STORIES  # noqa: E402

BRANDS = ["THE AMERICA ONE NEWS", "WORLD NEWS HUB", "GLOBAL FEED DAILY", "NEWSWAVE 24", "PATRIOT WIRE REPORT", "THE DAILY SCAN"]
SPONSORS = [
    "Sponsor:  QuickPlay Fantasy: Elevate your game with smart picks!",
    "Sponsor:  Trade smarter with zero commission",
    "Sponsored: Local singles are waiting to meet you",
    "Sponsor:  HomeShield Security",
    "Promoted: This one trick cuts your energy bill in half",
]
SECTIONS = ["News Feed", "World", "Africa", "Middle East", "Europe", "War in Ukraine", "Asia Pacific"]
LANG = ["ua en ru", "EN | FR | AR", "English | Français | Español", "en ru", "EN FR"]
AGENCIES = ["AP Photo", "AFP", "Reuters", "Getty Images", "EPA", "Anadolu"]
MORE = ["Devamını oku", "Lire la suite", "Weiterlesen", "Leer más", "Continua a leggere"]


def fmt_us(d: date) -> str:
    return d.strftime("%b %-d, %Y")


def fmt_long(d: date) -> str:
    return d.strftime("%B %-d, %Y")


def fmt_dmy(d: date) -> str:
    return d.strftime("%-d %b %Y")


def domain(outlet: str) -> str:
    words = [w for w in outlet.lower().replace("-", " ").split() if w != "the"]
    return "".join(words) + ".com"


def body_paras(s: dict, dateline_style: str = "inline") -> list[str]:
    paras = list(s["paras"])
    if s["dateline"] and dateline_style == "inline":
        paras[0] = f"{s['dateline']} {paras[0]}"
    return paras


class Page:
    def __init__(self) -> None:
        self.lines: list[tuple[str, bool]] = []  # (text, is_body)

    def drop(self, *texts: str) -> None:
        self.lines.extend((t, False) for t in texts)

    def keep(self, *texts: str) -> None:
        self.lines.extend((t, True) for t in texts)

    def blank(self, n: int = 1) -> None:
        self.lines.extend(("", False) for _ in range(n))

    def paragraphs(self, paras: list[str], sep: int = 1, inserts: dict[int, list[str]] | None = None) -> None:
        for i, p in enumerate(paras):
            self.keep(p)
            if sep:
                self.blank(sep)
            for extra in (inserts or {}).get(i, []):
                self.drop(extra)
                if sep:
                    self.blank(sep)


def build(i: int, s: dict, rng: random.Random) -> tuple[str, dict]:
    layout = i % 13
    pub = date.fromisoformat(s["date"])
    gold = {
        "title": s["title"], "authors": [s["author"]] if s["author"] else [], "outlet": s["outlet"], "aggregator": None,
        "dateline": s["place"] if s["dateline"] else None, "page_date": None, "published": s["date"], "layout": layout,
    }
    pg = Page()
    paras = body_paras(s)
    author = s["author"]
    if layout == 0:  # shouting brand header, date bar, sponsors, nav, lone byline, prefixed headline, ads, contact line
        brand = rng.choice(BRANDS)
        page_date = pub + timedelta(days=rng.randint(90, 240))
        gold.update(page_date=page_date.isoformat())
        gold["aggregator"] = " ".join(w.capitalize() if k == 0 or w.lower() not in {"the", "of", "and"} else w.lower() for k, w in enumerate(brand.split()))
        pg.drop(brand, f"{fmt_us(page_date)}  |  ", str(rng.randint(0, 40)), f" | {rng.choice(['Remer,MN', 'Austin,TX', 'Dayton,OH', 'Boise,ID'])}")
        pg.drop(*rng.sample(SPONSORS, 3), "back  ", "topic")
        if author:
            pg.drop(author)
        pg.blank(2)
        pg.drop(f"{rng.choice(['NextImg:', 'Title: ', 'Headline: '])}{s['title']}")
        pg.blank()
        pg.paragraphs(paras, inserts={1: ["Advertisement"], 3: ["Advertisement"]})
        if author:
            first = author.split()[0][0].lower() + author.split()[-1].lower()
            pg.drop(f"• {author} can be reached at {first}@{domain(s['outlet'])}.")
    elif layout == 1:  # language switcher, headline + caption, "Author:" line
        pg.drop(rng.choice(LANG))
        pg.blank()
        pg.drop(s["title"])
        pg.blank()
        pg.drop(f"{s['title']} Illustrative photo ({rng.choice(AGENCIES)})")
        if author:
            pg.drop(f"Author: {author}")
        pg.blank()
        pg.paragraphs(paras)
        pg.drop(f"Read also: {rng.choice(STORIES)['title']}")
    elif layout == 2:  # membership banner, section label, read time, caption, teaser block, author box
        pg.drop("0 members on board")
        pg.blank()
        pg.drop(f"{rng.randint(5, 40)},000 people chose to be part of the {s['outlet']} community — thank you.")
        pg.blank()
        pg.drop(rng.choice(SECTIONS))
        pg.blank()
        pg.drop(s["title"])
        pg.blank()
        pg.drop(f"{rng.randint(1, 4)} min read", s["title"])
        scene = rng.choice(["Rescuers work at the site of the strike", "A view of the damaged area", "Firefighters at the scene of the attack"])
        pg.drop(f"{scene} on {fmt_long(pub)}. (Photo: {rng.choice(['Governor', 'Police', 'Emergency Service'])}/Telegram)")
        pg.blank()
        pg.paragraphs(paras)
        other = rng.choice(STORIES)
        pg.drop(f"UPDATE: {other['title']}", other["paras"][0], "Article image", "Avatar")
        if author:
            pg.drop(author)
            pg.blank()
            pg.drop("Reporter")
            pg.blank()
            pg.drop(f"{author} is a reporter at {s['outlet']}, covering security and politics. Before joining the newsroom, {author.split()[0]} worked as a fixer for foreign media.")
        pg.blank()
        pg.drop("Read more", rng.choice(SECTIONS))
    elif layout == 3:  # byline, published line, share block, related headlines, comment count
        pg.drop(s["title"])
        if author:
            pg.drop(f"By {author}")
        page_date = pub
        gold["page_date"] = page_date.isoformat()
        pg.drop(f"Published On {fmt_dmy(page_date)}")
        pg.blank()
        pg.paragraphs(paras)
        pg.drop("Share this article", "Share on Facebook", "Share on X")
        pg.blank()
        pg.drop("Related:", rng.choice(STORIES)["title"], rng.choice(STORIES)["title"])
        pg.blank()
        pg.drop(f"{rng.randint(2, 90)} Comments")
    elif layout == 4:  # headline, body, credit line of the original outlet
        pg.drop(s["title"])
        pg.blank()
        pg.paragraphs(paras)
        pg.drop(rng.choice([f"Source: {s['outlet']}", f"This article originally appeared in {s['outlet']}.", f"Courtesy of {s['outlet']}"]))
    elif layout == 5:  # no blank lines; follow-us and comments-closed tail
        pg.drop(s["title"])
        pg.keep(*paras)
        handle = "@" + domain(s["outlet"]).split(".")[0][:12].capitalize()
        pg.drop(f"For the latest news, follow us on Twitter {handle}. We are also on Facebook, Instagram and YouTube.")
        pg.drop("Comments are closed on this story.")
    elif layout == 6:  # caption + credit first, colon dateline, no blank lines
        agency = rng.choice(["PTI Photo", "Reuters Photo", "AFP Photo", "File Photo"])
        pg.drop(f"Residents look at a damaged building after the attack, {pub.strftime('%A')}, {fmt_long(pub)}.")
        pg.drop(f"Credit: {agency}")
        ps = body_paras(s, "none")
        if s["place"]:
            ps[0] = f"{s['place'].split(',')[0]}: {ps[0]}"
            gold["dateline"] = s["place"].split(",")[0]
        else:
            gold["dateline"] = None
        pg.keep(*ps)
        gold["title"] = None
    elif layout == 7:  # breadcrumb, byline, date line, mid-body ad, newsletter, tags
        pg.drop(f"Home » World » {rng.choice(['Africa', 'Asia', 'Europe', 'Middle East'])}")
        pg.blank()
        pg.drop(s["title"])
        if author:
            pg.drop(f"By {author}")
        gold["page_date"] = pub.isoformat()
        pg.drop(f"Updated: {fmt_long(pub)} {rng.randint(1, 12)}:{rng.randint(10, 59)} GMT")
        pg.blank()
        pg.paragraphs(paras, inserts={1: ["Story continues below advertisement"]})
        pg.drop("Subscribe to our newsletter for the day's top stories.")
        pg.drop(f"Tags: {', '.join(rng.sample(['security', 'conflict', 'politics', 'africa', 'military', 'protest'], 3))}")
    elif layout == 8:  # photo gallery: label, standfirst kept, truncated + full caption, published line
        pg.drop("In Pictures")
        pg.blank()
        pg.drop(s["title"])
        pg.blank()
        pg.keep("Residents described scenes of panic as the violence spread through their neighbourhoods, leaving many dead.")
        pg.blank()
        cap = f"People gather near the site of the attack, a day after the violence, in photos released by local officials on {fmt_long(pub)}"
        pg.drop(cap[:70].rstrip(), f"{cap}. [{rng.choice(['Ali Hassan', 'Maria Ortiz', 'John Okello'])}/{rng.choice(AGENCIES)}]")
        gold["page_date"] = pub.isoformat()
        pg.drop(f"Published On {fmt_dmy(pub)}")
        pg.blank()
        pg.paragraphs(paras)
    elif layout == 9:  # "Short Url", caption with agency credit, bullet summary duplicating a paragraph
        pg.drop(s["title"])
        pg.blank()
        pg.drop(f"Smoke rises over the area after the attack on {fmt_long(pub)}. ({rng.choice(['AFP', 'Reuters', 'AP'])})")
        pg.drop("Short Url")
        pg.drop(f"  • {s['paras'][2]}")
        pg.blank()
        pg.paragraphs(paras)
    elif layout == 10:  # brand header, posted-by date, "Title:" label, original credit, share words
        brand = rng.choice(BRANDS)
        page_date = pub + timedelta(days=rng.randint(60, 200))
        gold.update(page_date=page_date.isoformat())
        gold["aggregator"] = " ".join(w.capitalize() if k == 0 or w.lower() not in {"the", "of", "and"} else w.lower() for k, w in enumerate(brand.split()))
        pg.drop(brand)
        pg.drop(f"Posted on {fmt_long(page_date)}")
        pg.blank()
        pg.drop(f"Title: {s['title']}")
        pg.blank()
        pg.paragraphs(paras)
        pg.drop(f"This article was originally published by {s['outlet']}.")
        pg.drop("Share", "Tweet", "Email")
    elif layout == 11:  # standfirst, read time, caption with [credit], section labels mid-body
        pg.drop(s["title"])
        pg.blank()
        pg.keep(f"Officials gave new details on {pub.strftime('%A')} as the toll from the violence rose and residents described the attack.")
        pg.drop(f"{rng.randint(2, 5)} min read")
        pg.drop(f"This picture taken on {fmt_long(pub)} shows damaged buildings in the area after the attack [{rng.choice(['Getty', 'AFP', 'Reuters'])}]")
        pg.blank()
        pg.paragraphs(paras, inserts={1: ["MENA", "Live Story"] if rng.random() < 0.5 else ["Africa"]})
    else:  # layout 12: headline repeated, caps dateline line, foreign read-more button
        pg.drop(s["title"])
        pg.blank()
        pg.drop(s["title"])
        pg.blank()
        ps = body_paras(s, "none")
        city = (s["place"] or "").split(",")[0].upper()
        if city:
            pg.drop(city)
        else:
            gold["dateline"] = None
        pg.drop(s["title"])
        pg.blank()
        pg.paragraphs(ps, inserts={0: [rng.choice(MORE)]})
        if city:
            gold["dateline"] = city.title()
    # gold says what the page itself shows: no byline shown → no authors; outlet only when the page
    # names it (credit line, e-mail domain, author bio, wire credit); published only on pages showing a date
    shown = "\n".join(t for t, _ in pg.lines)
    if not author or author not in shown:
        gold["authors"] = []
    wire_shown = bool(s["dateline"]) and "(" in s["dateline"] and s["dateline"] in shown
    outlet_shown = s["outlet"] in shown or wire_shown or (layout == 0 and bool(author))
    if not outlet_shown:  # nothing on the page names the original outlet: the host is all one can say
        gold["outlet"], gold["aggregator"] = gold["aggregator"], None
    if gold["page_date"] is None:
        del gold["published"]
    text_lines = [t for t, _ in pg.lines]
    while text_lines and not text_lines[-1].strip():
        text_lines.pop()
        pg.lines.pop()
    dropped = [n for n, (t, keep) in enumerate(pg.lines, start=1) if t.strip() and not keep]
    gold["dropped"] = dropped
    return "\n".join(text_lines) + "\n", gold


def main() -> None:
    rng = random.Random(20241125)
    for old in HERE.glob("[0-9][0-9][0-9].*"):
        old.unlink()
    for i, s in enumerate(STORIES):
        text, gold = build(i, s, rng)
        (HERE / f"{i + 1:03d}.txt").write_text(text, encoding="utf-8")
        (HERE / f"{i + 1:03d}.labels.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(STORIES)} pages to {HERE}")


if __name__ == "__main__":
    main()
