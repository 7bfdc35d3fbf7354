"""analysis.segmentation.jieba_files: what a run needs of jieba, read without importing it, is jieba's own."""
import subprocess
import sys

import jieba
import jieba.finalseg
import jieba.posseg

from analysis.segmentation import jieba_files


def test_version_folder_and_patterns_are_jiebas():
    assert jieba_files.jieba_version() == jieba.__version__
    assert jieba_files.jieba_folder() == __import__("pathlib").Path(jieba.__file__).parent
    assert jieba.DEFAULT_DICT_NAME == jieba_files.DEFAULT_DICT_NAME
    assert jieba_files.RE_HAN_DEFAULT.pattern == jieba.re_han_default.pattern
    assert jieba_files.RE_HAN_DEFAULT.flags == jieba.re_han_default.flags
    assert jieba_files.FINALSEG_RE_HAN.pattern == jieba.finalseg.re_han.pattern
    assert jieba_files.FINALSEG_RE_SKIP.pattern == jieba.finalseg.re_skip.pattern
    assert jieba.finalseg.MIN_FLOAT == jieba_files.MIN_FLOAT
    assert jieba.finalseg.PrevStatus == jieba_files.PREV_STATUS


def test_model_tables_are_jiebas():
    assert jieba_files.model_table("finalseg", "prob_emit") == jieba.finalseg.emit_P
    assert jieba_files.model_table("finalseg", "prob_trans") == jieba.finalseg.trans_P
    assert jieba_files.model_table("finalseg", "prob_start") == jieba.finalseg.start_P
    assert jieba_files.model_table("posseg", "char_state_tab") == jieba.posseg.char_state_tab_P
    assert jieba_files.model_table("posseg", "prob_emit") == jieba.posseg.emit_P


def test_a_warm_segmenter_cuts_and_tags_without_importing_jieba():
    # importing jieba is a twelfth of a second of every run (pkg_resources)
    import analysis as an

    an.get_segmenter()  # the dictionaries built (and cached) here, if they were not
    code = ("import sys, analysis as an; seg = an.get_segmenter(); "
            "assert seg.lcut('招商引资抓项目，鑫犇淼嬲巭。', cache=False); seg.tags_of(['鑫犇淼嬲巭', '招商']); "
            "print(sorted(m for m in sys.modules if m == 'jieba' or m.startswith('jieba.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
