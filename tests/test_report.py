"""The renderers of a PlanDiff: terminal text, Markdown, one HTML page, and what a reader sees
of that page in a headless browser.

The diffs are built by hand with :func:`make_diff` (a public factory: other tests may use it),
so these tests do not depend on the comparison engine.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console

import plancorpus
from plancorpus.model.diff import (
    CitationChange,
    DiffSummary,
    FieldChange,
    PlanDiff,
    SectionChange,
    Substitution,
    TextOp,
)
from plancorpus.model.findings import Finding, Place
from plancorpus.model.plan import Span
from plancorpus.report import render
from plancorpus.report.html import diff_to_html
from plancorpus.report.markdown import diff_to_markdown, op_pieces, reflow
from plancorpus.report.terminal import diff_to_terminal, print_diff

A, B = "kh_2022_nongthonmoi.docx", "kh_2023_anninh.docx"
DELETED, INSERTED = "xây dựng nông thôn mới", "bảo vệ an ninh Tổ quốc"
HEADING = "Nội dung <trọng tâm> & nhiệm vụ"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


def section(
    kind: str, a: str | None, b: str | None, heading: str, *ops: TextOp, **kw: object
) -> SectionChange:
    """A SectionChange with the same heading on both sides it has."""
    return SectionChange.model_validate(
        {
            "kind": kind,
            "a_path": a,
            "b_path": b,
            "a_heading": heading if a else None,
            "b_heading": heading if b else None,
            "ops": list(ops),
            **kw,
        }
    )


def eq(text: str) -> TextOp:
    return TextOp(op="equal", a=text, b=text)


def make_diff(**changes: object) -> PlanDiff:
    """A small, complete diff of two village plans: II.2 re-targeted from one campaign to
    another, II.3 renumbered II.4, II.5 moved to III.1, IV added, the year 2022 → 2023 made in
    7 places, one citation added, and a finding in B's II.4. ``changes`` replace fields."""
    sections = [
        section("same", "I", "I", "MỤC ĐÍCH, YÊU CẦU", eq("MỤC ĐÍCH, YÊU CẦU"), similarity=1),
        section(
            "changed",
            "II.2",
            "II.2",
            HEADING,
            eq(HEADING),
            eq("Tập trung"),
            TextOp(op="replace", a=DELETED, b=INSERTED),
            eq("trên địa bàn xã trong năm"),
            TextOp(op="replace", a="2022", b="2023"),
            eq("."),
            similarity=0.71,
        ),
        section("renumbered", "II.3", "II.4", "Tuyên truyền", eq("Tuyên truyền"), similarity=1),
        section(
            "moved",
            "II.5",
            "III.1",
            "Kinh phí thực hiện",
            eq("Kinh phí thực hiện"),
            eq("Từ ngân sách xã"),
            TextOp(op="insert", b="và nguồn xã hội hoá"),
            similarity=0.88,
        ),
        section(
            "added",
            None,
            "IV",
            "Tổ chức thực hiện",
            TextOp(op="insert", b="Tổ chức thực hiện"),
        ),
    ]
    fields: dict[str, object] = {
        "a_source": A,
        "b_source": B,
        "summary": DiffSummary(
            similarity=0.823,
            similarity_defined_as="share of words kept, by word-level alignment",
            same=3,
            changed=1,
            renumbered=1,
            moved=1,
            added=1,
            removed=0,
        ),
        "metadata": [
            FieldChange(field="date", kind="changed", a="2022-03-01", b="2023-03-02"),
            FieldChange(field="issuer", kind="same", a="UBND xã Tân Phú", b="UBND xã Tân Phú"),
        ],
        "sections": sections,
        "citations": [
            CitationChange(
                key="98/2023/NĐ-CP",
                kind="added",
                b_date="2023-12-31",
                b_issuer="Chính phủ",
                b_raw="Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ",
            )
        ],
        "substitutions": [Substitution(a="2022", b="2023", count=7, kind="year")],
        "findings": [
            Finding(
                kind="other_campaign",
                key=DELETED,
                message="B still names the campaign of A",
                places=[
                    Place(
                        source=B,
                        raw="hưởng ứng phong trào xây dựng nông thôn mới",
                        span=Span(start=812, end=855),
                        section="II.4",
                    )
                ],
            )
        ],
    }
    fields.update(changes)
    return PlanDiff.model_validate(fields)


# --- the shared pieces -------------------------------------------------------------------

SPACING = [
    # bare words: a space between pieces, none before punctuation
    ([eq("Tập trung"), TextOp(op="replace", a="x", b="y"), eq(".")], "Tập trung x y."),
    # pieces that carry their whitespace keep it as it is
    ([eq("Tập trung "), TextOp(op="delete", a="x "), eq("y")], "Tập trung x y"),
    ([eq("(theo"), TextOp(op="insert", b="Kế hoạch"), eq(")")], "(theo Kế hoạch)"),
    # with whitespace carried, tokens that touch in the text stay glued: "1258/QĐ"
    ([eq("số "), TextOp(op="replace", a="1258", b="01"), eq("/QĐ")], "số 125801/QĐ"),
]


