"""Bad and unusual input: either the right tables or one clear error, never a crash deep inside."""

import pytest

import analysis as an

FULL_WIDTH = "第一篇：讲话\n同志们：\n今年完成投资１２．５亿元，增长８％，居全省第３位！\n"


def test_full_width_digits_and_punctuation():
    comp = an.read_compilation(text=FULL_WIDTH)
    n = an.numeric_targets(comp.speeches)
    assert n[["surface", "value", "unit"]].values.tolist() == [
        ["１２．５亿元", 12.5, "亿元"], ["８％", 8.0, "%"], ["第３位", 3.0, "位"]]


def test_unmatched_quotation_mark():
    text = "第一篇：讲话\n同志们：\n我们要抓好“一把手工程，推进项目建设。“项目带动”战略要落实。\n"
    sp = an.read_compilation(text=text).speeches
    tokens = an.tokenize(sp)
    found = an.slogans(sp, tokens, reference=an.load_reference())
    q = found[(found["kind"] == "quoted") & found["in_quotes"]]
    assert q["formula"].tolist() == ["项目带动"]  # the unclosed quote is not taken as a formula
    assert (tokens["end"] <= len(sp.loc[0, "text"])).all()


def test_heading_with_no_body_is_kept_and_reported():
    text = "第一篇：有正文的讲话\n同志们：\n正文。\n第二篇：只有标题的讲话\n"
    with pytest.warns(an.CorpusWarning, match="heading but no body"):
        sp = an.read_compilation(text=text).speeches
    assert sp["text"].tolist() == ["正文。", ""]
    assert sp["n_chars"].tolist() == [3, 0]


def test_speech_with_no_headings(fixtures):
    sp = an.load_speeches(fixtures / "no_headings_body.txt")
    assert len(sp) == 1 and sp.loc[0, "text"].startswith("招商引资工作要常抓不懈")


@pytest.mark.slow
def test_fifty_megabyte_file(tmp_path):
    from analysis import config
    seed = config.SEED_CORPUS.read_bytes()
    big = tmp_path / "big.txt"
    body = seed.split(b"\n", 3)[3]  # the speeches, without the site header
    with open(big, "wb") as f:
        f.write(seed)
        while f.tell() < 50 * 1024 * 1024:
            f.write(body)
    with pytest.warns(an.CorpusWarning, match="says it holds 5 speeches"):  # the title's claim, now false
        comp = an.read_compilation(big)
    assert big.stat().st_size >= 50 * 1024 * 1024
    assert len(comp.speeches) > 5 * 800
    spans = comp.spans
    assert int((spans["end"] - spans["start"]).sum()) == len(comp.source)


def test_folder_with_an_unreadable_file(tmp_path, fixtures):
    import os
    (tmp_path / "good.txt").write_bytes((fixtures / "single_speech.txt").read_bytes())
    locked = tmp_path / "locked.txt"
    locked.write_bytes((fixtures / "single_speech.txt").read_bytes())
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    os.chmod(locked, 0)
    try:
        readable = os.access(locked, os.R_OK)  # root reads anything: then only the binary file fails
        with pytest.warns(an.CorpusWarning):
            comp = an.read_corpus(tmp_path)
    finally:
        os.chmod(locked, 0o644)
    bad = set(comp.errors["file"])
    assert "binary.txt" in bad and ("locked.txt" in bad) == (not readable)
    assert "good.txt" in set(comp.speeches["file"])
    assert all("\n" not in e for e in comp.errors["error"])
