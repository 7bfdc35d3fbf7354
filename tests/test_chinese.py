"""analysis.chinese: the rules of Chinese text, defined once."""
import random
import re
import subprocess
import sys

import cn2an

from analysis.chinese import Line, chinese_number, chinese_numeral, split_lines, standard_numeral, to_number


def cn2an_reads(s):
    try:
        return int(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def test_standard_numerals_are_read_as_cn2an_reads_them():
    # read without cn2an (its import is a seventh of a second of every run)
    for n in range(1, 10_000):
        written = cn2an.an2cn(str(n))
        for numeral in {written, written.replace("二千", "两千").replace("二百", "两百")}:
            assert standard_numeral(numeral) == n, numeral
    # any other form is left to cn2an; whatever is read here, cn2an reads alike
    rng = random.Random(3)
    strings = ["".join(rng.choice("零〇一二两三四五六七八九十百千") for _ in range(rng.randint(1, 6)))
               for _ in range(30_000)]
    read = [(s, standard_numeral(s)) for s in strings]
    assert all(value == cn2an_reads(s) for s, value in read if value is not None)
    assert [standard_numeral(s) for s in ("一百五", "三五", "二〇三五", "十零二", "千", "零", "")] == [None] * 7
    assert [to_number(s) for s in ("一百五", "二〇三五", "两千零三")] == [150.0, 2035.0, 2003.0]
    assert chinese_number("一百零五") == 105 and chinese_number("十十") is None


def test_numerals_written_digit_by_digit_are_read_as_cn2an_reads_them():
    import itertools

    for size in (2, 3, 4):
        for chars in itertools.islice(itertools.product("〇零一二三四五六七八九两", repeat=size), 0, None, 7):
            numeral = "".join(chars)
            assert to_number(numeral) == float(cn2an.cn2an(numeral, "smart")), numeral


def test_a_scale_word_alone_is_refused_as_cn2an_refuses_it():
    import pytest

    for word in ("百", "千", "万", "亿", "万亿"):
        with pytest.raises(ValueError):
            cn2an.cn2an(word, "smart")
        with pytest.raises(ValueError):
            to_number(word)


def test_reading_headings_numbered_below_a_hundred_does_not_import_cn2an():
    code = ("import sys; from analysis.chinese import chinese_number; "
            "assert [chinese_number(s) for s in ('三', '十二', '四十七')] == [3, 12, 47]; "
            "print('cn2an' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_whole_numbers_are_written_as_cn2an_writes_them():
    for n in range(1000):
        assert chinese_numeral(n) == cn2an.an2cn(str(n)), n


def test_offsets_of_finds_what_a_character_class_finds():
    import re

    from analysis.chinese import CLAUSE_END, SENTENCE_BREAKS, offsets_of

    rng = random.Random(7)
    alphabet = "抓项目，。；：\n！？!?,;:（）()“”a 1\U00020000"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        for chars in (CLAUSE_END, SENTENCE_BREAKS, "\n"):
            pattern = re.compile("[" + re.escape(chars) + "]")
            assert offsets_of(text, chars) == [m.start() for m in pattern.finditer(text)]
            assert offsets_of(text, chars, after=True) == [m.end() for m in pattern.finditer(text)]


def test_split_lines_gives_every_line_with_its_offsets_whatever_the_line_ends():
    """The fast path (no carriage return) and the pattern give the same lines; \r\n is one end."""
    def by_pattern(text):
        out, pos = [], 0
        for m in re.finditer(r"\r\n|\r|\n", text):
            out.append(Line(pos, m.start(), m.end(), text[pos:m.start()]))
            pos = m.end()
        return out + ([Line(pos, len(text), len(text), text[pos:])] if pos < len(text) else [])

    rng = random.Random(7)
    texts = ["", "\n", "甲", "甲\n", "甲\r\n乙", "\n\n甲\n\n"]
    texts += ["".join(rng.choice("甲乙 \n\r") for _ in range(rng.randint(0, 15))) for _ in range(3000)]
    for text in texts:
        lines = split_lines(text)
        assert lines == by_pattern(text), repr(text)
        assert "".join(text[ln.start:ln.stop] for ln in lines) == text  # the lines tile the text


def test_a_five_year_plan_is_found_by_its_name_or_its_ordinal_and_fifteen_is_not_always_one():
    """十五 names the tenth plan only as a plan is named (“十五”计划, 十五期间); 十五年, 十五届, 十五大
    and 十五、 are fifteen years, a session, a congress and an outline's item.  第十五个五年规划 is the
    fifteenth plan (2026-2030), not the tenth."""
    from analysis.chinese import ANY_PLAN, plan_years

    text = ("制定“十五”计划，十五期间；再奋斗十五年；第十五届中央委员会；十五大以来；十五、坚定不移；"
            "第十五个五年规划；第一个五年计划；第六个五年计划；十四五规划；十五五时期")
    found = [(m.group(0), plan_years(m)) for m in ANY_PLAN.finditer(text)]
    assert found == [("十五", (2001, 2005)), ("十五", (2001, 2005)), ("第十五个五年规划", (2026, 2030)),
                     ("第一个五年计划", (1953, 1957)), ("第六个五年计划", (1981, 1985)), ("十四五", (2021, 2025)),
                     ("十五五", (2026, 2030))]
