"""Text input: encodings, BOMs, NFC, tone placement, CRLF, converter markup, legacy 8-bit."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import plancorpus
from conftest import SAMPLES
from plancorpus.read.decode import decode_bytes
from plancorpus.text.vietnamese import compare_key, fold_tone_placement, is_syllable

SAMPLE = SAMPLES / "kh_ubnd_xa_vanhoa_2023.txt"


def fields(plan: plancorpus.Plan) -> tuple[object, ...]:
    return (
        plan.status,
        plan.issuer.value if plan.issuer else None,
        plan.date.value if plan.date else None,
        plan.title.value if plan.title else None,
        plan.outline(),
        [(s.title, s.name) for s in plan.signers],
        [r.raw for r in plan.recipients],
    )


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 writes tones as combining marks after precomposed vowels (ư, â, ơ…)."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258"],
)
def test_encodings_give_the_same_plan(tmp_path: Path, encoding: str):
    text = SAMPLE.read_text(encoding="utf-8")
    data = cp1258_bytes(text) if encoding == "cp1258" else text.encode(encoding)
    path = tmp_path / f"plan.{encoding}.txt"
    path.write_bytes(data)
    plan = plancorpus.parse(path)
    assert fields(plan) == fields(plancorpus.parse(SAMPLE))
    assert plan.input.encoding is not None


def test_cp1258_is_detected_not_guessed_as_latin1():
    text = SAMPLE.read_text(encoding="utf-8")
    decoded = decode_bytes(cp1258_bytes(text))
    assert decoded.encoding == "cp1258"
    assert "Ủy ban nhân dân xã xây dựng Kế hoạch" in unicodedata.normalize("NFC", decoded.text)


def test_crlf_and_nfd_give_the_same_plan():
    text = SAMPLE.read_text(encoding="utf-8")
    variant = unicodedata.normalize("NFD", text).replace("\n", "\r\n")
    plan = plancorpus.parse_text(variant)
    assert fields(plan) == fields(plancorpus.parse(SAMPLE))
    assert "\r" not in plan.text
    assert unicodedata.is_normalized("NFC", plan.text)
    # spans still point back into the NFD, CRLF input
    sig = plan.signers[0]
    start, end = plan.source_span(sig.span)
    assert unicodedata.normalize("NFC", variant[start:end]).replace("\r\n", "\n") == plan.snippet(
        sig.span
    )


def test_tone_placement_compares_equal():
    assert compare_key("hoà") == compare_key("hòa")
    assert compare_key("Thuỷ lợi") == compare_key("THỦY LỢI")
    assert compare_key("Ủy ban") == compare_key("Uỷ ban")
    assert fold_tone_placement("hòa bình") == "hoà bình"
    assert fold_tone_placement("hoàn thành") == "hoàn thành"  # closed syllable: unchanged
    assert compare_key("quý") == "quý"


def test_tone_placement_does_not_change_the_text():
    text = SAMPLE.read_text(encoding="utf-8").replace("Tân Hòa", "Tân Hoà")
    plan = plancorpus.parse_text(text)
    assert "Tân Hoà" in plan.text  # what the document says is kept
    assert plan.place.value == "Tân Hoà"
    assert compare_key(plan.place.value) == compare_key(plan.issuer.value.split("xã ")[1])


def test_markdown_emphasis_from_converters():
    text = SAMPLE.read_text(encoding="utf-8")
    marked = (
        text.replace("KẾ HOẠCH", "**KẾ HOẠCH**")
        .replace("I. MỤC ĐÍCH, YÊU CẦU", "**I. MỤC ĐÍCH, YÊU CẦU**")
        .replace("Nguyễn Văn Hòa", "*Nguyễn Văn Hòa*")
    )
    plan = plancorpus.parse_text(marked)
    assert plan.has_warning("markup_removed")
    assert fields(plan) == fields(plancorpus.parse(SAMPLE))


def test_syllables():
    for word in ["người", "khuyết", "nghiêng", "Ban", "quốc", "giữ", "THƯỞNG", "oai"]:
        assert is_syllable(word), word
    for word in ["Nh©n", "NHAÂN", "UÛY", "ñy", "hòaa", "xyz"]:
        assert not is_syllable(word), word


# TCVN3 (ABC) bytes for "Kế hoạch phát động phong trào thi đua …", written here by hand from
# the TCVN 5712:1993 table: ế=0xD5, ạ=0xB9, á=0xB8, đ=0xAE, ộ=0xE9, à=0xB5, ầ=0xC7.
TCVN3 = (
    b"K\xd5 ho\xb9ch ph\xb8t \xae\xe9ng phong tr\xb5o thi \xaeua n\xb5y \xae\xb8p \xf8ng "
    b"y\xaau c\xc7u c\xf1a c\xb8c c\xe9ng \xae\xe5ng. "
) * 6
# VNI bytes for the same kind of text: "Keá hoaïch phaùt ñoäng phong traøo thi ñua".
VNI = b"Ke\xe1 hoa\xefch pha\xf9t \xf1o\xe4ng phong tra\xf8o thi \xf1ua. " * 8


@pytest.mark.parametrize(
    ("data", "encoding"), [(TCVN3, "tcvn3"), (VNI, "vni")], ids=["tcvn3", "vni"]
)
def test_legacy_8bit_text_is_converted(tmp_path: Path, data: bytes, encoding: str):
    assert decode_bytes(data).suspect_legacy
    path = tmp_path / "legacy.txt"
    path.write_bytes(b"KE HOACH\n" + data)
    plan = plancorpus.parse(path)
    assert plan.input.legacy_encoding == encoding
    assert plan.has_warning("legacy_encoding_converted")
    assert "Kế hoạch phát động phong trào thi đua" in plan.text
    if encoding == "tcvn3":
        assert "yêu cầu của các cộng đồng" in plan.text


def test_unicode_text_is_not_flagged_as_legacy():
    assert not decode_bytes(SAMPLE.read_bytes()).suspect_legacy


def test_stray_legacy_word_in_a_unicode_line():
    from plancorpus.read.legacy import repair

    text = "Kế hoạch của ñy ban nhân dân thành phố\nB¸o c¸o t×nh h×nh thùc hiÖn kÕ ho¹ch n¨m"
    fixed, counts = repair(text)
    assert fixed.split("\n") == [
        "Kế hoạch của ủy ban nhân dân thành phố",
        "Báo cáo tình hình thực hiện kế hoạch năm",
    ]
    assert counts == {"tcvn3": 1}  # one line converted whole; the stray word on its own
    # a Unicode document is left alone: no legacy majority, nothing to mop up
    assert repair("Kế hoạch của Señor Pablo")[0] == "Kế hoạch của Señor Pablo"