@pytest.mark.parametrize(("ops", "expected"), SPACING)
def test_op_pieces_are_spaced_for_reading(ops, expected):
    assert "".join(text for _, text in op_pieces(ops)) == expected


def test_one_side_keeps_only_its_own_text():
    ops = [eq("năm"), TextOp(op="replace", a="2022", b="2023")]
    assert op_pieces(ops, "a") == [("equal", "năm"), ("equal", " "), ("delete", "2022")]
    assert op_pieces(ops, "b") == [("equal", "năm"), ("equal", " "), ("insert", "2023")]
    carried = [eq("Quyết định số "), TextOp(op="replace", a="1258", b="01"), eq("/QĐ-UBND")]
    assert "".join(t for _, t in op_pieces(carried, "a")) == "Quyết định số 1258/QĐ-UBND"
    assert "".join(t for _, t in op_pieces(carried, "b")) == "Quyết định số 01/QĐ-UBND"


def test_each_side_has_its_own_whitespace():
    """An equal op may hold each plan's text with its own spacing ("cán bộ" / "cán bộ ")."""
    ops = [
        TextOp(op="equal", a="cán bộ", b="cán bộ "),
        TextOp(op="delete", a=", "),
        eq("công chức "),
    ]
    assert "".join(t for _, t in op_pieces(ops, "b")) == "cán bộ công chức "
    assert "".join(t for _, t in op_pieces(ops, "a")) == "cán bộ, công chức "


REFLOW = [
    ("thực hiện nhiệm\nvụ năm 2023", "thực hiện nhiệm vụ năm 2023"),  # a wrapped line
    ("Mục đích\n\nNhằm tạo", "Mục đích\n\nNhằm tạo"),  # a paragraph
    ("như sau:\n- Biểu dương", "như sau:\n- Biểu dương"),  # a list item
    ("hoàn thành.\nTiếp tục", "hoàn thành.\nTiếp tục"),  # after a sentence
    ("các nội dung\na) Văn phòng", "các nội dung\na) Văn phòng"),
]


@pytest.mark.parametrize(("text", "expected"), REFLOW)
def test_reflow_undoes_only_the_source_line_wrapping(text, expected):
    head, tail = text[:5], text[5:]  # across two pieces, as an inline diff has them
    pieces = reflow([("equal", head), ("insert", tail)])
    assert "".join(t for _, t in pieces) == expected


# --- terminal text -----------------------------------------------------------------------


def test_text_has_summary_counts_and_substitution():
    text = diff_to_terminal(make_diff())
    assert "82.3%" in text and "share of words kept" in text
    for count in ("3 same", "1 changed", "1 renumbered", "1 moved", "1 added", "0 removed"):
        assert count in text
    assert "the whole plan was re-targeted from “2022” to “2023”: 7 places (year)" in text
    assert "\x1b" not in text  # plain: no colour codes


def test_text_marks_changes_without_colour():
    text = diff_to_terminal(make_diff())
    assert f"[-{DELETED}-] {{+{INSERTED}+}}" in text
    assert "{+và nguồn xã hội hoá+}" in text
    assert "II.5 → III.1 (moved)\nKinh phí thực hiện Từ ngân sách xã {+và" in text
    assert "II.3 → II.4 (renumbered) Tuyên truyền\n(text unchanged)" in text


def test_text_lists_citations_metadata_and_findings():
    text = diff_to_terminal(make_diff())
    assert "98/2023/NĐ-CP" in text and "2023-12-31, Chính phủ" in text
    assert "2022-03-01" in text and "UBND xã Tân Phú" not in text  # unchanged fields are left out
    assert "F1 other_campaign" in text
    assert "B II.4: “hưởng ứng phong trào xây dựng nông thôn mới”" in text


def test_text_elides_long_unchanged_runs():
    words = " ".join(f"từ{i}" for i in range(80))
    ops = [eq("Kinh phí"), eq(words), TextOp(op="insert", b="mới"), eq(words)]
    text = diff_to_terminal(make_diff(sections=[section("changed", "I", "I", "Kinh phí", *ops)]))
    assert "từ0 từ1" in text and "từ79 {+mới+} từ0" in text and "… từ68" in text
    assert "từ40" not in text


@pytest.mark.parametrize("width", [60, 100, 140])
def test_text_fits_its_width(width):
    text = diff_to_terminal(make_diff(), width=width)
    assert max(len(line) for line in text.splitlines()) <= width


