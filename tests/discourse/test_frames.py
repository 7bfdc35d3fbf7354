"""Parallel and correlative frames, found from one speech's text alone."""
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis as an
from analysis.discourse import frames
from analysis.discourse.frames import frame_rows


def slots(text):
    rows = frame_rows(1, text)
    out = {}
    for r in rows:
        out.setdefault(r["frame"], []).append(r["slot"])
    return out, rows


def test_clauses_of_one_sentence_share_a_frame_and_a_leading_filler_is_dropped():
    by_frame, rows = slots("要抓开工、抓进度、抓投产。")
    assert by_frame == {"抓□": ["开工", "进度", "投产"]}
    assert [r["formula"] for r in rows] == ["抓开工", "抓进度", "抓投产"]
    assert all("要" not in r["surface"] for r in rows)


def test_sibling_headings_share_a_frame():
    text = "一、要以平台促招商\n内容。\n二、以产业促招商\n内容。\n三、以服务促招商\n内容。\n"
    by_frame, rows = slots(text)
    assert by_frame["以□促招商"] == ["平台", "产业", "服务"]  # 要 only on the first: a filler
    assert by_frame["以□促□"] == ["平台／招商", "产业／招商", "服务／招商"]  # and the correlative frame
    for r in rows:
        assert text[r["start"]:r["end"]] == r["surface"]


def test_figures_dates_and_function_words_are_not_fillers():
    assert slots("增长11.5%、增长17.4%、增长9.1%。")[0] == {}
    assert slots("19号线、20号线、21号线。")[0] == {}
    assert slots("的了、的是、的也。")[0] == {}


def test_masked_members_make_no_frame():
    assert slots("抓XX、抓XX、抓XX。")[0] == {}


def test_frames_with_the_slot_first_and_new_correlatives():
    sp = an.read_compilation(text=("同志们：\n要增强机遇意识、创新意识和大局意识，但这种意识还不够。坚持稳中求进、快中求好，"
                                   "不能集中求解。签约项目多，落地项目少，说得多、做得少，还有多少。人人都是招商环境。")).speeches
    f = an.slogans(sp, kinds=("parallel",))
    by_frame = f.groupby("frame")["slot"].apply(list).to_dict()
    assert by_frame["□意识"] == ["机遇", "创新", "大局"]  # 这种意识 is no filler
    assert by_frame["□中求□"] == ["稳／进", "快／好"]
    assert by_frame["□多□少"] == ["签约项目／落地项目", "说得／做得"]
    assert by_frame["人人□"] == ["都是招商环境"]


def test_slot_of_a_new_frame_is_never_a_number():
    sp = an.read_compilation(text="同志们：\n去年增长5%多，今年3个少，20XX年多、30年少。").speeches
    f = an.slogans(sp, kinds=("parallel",))
    assert f[f["frame"] == "□多□少"].empty


def _parallel_reading_every_sentence(speech, text):
    """What frames._parallel gave before sentences were chosen at once: every sentence read."""
    from analysis.chinese import CLAUSE_RUN, SENTENCE_RUN

    rows = frames._parallel_headings(speech, text)
    seen = {r["start"] for r in rows}
    for sm in SENTENCE_RUN.finditer(text):
        clauses = [frames._without_filler(c.group(0), sm.start() + c.start()) for c in CLAUSE_RUN.finditer(sm.group(0))]
        if len(clauses) >= 2:
            rows += [r for r in frames._parallel_clauses(speech, clauses) if r["start"] not in seen]
    return rows


def test_the_sentences_read_for_parallel_clauses_are_all_that_hold_any(speeches, provincial):
    texts = speeches["text"].tolist() + provincial["text"].tolist()[:8]
    found = 0
    for k, text in enumerate(texts):
        ours = frames._parallel(k, text)
        assert ours == _parallel_reading_every_sentence(k, text)
        found += len(ours)
    assert found > 200


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="抓要就是A项目目，、。；\n：“”()一", max_size=60))
def test_parallel_clauses_of_arbitrary_text(text):
    assert frames._parallel(1, text) == _parallel_reading_every_sentence(1, text)


def test_frames_with_their_slot_first_are_found_where_finditer_finds_them(speeches, provincial):
    from analysis.discourse.lexicons import CORRELATIVE_FRAMES, SLOT_FIRST_ANCHORS

    texts = speeches["text"].tolist() + provincial["text"].tolist()[:10]
    texts += ["增强责任意识、大局意识和创新意识", "签约项目多，落地项目少", "说得多、做得少多，少", "稳中求进、进中求好", "意识意识中求中求"]
    found = 0
    for frame in SLOT_FIRST_ANCHORS:
        pattern = CORRELATIVE_FRAMES[frame]
        for text in texts:
            ours = [m.span() for m in frames.frame_matches(frame, pattern, text)]
            assert ours == [m.span() for m in pattern.finditer(text)], (frame, text[:30])
            found += len(ours)
    assert found > 50


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="多少中求意识强的、，项目说做人", max_size=40))
def test_slot_first_frames_on_arbitrary_text(text):
    from analysis.discourse.lexicons import CORRELATIVE_FRAMES, SLOT_FIRST_ANCHORS

    for frame in SLOT_FIRST_ANCHORS:
        pattern = CORRELATIVE_FRAMES[frame]
        assert [m.span() for m in frames.frame_matches(frame, pattern, text)] == [m.span() for m in pattern.finditer(text)]
