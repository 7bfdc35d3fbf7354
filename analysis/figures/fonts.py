"""Finding a font that draws Chinese, for matplotlib and wordcloud alike.

Order of search:

1. an explicit setting: the ``font_path`` argument, else ``$ANALYSIS_CJK_FONT``;
2. a CJK font installed on the machine (Noto Sans CJK SC, Source Han Sans SC,
   WenQuanYi, ... as matplotlib's font manager lists them) that covers Chinese;
3. the font the project's own set-up installs: Noto Sans CJK SC (SIL Open Font
   License), taken from the PyPI package ``noto-cjk-sans-otc`` (a dependency in
   ``pyproject.toml``) and extracted once from its collection into ``.cache/fonts``.

Nothing is downloaded at run time.  If no font is found, :class:`FontNotFoundError`
says how to install one.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .. import config
from ..errors import FontNotFoundError

PREFERRED_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Serif CJK SC", "Source Han Serif SC",
    "AR PL UMing CN", "Droid Sans Fallback",
)
_PROBE = "中国经济招商引资项目推进会讲话"

INSTALL_HINT = (
    "no font that can draw Chinese was found. Run `make setup` (it installs the project's "
    "dependencies, which carry Noto Sans CJK SC), or install one yourself: "
    "`pip install noto-cjk-sans-otc`, `apt-get install fonts-noto-cjk`, or "
    "`conda install -c conda-forge font-ttf-noto-cjk`; or point $ANALYSIS_CJK_FONT at a .otf/.ttf file"
)


def covers(font_path: str | os.PathLike, text: str) -> set[str]:
    """The characters of ``text`` that the font at ``font_path`` has no glyph for."""
    cmap = _cmap(str(font_path))
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in cmap}


@lru_cache(maxsize=16)
def _cmap(font_path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(font_path, lazy=True, fontNumber=0) as font:
        return frozenset(font.getBestCmap() or {})


def _packaged_font() -> Path | None:
    """Extract Noto Sans CJK SC from the ``noto-cjk-sans-otc`` collection (once)."""
    try:
        import noto_cjk_sans_otc
    except ImportError:
        return None
    collection = Path(noto_cjk_sans_otc.__file__).with_name("NotoSansCJK-Regular.ttc")
    if not collection.exists():
        return None
    target = config.CACHE_DIR / "fonts" / "NotoSansCJKsc-Regular.otf"
    if target.exists() and target.stat().st_mtime >= collection.stat().st_mtime:
        return target
    from fontTools.ttLib import TTCollection

    target.parent.mkdir(parents=True, exist_ok=True)
    fonts = TTCollection(str(collection), lazy=True).fonts
    face = next(f for f in fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    face.save(str(tmp))
    tmp.replace(target)  # atomic, so two processes never see half a font
    return target


def _installed_font() -> Path | None:
    from matplotlib import font_manager

    by_name: dict[str, list[str]] = {}
    for entry in font_manager.fontManager.ttflist:
        by_name.setdefault(entry.name, []).append(entry.fname)
    for family in PREFERRED_FAMILIES:
        for fname in sorted(by_name.get(family, [])):
            if fname.lower().endswith((".ttf", ".otf")) and not covers(fname, _PROBE):
                return Path(fname)
    return None


@lru_cache(maxsize=4)
def find_cjk_font(font_path: str | None = None) -> Path:
    """Path of a font file that draws Chinese (see the module doc for the order).

    >>> import analysis as an
    >>> an.find_cjk_font().suffix in ('.otf', '.ttf', '.ttc')
    True
    """
    explicit = font_path or os.environ.get("ANALYSIS_CJK_FONT")
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise FontNotFoundError(f"{path}: the font set by ANALYSIS_CJK_FONT or font_path does not exist")
        missing = covers(path, _PROBE)
        if missing:
            raise FontNotFoundError(f"{path}: this font has no glyphs for Chinese ({''.join(sorted(missing))})")
        return path
    found = _installed_font() or _packaged_font()
    if found is None:
        raise FontNotFoundError(INSTALL_HINT)
    return found


@lru_cache(maxsize=4)
def _registered_name(path: str) -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def cjk_rc(font_path: str | None = None) -> dict:
    """rcParams that make the CJK font the default family (for ``matplotlib.rc_context``)."""
    name = _registered_name(str(find_cjk_font(font_path)))
    # the family by name, not "sans-serif": text resolves its family when it is drawn, and a
    # figure shown in a notebook is drawn after the plot's rc_context has ended.
    # The CJK font's hyphen-minus is fine; U+2212 may be absent from it.
    return {"font.family": [name, "DejaVu Sans"], "font.sans-serif": [name, "DejaVu Sans"],
            "axes.unicode_minus": False}


def use_cjk_font(font_path: str | None = None) -> Path:
    """Make the CJK font matplotlib's default family globally, for a user's own plots.  Returns its path.

    The package's own plots do not need this: they scope the font with ``rc_context``.

    >>> import analysis as an
    >>> import matplotlib
    >>> with matplotlib.rc_context():
    ...     _ = an.use_cjk_font()
    ...     family = matplotlib.rcParams['font.family'][0]
    >>> 'CJK' in family
    True
    """
    import matplotlib

    matplotlib.rcParams.update(cjk_rc(font_path))
    return find_cjk_font(font_path)
