"""Glossary: the file format, the prompts built from it, and pinyin post-correction of transcripts."""

from __future__ import annotations

import pytest

pytest.importorskip("pypinyin")

from minutes_ai.audio import glossary as g  # noqa: E402
from minutes_ai.errors import InputError, MinutesError  # noqa: E402

TERMS = ["研发部", "冯立军", "陆晓东", "程一帆", "李娜", "王磊", "积分商城", "接口联调", "CRM系统"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # near-homophones of glossary terms are corrected
        ("由研发布负责接口联调", "由研发部负责接口联调"),
        ("研发布的版本下周上线", "研发部的版本下周上线"),
        ("请冯丽君跟进", "请冯立军跟进"),  # 丽/立 and 君/军 read the same
        ("路小东负责海报", "陆晓东负责海报"),
        ("陈一凡确认清单", "程一帆确认清单"),  # chen/cheng: one near reading allowed
        ("李那负责测试", "李娜负责测试"),
        ("王蕾说可以", "王磊说可以"),
        ("研发布和冯丽君", "研发部和冯立军"),  # several in one line
        ("接口连调有问题", "接口联调有问题"),
        ("路晓冬和陈一番", "陆晓东和程一帆"),  # 晓 and 一 anchor them
        # left alone
        ("研发部负责接口联调", "研发部负责接口联调"),  # already right
        ("研发布置了任务", "研发布置了任务"),  # 布置 is a word: the window would cut it
        ("然后李那个测试用例", "然后李那个测试用例"),  # 那个 is a word
        ("研究发布了新版本", "研究发布了新版本"),  # no homophone stretch
        ("网络不好", "网络不好"),  # wang luo ≠ wang lei
        ("张三和李四开会", "张三和李四开会"),  # nothing like a term
        ("积分商场一期上线", "积分商场一期上线"),  # chang/cheng is not a merger we allow
        ("里那个", "里那个"),  # no identical character with 李娜
        ("CRM系通", "CRM系通"),  # terms with Latin letters are not corrected
        ("", ""),
    ],
)
def test_homophone_correction(text, expected):
    assert g.correct_homophones(text, TERMS) == expected


def test_corrections_are_recorded_with_offsets():
    corrector = g.HomophoneCorrector(["研发部", "王磊"])
    assert corrector("请研发布和王蕾确认", offset=100) == "请研发部和王磊确认"
    assert corrector.corrections == [
        g.Correction(start=101, end=104, found="研发布", term="研发部"),
        g.Correction(start=105, end=107, found="王蕾", term="王磊"),
    ]


def test_correction_keeps_length_for_same_length_terms():
    text = "研发布和冯丽君今天对齐"
    assert len(g.correct_homophones(text, TERMS)) == len(text)


def test_custom_word_check():
    """The edge check can use any dictionary; with none, 研发布置 would be 'corrected'."""
    assert g.correct_homophones("研发布置", ["研发部"], is_word=lambda w: False) == "研发部置"


# ------------------------------------------------------------------------------------ the file


@pytest.mark.parametrize(
    "content, terms",
    [
        ("研发部\n冯立军\n", ["研发部", "冯立军"]),
        ("\ufeff研发部\r\n\r\n王磊\r\n", ["研发部", "王磊"]),  # BOM, CRLF, blank lines
        ("# 部门\n研发部\n研发部\n", ["研发部"]),  # comment, duplicate
        ("研发部\tR&D department\n积分商城 # 产品名\n", ["研发部", "积分商城"]),  # notes
        ("  Project X  \nCRM系统\n", ["Project X", "CRM系统"]),  # spaces inside a term kept
        ("", []),
    ],
)
def test_parse_glossary(content, terms):
    assert g.parse_glossary(content) == terms


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_load_glossary_encodings(tmp_path, encoding):
    path = tmp_path / "术语表.txt"
    path.write_bytes("研发部\n冯立军\n".encode(encoding))
    assert g.load_glossary(path) == ["研发部", "冯立军"]


def test_load_glossary_errors(tmp_path):
    with pytest.raises(InputError, match="glossary file not found"):
        g.load_glossary(tmp_path / "missing.txt")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\xff\xfe\x00")
    with pytest.raises(MinutesError, match="not text"):
        g.load_glossary(binary)


# ------------------------------------------------------------------------------------ prompts


@pytest.mark.parametrize(
    "terms, kwargs, expected",
    [
        (["研发部", "王磊"], {}, "研发部 王磊"),
        (["研发部", " 研发部 ", "", "王磊"], {}, "研发部 王磊"),
        ([], {}, None),
        (["研发部"], {"extra": ["产品部", "研发部"]}, "研发部 产品部"),
        (["一二三四五", "六七八", "九十"], {"max_chars": 8}, "一二三四五 九十"),  # whole terms; a later short one fits
    ],
)
def test_build_hotwords(terms, kwargs, expected):
    assert g.build_hotwords(terms, **kwargs) == expected


@pytest.mark.parametrize(
    "terms, kwargs, expected",
    [
        (["研发部", "王磊"], {}, "会议中提到了研发部、王磊等。"),
        ([], {}, None),
        (["一二三四五", "六七八"], {"max_chars": 6}, "会议中提到了一二三四五等。"),
    ],
)
def test_build_initial_prompt(terms, kwargs, expected):
    assert g.build_initial_prompt(terms, **kwargs) == expected


def test_default_terms_are_departments_and_roles():
    terms = g.default_terms()
    assert "研发部" in terms and "负责人" in terms and "截止时间" in terms
    assert not any(t.startswith("下周") for t in terms)  # time words of the lexicon are not terms
    hotwords = g.build_hotwords(["积分商城"], extra=terms)
    assert hotwords.startswith("积分商城 研发部") and len(hotwords) <= g.HOTWORDS_MAX_CHARS