def test_terminal_colours_deleted_and_inserted_text():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=100)
    print_diff(make_diff(), console)
    printed = out.getvalue()
    strike_red = re.escape("\x1b[9;31m") + re.escape(DELETED)
    assert re.search(strike_red, printed), "deleted text is red and struck through"
    assert "\x1b[32m" + INSERTED in printed
    assert "[-" not in printed  # the plain-text marks are for plain output only


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_strikes_deleted_and_bolds_inserted_words():
    md = diff_to_markdown(make_diff())
    assert f"~~{DELETED}~~ **{INSERTED}**" in md
    assert "~~2022~~ **2023**." in md
    assert "**và nguồn xã hội hoá**" in md


def test_markdown_uses_tags_where_emphasis_would_not_hold():
    ops = [eq("Nhà nước"), TextOp(op="insert", b=". Tiếp tục"), eq("làm tốt")]
    diff = make_diff(sections=[section("changed", "I", "I", "Nhà nước", *ops)])
    assert "Nhà nước<ins>. Tiếp tục</ins> làm tốt" in diff_to_markdown(diff)


def test_markdown_tables_and_escaping():
    md = diff_to_markdown(make_diff())
    assert "| Kind | A | B | Heading | Similarity |" in md
    assert "| renumbered | II.3 | II.4 | Tuyên truyền | 100.0% |" in md
    assert "| 98/2023/NĐ-CP | added | — | 2023-12-31, Chính phủ |" in md
    assert "| date | changed | 2022-03-01 | 2023-03-02 |" in md
    assert "| F1 | `other_campaign` | B still names the campaign of A |" in md
    assert "Nội dung \\<trọng tâm\\> & nhiệm vụ" in md
    assert not re.search(r"(?<!\\)<", md), "every < is escaped"
    assert f"- **A:** `{A}`" in md
    assert "- the whole plan was re-targeted from “2022” to “2023”: 7 places (year)" in md


# --- HTML, read by a parser --------------------------------------------------------------

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr"}


