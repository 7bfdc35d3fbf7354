"""The year (and date) of every document the corpus dates, and where each came from.

Sources, first found wins (the ``date_source`` column says which):

=================  ==========================================================
``metadata``       a ``year`` or ``date`` column of a table corpus or of a
                   ``metadata.csv`` beside the files (:mod:`.catalogue`)
``file name``      a year or full date in the file's name (``1954_…``,
                   ``…_2024.txt``, ``2024-03-05.txt``, ``一九五四年…``; a
                   table's ``file`` column counts as a file name)
``title block``    the date line or subtitle under the title
                   (``——2024年3月5日在…``, ``（2022年10月16日）``)
``title``          a year written in the title (``2024年政府工作报告``), or
                   the party congress it names as its occasion
                   (``在中国共产党第九次全国代表大会上的报告``, ``（九大）``: 1969)
``published``      an archive's date of publication (a ``pubdate``,
                   ``发布时间`` … column, :data:`.catalogue.PUBLISHED`): last,
                   since an archive may post old documents on one day
=================  ==========================================================

A document none of these dates keeps an empty ``year``: nothing is guessed from
the years its text mentions (a report cites past years and future targets alike;
``dating_evidence`` lists them for a reader to weigh).  Years are read in ASCII,
full-width (``１９８４``), spaced (``1 9 9 7``) and Chinese (``一九八四``) digits.
"""
from __future__ import annotations

import re

import pandas as pd

from ..chinese import CN_YEAR, DATE_IN_NAME, YEAR_IN_NAME, congress_year, year_digits
from .catalogue import PUBLISHED, is_named
from .metadata import parse_date

#: Years outside this range are not years of a document (a number in a file name).
YEARS = range(1800, 2101)
_TITLE_YEAR = re.compile(rf"({YEAR_IN_NAME.pattern}|{CN_YEAR})\s*年")
_CN_YEAR_IN_NAME = re.compile(rf"({CN_YEAR})\s*年")  # 一九五四年政府工作报告.txt: an archive's own name
DATE_SOURCES = ("metadata", "file name", "title block", "title", "published")


def _year(value) -> int | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    m = YEAR_IN_NAME.search(str(value)) or _CN_YEAR_IN_NAME.search(str(value))  # 2024, 二〇二四年
    year = year_digits(m.group(1)) if m else None
    return year if year in YEARS else None


#: An archive's time as a number of seconds (or milliseconds) since 1970 is read in China Standard Time.
CHINA_STANDARD_TIME = pd.Timedelta(hours=8)
_EPOCH = re.compile(r"\s*(\d{10}|\d{13})(?:\.\d+)?\s*")
#: An ISO time with its zone (2024-03-04T22:00:00Z, …+08:00), as APIs give it.
_ZONED = re.compile(r"\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})\s*")