class Page(HTMLParser):
    """What the page holds: tags (checked to nest properly), ids, links, attribute values, and
    the text inside each <del> and <ins>."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.attributes: set[str] = set()
        self.marked: dict[str, list[str]] = {"del": [], "ins": []}
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        values = dict(attrs)
        self.attributes |= set(values)
        self.ids.add(values.get("id") or "")
        if tag == "a":
            self.hrefs.append(values.get("href") or "")
        if tag in self.marked:
            self.marked[tag].append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for tag in self.marked:
            if tag in self.stack:
                self.marked[tag][-1] += data


@pytest.fixture(scope="module")
def page_html() -> str:
    return diff_to_html(make_diff())


def test_html_parses_and_needs_nothing_else(page_html):
    page = Page(page_html)
    assert page.stack == [], "every element is closed"
    assert page_html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page_html and '"DejaVu Sans"' in page_html
    assert "script" not in page.tags and "<script" not in page_html.lower()
    assert not re.search(r"https?://", page_html), "no network resources"
    assert not any(tag in page.tags for tag in ("link", "img", "iframe", "object"))
    assert "style" in page.tags
    assert not [name for name in page.attributes if name.startswith("on")], "no event handlers"


def test_html_redline_wraps_the_known_words(page_html):
    page = Page(page_html)
    assert DELETED in page.marked["del"] and INSERTED in page.marked["ins"]
    assert f'<del class="del">{DELETED}</del>' in page_html
    assert '<del class="del sub" title="substitution 2022 → 2023 (7 places)">2022</del>' in (
        page_html
    )


def test_html_summary_and_substitutions(page_html):
    text = " ".join(Page(page_html).text)
    assert "82.3%" in text and "share of words kept, by word-level alignment" in text
    assert re.search(r'id="count-changed"><span class="n">1</span>changed', page_html)
    assert '<mark class="sub">2022</mark> to <mark class="sub">2023</mark>: 7 places' in page_html


def test_html_findings_link_to_their_section(page_html):
    page = Page(page_html)
    assert "finding-1" in page.ids
    assert '<a href="#sec-b-II.4">II.4</a>' in page_html  # the place, in B's section II.4
    assert '<a href="#finding-1">F1</a>' in page_html  # and back from that section
    for href in page.hrefs:
        assert href.startswith("#") and href[1:] in page.ids, f"dangling link {href}"


def test_html_marks_moved_and_renumbered_sections(page_html):
    assert "moved: II.5 → III.1" in page_html and "renumbered: II.3 → II.4" in page_html
    assert 'class="section card k-added" id="sec-b-IV"' in page_html
    assert '<div class="side a absent">not in A</div>' in page_html


def test_a_changed_section_can_be_renumbered_too():
    ops = [eq("Tuyên truyền"), TextOp(op="insert", b="sâu rộng")]
    renumbered = section("changed", "II.3", "II.4", "Tuyên truyền", *ops, renumbered=True)
    diff = make_diff(sections=[renumbered])
    assert "### II.3 → II.4 (changed, renumbered)" in diff_to_markdown(diff)
    assert "II.3 → II.4 (changed, renumbered)" in diff_to_terminal(diff)
    assert "renumbered: II.3 → II.4" in diff_to_html(diff)


def test_html_escapes_every_text():
    evil = "<script>alert(1)</script>"
    diff = make_diff(a_source=evil, b_source='"><b>x</b>')
    page = diff_to_html(diff)
    assert "<script" not in page and "<b>x" not in page
    assert "Nội dung &lt;trọng tâm&gt; &amp; nhiệm vụ" in page
    assert HEADING in " ".join(Page(page).text)


# --- render() ----------------------------------------------------------------------------


def test_render_dispatches_a_diff():
    diff = make_diff()
    assert render(diff, "text") == diff_to_terminal(diff)
    assert render(diff, "markdown") == diff_to_markdown(diff)
    assert render(diff, "html") == diff_to_html(diff)
    assert PlanDiff.model_validate_json(render(diff, "json")) == diff


def test_render_a_plan_and_refuse_what_it_cannot():
    plan = plancorpus.parse_text("KẾ HOẠCH\nTổ chức Tết Trung thu năm 2023\nI. MỤC ĐÍCH\n")
    assert render(plan, "markdown").startswith("```text\n")
    assert "Tổ chức Tết Trung thu năm 2023" in render(plan, "html")  # the Jupyter block
    with pytest.raises(ValueError, match=r"cannot render Section as 'html': use one of \['json'"):
        render(plan.sections[0], "html")
    with pytest.raises(ValueError, match="cannot render PlanDiff as 'pdf'"):
        render(make_diff(), "pdf")


# --- HTML, as a reader sees it in a headless browser -------------------------------------


@pytest.fixture
def browser(tmp_path, monkeypatch):
    """Headless Chromium through selenium, offline; skips when it is not installed."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.skip(
            f"{', '.join(missing)} not found: install the Debian packages chromium and "
            "chromium-driver (./setup.sh does)"
        )
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (./setup.sh --dev installs it)")
    monkeypatch.setenv("SE_OFFLINE", "true")  # selenium must never download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
        "--disable-background-networking --disable-component-update --disable-sync "
        "--window-size=1280,2200"
    ).split():
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def test_browser_shows_the_summary_the_redline_and_the_finding(browser, tmp_path):
    from selenium.webdriver.common.by import By

    path = tmp_path / "diff.html"
    path.write_text(diff_to_html(make_diff()), encoding="utf-8")
    browser.get(path.as_uri())
    assert browser.title.startswith("Plan comparison")

    assert browser.find_element(By.ID, "similarity").text == "82.3%"
    counts = {k: browser.find_element(By.ID, f"count-{k}").text.split() for k in ("same", "moved")}
    assert counts == {"same": ["3", "same"], "moved": ["1", "moved"]}

    deleted = [d for d in browser.find_elements(By.CSS_SELECTOR, "del.del") if d.text == DELETED]
    assert deleted and deleted[0].is_displayed()
    assert "line-through" in deleted[0].value_of_css_property("text-decoration-line")
    inserted = browser.find_elements(By.XPATH, f"//ins[normalize-space()='{INSERTED}']")
    assert inserted and inserted[0].is_displayed()

    finding = browser.find_element(By.ID, "finding-1")
    assert finding.is_displayed() and "other_campaign" in finding.text
    assert "hưởng ứng phong trào xây dựng nông thôn mới" in finding.text
    finding.find_element(By.LINK_TEXT, "II.4").click()
    assert browser.current_url.endswith("#sec-b-II.4")
    assert browser.find_element(By.ID, "sec-b-II.4").is_displayed()

    shot = tmp_path / "diff.png"
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    keep = os.environ.get("PLANCORPUS_KEEP_SCREENSHOT")
    if keep:
        shutil.copy(shot, keep)


def test_jupyter_shows_plans_diffs_and_corpora_without_scripts():
    import plancorpus
    from conftest import SAMPLES

    plan = plancorpus.parse(SAMPLES / "kh_sgddt_doimoi_2024.txt")
    shown = plan._repr_html_()
    assert shown is not None and "<script" not in shown
    assert "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng" in shown and "MỤC ĐÍCH, YÊU CẦU" in shown
    diff = plancorpus.compare(plan, plan)
    page = diff._repr_html_()
    assert page is not None and "<script" not in page and "100.0%" in page
    corpus = plancorpus.load([SAMPLES], engine="inline")
    assert "3 files: 3 plans" in corpus._repr_html_()