def _iso(value) -> str | None:
    """A metadata date as ISO ``YYYY-MM-DD`` (2024-03-05, 2024/3/5, 2024年3月5日, 20240305, a
    timestamp, seconds or milliseconds since 1970 as APIs give them), else None.

    >>> _iso("2024/3/5 10:00"), _iso("20240305"), _iso(1709596800), _iso("1709596800000"), _iso(2024)
    ('2024-03-05', '2024-03-05', '2024-03-05', '2024-03-05', None)
    >>> _iso("2024-03-04T22:00:00Z"), _iso("一九五四年九月二十三日")
    ('2024-03-05', '1954-09-23')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    epoch = _EPOCH.fullmatch(str(value)) if not isinstance(value, bool) else None
    if epoch:
        seconds = float(value) / (1000 if len(epoch.group(1)) == 13 else 1)
        return (pd.Timestamp(seconds, unit="s") + CHINA_STANDARD_TIME).strftime("%Y-%m-%d")
    if _ZONED.fullmatch(str(value)):  # 2024-03-04T22:00:00Z is the 5th in Beijing, as an epoch would be
        return (pd.Timestamp(str(value)).tz_convert(None) + CHINA_STANDARD_TIME).strftime("%Y-%m-%d")
    m = re.search(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", str(value)) \
        or re.match(r"\s*((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)", str(value))
    if not m:
        return parse_date(str(value))[0]  # 二〇二四年三月五日, as older archives write it
    y, mo, d = (int(g) for g in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def from_file_name(name: str | None) -> tuple[int | None, str | None]:
    """The year and ISO date a file name gives (the suffix and a table row's ``:N`` left out).

    >>> from_file_name("1954_政府工作报告.txt"), from_file_name("report_2024-03-05.docx")
    ((1954, None), (2024, '2024-03-05'))
    >>> from_file_name("reports.jsonl:12"), from_file_name("第3篇.txt"), from_file_name("一九五四年政府工作报告.txt")
    ((None, None), (None, None), (1954, None))
    """
    if not isinstance(name, str) or not name:
        return None, None
    stem = re.sub(r"(\.[A-Za-z0-9]{1,5})?(:\d+)?$", "", name)
    if ":" in name and re.search(r"\.(jsonl|ndjson|json|csv|tsv|parquet|xlsx):\d+$", name):
        return None, None  # a row of a table: the table's name says nothing of the row
    m = DATE_IN_NAME.search(stem)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31 and y in YEARS:
            return y, f"{y:04d}-{mo:02d}-{d:02d}"
    year = _year(stem)
    m = _CN_YEAR_IN_NAME.search(stem) if year is None else None
    return (year_digits(m.group(1)) if m and year_digits(m.group(1)) in YEARS else year), None


def _from_title(title) -> int | None:
    if not isinstance(title, str):
        return None
    m = _TITLE_YEAR.search(title)
    if not m:
        return congress_year(title)
    year = year_digits(m.group(1))
    return year if year in YEARS else None


def _dated(row: dict) -> tuple[int | None, str | None, str | None]:
    """(year, date, source) of one document row."""
    meta_date = _iso(row.get("date")) if row.get("date_source") == "metadata" else None
    meta_year = _year(row.get("year")) if row.get("date_source") == "metadata" else None
    if meta_year or meta_date:
        return meta_year or int(meta_date[:4]), meta_date, "metadata"
    for name in (row.get("file"), row.get("meta_file")):
        year, date = from_file_name(name)
        if year:
            return year, date, "file name"
    date = row.get("date")
    if isinstance(date, str) and date[:4].isdigit() and int(date[:4]) in YEARS:
        return int(date[:4]), date, "title block"
    for title in (row.get("title"), row.get("title_in_text")):
        year = _from_title(title)
        if year:
            return year, None, "title"
    return _published(row)


def _published(row: dict) -> tuple[int | None, str | None, str | None]:
    """The date of a column of :data:`.catalogue.PUBLISHED`, if the row has one."""
    for key, value in row.items():
        if is_named(key, PUBLISHED):
            date, year = _iso(value), _year(value)
            if year or date:
                return (int(date[:4]) if date else year), date, "published"
    return None, None, None


def date_documents(speeches: pd.DataFrame) -> pd.DataFrame:
    """``speeches`` with ``year`` (nullable integer), ``date`` (ISO, where known) and
    ``date_source`` set for every document the corpus dates (see the module doc).

    >>> import pandas as pd
    >>> sp = pd.DataFrame({"file": ["1954_政府工作报告.txt", "b.txt"], "title": [None, "2024年政府工作报告"],
    ...                    "date": [None, None]})
    >>> date_documents(sp)[["year", "date_source"]].values.tolist()
    [[1954, 'file name'], [2024, 'title']]
    """
    out = speeches.copy()
    if "date_source" not in out.columns:
        out["date_source"] = None
    dated = [_dated(r) for r in out.to_dict("records")]
    out["year"] = pd.array([d[0] for d in dated], dtype="Int64")
    out["date"] = [d[1] if d[1] is not None else (r if isinstance(r, str) else None)
                   for d, r in zip(dated, out["date"])]
    out["date_source"] = [d[2] for d in dated]
    return out


def conflicting_dates(dated: pd.DataFrame) -> list[str]:
    """The documents (of :func:`date_documents`) whose metadata or file name gives one year and
    whose title block writes a date of another (``date_text``): ``year`` is the first source's, as
    the module doc says, and a reader should look (a wrong folder, or a year's summary given early
    the next)."""
    if "date_text" not in dated.columns:
        return []
    out = []
    files = dated["file"] if "file" in dated.columns else [None] * len(dated)
    for speech, file, written, year, source in zip(dated["speech"], files, dated["date_text"], dated["year"],
                                                   dated["date_source"]):
        in_text = (_from_title(written) or _year(written)) if isinstance(written, str) else None
        if source in ("metadata", "file name") and in_text and year is not pd.NA and in_text != year:
            out.append(f"{file if isinstance(file, str) and file else f'speech {speech}'}: {source} {year}, "
                       f"title block {written}")
    return out
