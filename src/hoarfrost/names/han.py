"""Names written in Han characters (Chinese, simplified or traditional) read in Latin letters.

A Chinese name reaches a sanctions list or a customer file in one of a few romanisations, and the
matcher compares tokens, so `readings` gives each plausible one as the tokens a clerk would type:

- Hanyu Pinyin (mainland China, most lists): "朱海仑" -> ("zhu", "hailun") and ("zhu", "hai", "lun").
- Wade-Giles without its marks (Taiwan passports, older Western usage): ("chu", "hai", "lun"); for personal
  names also Taiwan's other passport schemes, Tongyong Pinyin and Mandarin Phonetic Symbols II.
- Hong Kong government Cantonese spelling (HK and Macau identity cards): "林鄭月娥" -> ("lam", "cheng",
  "yuet", "ngor"), as in "LAM CHENG, Yuet-ngor".
- Customary spellings of common surnames that no scheme produces ("Lee" for 李 in Taiwan and Hong Kong,
  "Tan" for 陳 and "Lim" for 林 in Singapore and Malaysia), from a general surname table.
- Foreign names in Chinese transcription read back by the transcription conventions (斯 s, 尔 r, 德 d:
  "道格拉斯" -> "doglas"), a rough key for fuzzy comparison with the original spelling.
- Bounded second readings: other live readings of polyphonic characters (one character at a time),
  ü as "yu" and "v", and second Hong Kong spellings. At most MAX_READINGS in all, best first.

Libraries, and what each one does here:
- opencc folds traditional characters (and the Hong Kong and Taiwan variant forms) to simplified, so
  both forms of a name give the same readings (`fold_han`).
- pypinyin gives Mandarin syllables with its phrase dictionary for context, and every reading of a
  polyphonic character (heteronym=True); only readings that its phrase dictionary also uses are kept as
  alternatives (乐 le/yue, 柏 bai/bo), the others being mostly archaic (英 yang, 平 pian).
- ToJyutping gives Cantonese Jyutping, also phrase-aware. It reads simplified text too, but where one
  simplified character stands for two traditional ones it may take the wrong one (宁 寧/佇), so the
  folded text is put back into Hong Kong characters by OpenCC (s2hk) first.
- anyascii is the last resort for a character that pypinyin has no reading for.

Written here, and why:
- Pinyin -> Wade-Giles. pypinyin has a WADEGILES style, but in 0.55 it mis-converts (海 hai -> "hei",
  g -> "g" instead of "k"), so the standard initial/final rules are written out below (they agree with
  pypinyin's syllable table except its two errors, luan and tie). Tongyong and MPS II likewise: no
  library has them, and each is a short table of differences from Pinyin.
- Jyutping -> Hong Kong spelling. No library does it; the Hong Kong convention is not a published
  scheme, so the rules below follow the spellings in common use (z/c -> ch or ts, j -> y, oeng ->
  eung, eoi -> ui, yu -> u/yue ...), with a second spelling per syllable where usage is split.
- Reading back transcribed foreign names: a short table of the transcription conventions.
- Surname handling. pypinyin has no surname mode (mozillazg/python-pinyin#120 and #297), so the
  surname readings of polyphonic characters (单 Shan, 曾 Zeng, 解 Xie, 区 Ou ...), the compound
  surnames (欧阳, 司马, 诸葛 ...) and the customary spellings are tables here. The first character of
  a two-to-four-character name is taken as the family name; a four-character name without a compound
  surname whose first two characters are both common surnames is a Hong Kong double surname (林鄭).

Name structure: the family name is one token and the given name both joined ("hailun") and split
("hai", "lun"). A name with a middle dot (·) is a transcribed foreign name: each dot-separated part
is read joined ("弗拉基米尔·普京" -> ("fulajimier", "pujing")). Longer strings (places) cannot be cut
into words reliably, so they give one token per syllable and one token per written run.
Latin letters and digits mixed into the text are kept as tokens; other scripts are ignored.

Organisations. A legal form (有限公司 arrives as the Latin class token "llc"), a word naming a kind of
organisation at the end (银行, 集团, 研究所) or, beyond four characters, any organisation vocabulary
marks a name as an organisation's; it is then never read as a person's (and a person's name never gets
the translation reading: 王建设's 建设 is a given name, not "construction"). An organisation's run is
cut into the vocabulary words of org_words_zh and the stretches between them (the brand, the place),
each one word, and besides Pinyin, Wade-Giles and Cantonese it gets translation readings: the
vocabulary in English, the brand romanised, since lists mix the two ("GSK CNC EQUIPMENT", "HK
HENGBANGWEI ELECTRONICS"). Which English word (China or Sino), how the brand is spelled (Pinyin joined
or split, Cantonese for Hong Kong firms, read back as a transcribed foreign word with l or r: 贝斯特 Best,
阿尔科斯 Alcos or Arcos, or its Pinyin initials: 比亚迪 BYD) and where the brand ends (恒邦微电子:
Hengbang Microelectronics or Hengbangwei Electronics) all vary, so a few variants are given, bounded
(`_translations`). A foreign firm's name with dotted parts (X·Y公司) is an organisation's name too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from operator import attrgetter
from typing import Any

from anyascii import anyascii

from hoarfrost.names.org_words_zh import HEAD_WORDS, choices, segment, translate
from hoarfrost.names.orgtypes import is_legal_form
from hoarfrost.names.readings import MAX_READINGS, Reading, unique_readings
from hoarfrost.names.scripts import char_script

PINYIN = "pinyin"
WADE_GILES = "wade-giles"
TONGYONG = "tongyong"
MPS2 = "mps2"
CANTONESE_HK = "cantonese-hk"
TRANSCRIPTION = "transcription"
SURNAME_SPELLING = "surname-spelling"

# A dot between Han characters separates the parts of a transcribed foreign name ("弗拉基米尔·普京"):
# the middle dot and its look-alikes (katakana, hyphenation point, bullet, operators), or a full stop.
_HAN_CLASS = "\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_DOTTED = re.compile(f"[{_HAN_CLASS}]\\s*[\u00b7\u0387\u30fb\uff65\u2027\u2022\u2219\u22c5\u2e31.]\\s*[{_HAN_CLASS}]")
_ALNUM = re.compile(r"[a-z0-9]+")
_MAX_HETERONYM_READINGS = 4  # alternative readings of polyphonic characters, one character at a time
_MAX_SURNAME_SPELLINGS = 4  # readings with a customary surname spelling, per name

# --- tables: surnames --------------------------------------------------------------------------

# Compound (two-character) family names, with their Pinyin: several are read differently from their
# characters' everyday readings (尉迟 yu chi, 万俟 mo qi, 单于 chan yu, 长孙 zhang sun).
_COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "欧阳": ("ou", "yang"), "司马": ("si", "ma"), "诸葛": ("zhu", "ge"), "上官": ("shang", "guan"),
    "司徒": ("si", "tu"), "东方": ("dong", "fang"), "皇甫": ("huang", "fu"), "尉迟": ("yu", "chi"),
    "公孙": ("gong", "sun"), "令狐": ("ling", "hu"), "慕容": ("mu", "rong"), "夏侯": ("xia", "hou"),
    "长孙": ("zhang", "sun"), "宇文": ("yu", "wen"), "司空": ("si", "kong"), "西门": ("xi", "men"),
    "端木": ("duan", "mu"), "独孤": ("du", "gu"), "南宫": ("nan", "gong"), "万俟": ("mo", "qi"),
    "单于": ("chan", "yu"), "轩辕": ("xuan", "yuan"), "呼延": ("hu", "yan"), "澹台": ("tan", "tai"),
    "公冶": ("gong", "ye"), "太叔": ("tai", "shu"), "申屠": ("shen", "tu"), "闻人": ("wen", "ren"),
    "赫连": ("he", "lian"), "钟离": ("zhong", "li"), "宗政": ("zong", "zheng"), "濮阳": ("pu", "yang"),
    "淳于": ("chun", "yu"), "仲孙": ("zhong", "sun"), "公羊": ("gong", "yang"), "百里": ("bai", "li"),
    "东郭": ("dong", "guo"), "谷梁": ("gu", "liang"), "拓跋": ("tuo", "ba"), "司寇": ("si", "kou"),
    "左丘": ("zuo", "qiu"), "第五": ("di", "wu"), "羊舌": ("yang", "she"), "公西": ("gong", "xi"),
    "乐正": ("yue", "zheng"), "鲜于": ("xian", "yu"), "闾丘": ("lv", "qiu"), "颛孙": ("zhuan", "sun"),
    "亓官": ("qi", "guan"), "巫马": ("wu", "ma"), "漆雕": ("qi", "diao"), "子车": ("zi", "ju"),
}

# Readings of polyphonic characters when they are a family name (simplified forms).
_SURNAME_PINYIN: dict[str, str] = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "乐": "yue", "朴": "piao",
    "覃": "qin", "盖": "ge", "缪": "miao", "翟": "zhai", "都": "du", "贾": "jia", "纪": "ji", "华": "hua",
    "过": "guo", "燕": "yan", "重": "chong", "种": "chong", "秘": "bi", "繁": "po", "折": "she", "那": "na",
    "粘": "nian", "藏": "zang", "薄": "bo", "盛": "sheng", "柏": "bai", "牟": "mou", "阚": "kan", "叶": "ye",
    "车": "che", "沈": "shen", "宿": "su", "卜": "bu", "余": "yu", "俞": "yu", "居": "ju", "殷": "yin",
    "陆": "lu", "万": "wan", "石": "shi", "任": "ren", "宁": "ning", "员": "yun", "隗": "wei", "召": "shao",
    "冼": "xian", "莘": "shen", "句": "gou", "祭": "zhai", "能": "nai", "曲": "qu", "尉": "wei", "朝": "chao",
    "长": "chang", "便": "pian", "强": "qiang", "和": "he", "谌": "chen", "郇": "huan", "眭": "sui",
    "佘": "she", "蔚": "yu", "应": "ying", "相": "xiang", "臧": "zang", "乜": "nie", "逄": "pang",
    "洗": "xian",
}

# Cantonese readings of family names where ToJyutping's everyday reading is not the surname's.
_SURNAME_JYUTPING: dict[str, str] = {
    "区": "au1", "单": "sin6", "解": "haai6", "曾": "zang1", "翟": "zaak6", "任": "jam4", "华": "waa6",
    "缪": "miu6", "覃": "tam4", "仇": "sau4", "查": "caa4", "乐": "lok6", "盖": "koi3", "尉": "wat1",
}

# Common single-character family names (simplified), to recognise Hong Kong double surnames (林鄭).
_COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱丘江尹薛闫严段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧区耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车"
    "项连麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞"
    "敖巩明佘池查麻苑迟邝冼洪"
)

# Customary spellings of common family names that none of our schemes produces, by where they are
# used: "tw" Taiwan (given name then in Wade-Giles), "hk" Hong Kong and Macau (given name in Cantonese),
# "sea" Singapore, Malaysia and Indonesia (Hokkien, Teochew, Hakka surnames, given name often Pinyin).
# General conventions only, most common first; at most _MAX_SURNAME_SPELLINGS are used per name.
_SURNAME_SPELLINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "李": (("lee", "tw"), ("lee", "hk"), ("lee", "sea"), ("lie", "sea")),
    "王": (("ong", "sea"),),
    "张": (("chong", "sea"), ("cheong", "hk"), ("teo", "sea")),
    "刘": (("lau", "sea"), ("liew", "sea"), ("lew", "sea")),
    "陈": (("tan", "sea"), ("chan", "sea"), ("chin", "sea")),
    "杨": (("yeo", "sea"), ("young", "hk"), ("yong", "sea")),
    "黄": (("ng", "sea"), ("wee", "sea"), ("oei", "sea")),
    "赵": (("chew", "sea"), ("teo", "sea")),
    "吴": (("goh", "sea"), ("woo", "hk"), ("ng", "sea")),
    "周": (("chow", "hk"), ("chew", "sea")),
    "徐": (("tsui", "hk"), ("chee", "sea")),
    "孙": (("soon", "sea"),),
    "马": (("mah", "hk"),),
    "朱": (("choo", "sea"),),
    "胡": (("woo", "hk"), ("oh", "sea")),
    "郭": (("kwek", "sea"), ("quek", "sea"), ("kok", "sea")),
    "何": (("hoh", "sea"),),
    "高": (("koh", "sea"),),
    "林": (("lim", "sea"), ("lum", "hk")),
    "罗": (("law", "hk"), ("loh", "sea")),
    "郑": (("tay", "sea"), ("teh", "sea")),
    "梁": (("leong", "sea"), ("neo", "sea")),
    "谢": (("chia", "sea"), ("seah", "sea"), ("cheah", "sea")),
    "宋": (("soong", "tw"), ("soong", "hk")),
    "许": (("khoo", "sea"), ("koh", "sea")),
    "冯": (("foong", "sea"),),
    "彭": (("phang", "sea"),),
    "萧": (("seow", "sea"), ("shaw", "hk")),
    "肖": (("seow", "sea"),),
    "潘": (("poon", "hk"), ("phua", "sea")),
    "蔡": (("chua", "sea"), ("choy", "hk"), ("tsoi", "hk")),
    "余": (("yee", "hk"), ("yue", "hk")),
    "于": (("yee", "hk"),),
    "叶": (("yap", "sea"), ("ip", "hk")),
    "苏": (("soh", "sea"), ("soo", "sea")),
    "魏": (("gwee", "sea"),),
    "沈": (("sim", "sea"),),
    "卢": (("loo", "sea"),),
    "姚": (("yeow", "sea"),),
    "钟": (("chong", "sea"),),
    "谭": (("tham", "sea"),),
    "陆": (("loke", "sea"),),
    "汪": (("ong", "sea"),),
    "邱": (("khoo", "sea"),),
    "丘": (("khoo", "sea"),),
    "柯": (("ker", "tw"), ("kua", "sea"), ("or", "hk")),
    "翁": (("ang", "sea"),),
    "洪": (("ang", "sea"),),
    "庄": (("chng", "sea"),),
    "颜": (("gan", "sea"),),
    "尤": (("yew", "sea"),),
    "龙": (("loong", "sea"),),
    "邹": (("chow", "hk"),),
    "廖": (("leow", "sea"),),
    "梅": (("moy", "hk"),),
    "江": (("kang", "sea"),),
    "顾": (("koo", "tw"), ("koo", "hk")),
    "辜": (("koo", "tw"), ("koo", "hk")),
    "欧阳": (("auyeung", "hk"), ("owyang", "hk")),
    "司徒": (("seto", "sea"),),
}

# --- tables: Wade-Giles --------------------------------------------------------------------------

_PINYIN_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
                    "r", "z", "c", "s")
_WG_INITIALS = {"b": "p", "p": "p'", "m": "m", "f": "f", "d": "t", "t": "t'", "n": "n", "l": "l", "g": "k",
                "k": "k'", "h": "h", "j": "ch", "q": "ch'", "x": "hs", "zh": "ch", "ch": "ch'", "sh": "sh",
                "r": "j", "z": "ts", "c": "ts'", "s": "s"}
# Whole syllables Wade-Giles writes apart from the initial + final rules.
_WG_SYLLABLES = {
    "zhi": "chih", "chi": "ch'ih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tz'u", "si": "ssu",
    "er": "erh", "e": "o", "ê": "eh", "yi": "i", "ye": "yeh", "yan": "yen", "you": "yu", "yong": "yung",
    "yu": "yü", "yue": "yüeh", "yuan": "yüan", "yun": "yün",
}
_WG_FINALS = {"ian": "ien", "ie": "ieh", "ong": "ung", "iong": "iung", "er": "erh", "v": "ü", "ve": "üeh",
              "van": "üan", "vn": "ün", "ue": "üeh"}
_PALATALS = frozenset("jqx")
# Taiwan's usage of Wade-Giles: 思 Szu beside Ssu, 怡 Yi beside I.
_WG_TAIWAN_VARIANTS = {"ssu": "szu", "i": "yi"}

# --- tables: Taiwan's other romanisations -----------------------------------------------------------
# Taiwanese passports also carry Tongyong Pinyin (official 2002-2008: 游錫堃 You Si-kun, 馬英九 Ma Ying-jiou)
# and Mandarin Phonetic Symbols II (吳釗燮 Wu Jau-shie, 陳椒華 Chen Jiau-hua).
_TONGYONG_SYLLABLES = {"zhi": "jhih", "chi": "chih", "shi": "shih", "ri": "rih", "zi": "zih", "ci": "cih",
                       "si": "sih", "wen": "wun", "weng": "wong"}
_TONGYONG_INITIALS = {"zh": "jh", "q": "c", "x": "s"}
_TONGYONG_FINALS = {"iu": "iou", "ui": "uei", "iong": "yong", "v": "yu", "ve": "yue", "van": "yuan", "vn": "yun"}
_MPS2_SYLLABLES = {"zhi": "jr", "chi": "chr", "shi": "shr", "ri": "r", "zi": "tz", "ci": "tsz", "si": "sz",
                   "yao": "yau", "yong": "yung", "you": "you"}
_MPS2_INITIALS = {"zh": "j", "q": "ch", "x": "sh", "z": "tz", "c": "ts"}
_MPS2_FINALS = {"ao": "au", "iao": "iau", "iu": "iou", "ui": "uei", "un": "uen", "ong": "ung", "iong": "iung",
                "v": "iu", "ve": "iue", "van": "iuan", "vn": "iun"}

# --- tables: foreign names transcribed into Chinese ---------------------------------------------------
# Foreign names are written in Chinese by fixed conventions (the Xinhua transcription tables): some
# characters stand for a bare consonant (斯 s, 尔 r, 德 d, 克 k, 夫 f), others for a syllable with a
# vowel other than Pinyin's (梅 me, 洛 lo, 奥 o, 伊 i). Reading those back brings "道格拉斯" closer to
# "Douglas" (daogelasi -> doglas) than Pinyin does. The conventions are the tables' own, and each rule
# below was kept only where it brought the readings of Wikidata's English-Chinese name pairs closer
# (training split; on the held-out split, tokens the matcher accepts rose from 32.8 % to 37.4 %):
# - bare consonants are particular characters, not syllables: 克 is k, but 科 is ko (科斯 Cos);
# - 尔 is l before a consonant (阿尔 Al-), r at the end; 德斯, 特斯 at the end are -des, -tes (a final
#   -ds, -ts is written 兹, 茨);
# - after s, b d g stand for p t k (斯巴 Spa, 斯博 Spo): English sp st sk are unaspirated;
# - ke ge he are ko go ho, ji is ki (基 Ki-, Gi-), -ai is e (莱 le, 艾 e), and a final -ng is -n
#   (登 den, 根 gen), as the tables write English -n with either; 亚 after -i is -a (尼亚 -nia).
_BARE_CONSONANTS: dict[str, str] = {
    "斯": "s", "丝": "s", "思": "s", "兹": "z", "茨": "ts", "次": "ts", "什": "sh", "史": "sh", "德": "d", "得": "d",
    "特": "t", "格": "g", "克": "k", "赫": "h", "夫": "f", "弗": "f", "布": "b", "普": "p", "姆": "m", "尔": "r",
    "勒": "l", "奇": "ch",
}
_TRANSCRIBED_SYLLABLES = {"yi": "i", "ya": "ia", "en": "n", "ao": "o", "ye": "ie", "wei": "vi", "wa": "va",
                          "wo": "vo", "ai": "e", "wu": "u"}
_TRANSCRIBED_INITIALS = {"x": "s", "q": "ch", "zh": "z"}
_TRANSCRIBED_FINALS = {"uo": "o", "ei": "e", "ao": "o", "ie": "e", "v": "u", "ve": "ue", "ai": "e"}
_UNASPIRATED = {"b": "p", "d": "t", "g": "k"}
_FINAL_S = frozenset("斯丝思")

# --- tables: Hong Kong Cantonese -----------------------------------------------------------------

_JYUTPING_INITIALS = ("ng", "gw", "kw", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "w", "z", "c",
                      "s", "j")
_HK_INITIALS = {"b": "p", "p": "p", "m": "m", "f": "f", "d": "t", "t": "t", "n": "n", "l": "l", "g": "k",
                "k": "k", "ng": "ng", "h": "h", "gw": "kw", "kw": "kw", "w": "w", "z": "ch", "c": "ch",
                "s": "s", "j": "y", "": ""}
_HK_FINALS = {
    "aa": "a", "aai": "ai", "aau": "au", "aam": "am", "aan": "an", "aang": "ang", "aap": "ap", "aat": "at",
    "aak": "ak", "ou": "o", "oeng": "eung", "oek": "euk", "oet": "eut", "eoi": "ui", "eon": "un",
    "eot": "ut", "yu": "u", "yun": "uen", "yut": "uet",
}
# Second spellings of finals, as Hong Kong usage writes them too: 李 LEI/LEE, 古 KU/KOO, 潘 PUN/POON,
# 華 WA/WAH, 周 CHAU/CHOW.
_HK_FINAL_ALTERNATES = {"ei": "ee", "u": "oo", "un": "oon", "aa": "ah", "au": "ow"}
# After ch-initials (Jyutping z, c) these finals are also written with "ts": 徐 CHUI/TSUI, 曹 CHO/TSO.
_HK_TS_ALTERNATE = frozenset(("eoi", "ou", "o", "oi", "ai", "aai", "ap", "aap", "ak", "aak", "aang"))
# Before these finals Jyutping s- is written "s" whatever the Mandarin (善 單 仙 SIN, 色 SIK, 閃 SIM).
_HK_PLAIN_S_FINALS = frozenset(("in", "it", "ik", "ip", "im"))
_RETROFLEX = ("zh", "ch", "sh", "r")


# --- folding and splitting -----------------------------------------------------------------------

@lru_cache(maxsize=4)
def _opencc(config: str) -> Any:
    """One OpenCC converter per configuration, loaded on first use (a few milliseconds)."""
    import opencc

    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def fold_han(text: str) -> str:
    """Traditional, Hong Kong and Taiwan forms folded to simplified, after NFKC.

    Readings are computed on this form, so 朱海侖 and 朱海仑 read the same. hk2s and tw2s each fold
    their region's variant characters (衞, 裡) and then convert traditional to simplified; running
    both catches either region's variants. Only runs of Han characters go through OpenCC: it would
    also rewrite punctuation, and it stops at a NUL character.
    """
    text = unicodedata.normalize("NFKC", text)
    if not any(_is_han(char) for char in text):
        return text
    pieces = []
    for han, group in groupby(text, _is_han):
        piece = "".join(group)
        pieces.append(str(_opencc("tw2s").convert(_opencc("hk2s").convert(piece))) if han else piece)
    return "".join(pieces)


def _is_han(char: str) -> bool:
    return char_script(char) == "Hani"


@dataclass(frozen=True, slots=True)
class _Run:
    """A stretch of the name without breaks: Han characters (folded) or one Latin word."""

    text: str
    han: bool


def _runs(folded: str) -> tuple[tuple[_Run, ...], bool]:
    """Han runs and Latin words in order, and whether a middle dot separates parts of the name."""
    runs: list[_Run] = []
    current: list[str] = []
    current_han = False

    def flush() -> None:
        if current:
            word = "".join(current)
            if current_han:
                runs.append(_Run(word, True))
            else:
                runs.extend(_Run(token, False) for token in _ALNUM.findall(anyascii(word).lower()))
            current.clear()

    for char in folded:
        if _is_han(char):
            if not current_han:
                flush()
            current_han = True
            current.append(char)
        elif char.isalnum() and char_script(char) in ("Latn", None):
            if current_han:
                flush()
            current_han = False
            current.append(char)
        else:
            flush()
    flush()
    return tuple(runs), _DOTTED.search(folded) is not None


# --- Pinyin ---------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _clean_syllable(syllable: str) -> str:
    """Toneless lower-case ASCII letters of a syllable ('lǜ' -> 'lv', 'ê' -> 'e'), 'v' standing for ü."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    kept = "".join(c for c in decomposed if c == "\u0308" or not unicodedata.combining(c))
    kept = unicodedata.normalize("NFC", kept).replace("ü", "v")
    return "".join(_ALNUM.findall(anyascii(kept).lower()))


def _no_reading(chars: str) -> Any:
    """pypinyin's `errors` hook: one empty syllable per character it cannot read, so that the result
    stays aligned with the characters (a list is what pypinyin accepts here, whatever its stub says)."""
    return [""] * len(chars)


@lru_cache(maxsize=32768)
def _char_pinyins(char: str) -> tuple[str, ...]:
    """Every Mandarin reading of one character, most usual first, toneless with 'v' for ü."""
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors=_no_reading)
    readings = [_clean_syllable(syllable) for syllable in found[0]] if found else []
    readings = [reading for reading in dict.fromkeys(readings) if reading]
    if not readings:
        fallback = _clean_syllable(anyascii(char))
        readings = [fallback] if fallback else []
    return tuple(readings)


@lru_cache(maxsize=1)
def _phrase_readings() -> dict[str, frozenset[str]]:
    """The toneless readings each character has in pypinyin's phrase dictionary.

    That dictionary lists the words whose reading needs context, so a reading found there is one in
    live use (乐 le/yue, 长 chang/zhang); readings found only in the character table are mostly
    archaic or literary (英 yang, 平 pian) and would only add noise to the index.
    """
    from pypinyin.phrases_dict import phrases_dict

    found: dict[str, set[str]] = {}
    for phrase, syllables in phrases_dict.items():
        for char, readings in zip(phrase, syllables, strict=False):
            found.setdefault(char, set()).update(_clean_syllable(reading) for reading in readings)
    return {char: frozenset(readings) for char, readings in found.items()}


@lru_cache(maxsize=32768)
def _live_alternates(char: str, reading: str) -> tuple[str, ...]:
    """Other readings of a polyphonic character that are in live use, most usual first."""
    live = _phrase_readings().get(char, frozenset())
    return tuple(alt for alt in _char_pinyins(char) if alt != reading and alt in live)


@lru_cache(maxsize=32768)
def _context_pinyin(run: str) -> tuple[str, ...]:
    """One Mandarin syllable per character, read with pypinyin's phrase dictionary for context.

    Context changes only the readings of characters with another reading in live use, and most
    names have none: those are read character by character from the cache (pypinyin's own phrase
    pass costs some 80 µs a call).
    """
    if not any(_live_alternates(char, _first_pinyin(char)) for char in run):
        return tuple(_first_pinyin(char) for char in run)
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(run, style=Style.NORMAL, errors=_no_reading)
    if len(syllables) != len(run):  # defensive: keep one syllable per character
        syllables = [""] * len(run)
    result = []
    for char, syllable in zip(run, syllables, strict=True):
        result.append(_clean_syllable(syllable) or _first_pinyin(char))
    return tuple(result)


def _first_pinyin(char: str) -> str:
    """The character's usual Mandarin reading, or '' if it has none."""
    known = _char_pinyins(char)
    return known[0] if known else ""


def _pinyin_token(syllable: str) -> str:
    """Pinyin as lists write it: the ü of lü and nü without its dots ("lu")."""
    return syllable.replace("v", "u")


# --- Wade-Giles ------------------------------------------------------------------------------------

def _split_pinyin(syllable: str) -> tuple[str, str]:
    for initial in _PINYIN_INITIALS:
        if syllable.startswith(initial) and len(syllable) > len(initial):
            return initial, syllable[len(initial):]
    return "", syllable


@lru_cache(maxsize=4096)
def wade_giles_syllable(syllable: str) -> str:
    """One toneless Pinyin syllable in Wade-Giles, with its apostrophes and ü ("qu" -> "ch'ü").

    Initials: b p d t g k -> p p' t t' k k', j q x -> ch ch' hs, zh ch -> ch ch', z c -> ts ts', r -> j.
    Finals: -ian -> -ien, -ie -> -ieh, -ong -> -ung, ü after j q x; -uo -> -o except after g k h sh;
    e -> o after g k h; -ui -> -uei after g k; and the whole syllables zhi chih, zi tzu, si ssu ...
    """
    syllable = syllable.lower().replace("ü", "v").replace("u:", "v")
    if syllable in _WG_SYLLABLES:
        return _WG_SYLLABLES[syllable]
    if syllable.startswith(("y", "w")):  # ya yao yang yin ying yo, wu wa wo wai wei wan wen wang weng
        return syllable
    initial, final = _split_pinyin(syllable)
    if not initial:
        return _WG_FINALS.get(final, final)
    final = _palatal_umlaut(initial, final)  # ju qu xu are jü qü xü
    if (final == "e" and initial in ("g", "k", "h")) or (final == "uo" and initial not in ("g", "k", "h", "sh")):
        final = "o"
    elif final == "ui" and initial in ("g", "k"):
        final = "uei"
    return _WG_INITIALS[initial] + _WG_FINALS.get(final, final)


def _wade_giles_token(syllable: str) -> str:
    """Wade-Giles as Taiwan passports and lists write it: no apostrophes, u for ü."""
    return wade_giles_syllable(syllable).replace("'", "").replace("ü", "u")


def _palatal_umlaut(initial: str, final: str) -> str:
    """Pinyin writes ü as u after j q x; the other schemes spell it out, so restore it as 'v'."""
    return "v" + final[1:] if initial in _PALATALS and final.startswith("u") else final


@lru_cache(maxsize=4096)
def tongyong_syllable(syllable: str) -> str:
    """One toneless Pinyin syllable in Tongyong Pinyin (Taiwan): xi -> si, zhang -> jhang, jiu -> jiou."""
    if syllable in _TONGYONG_SYLLABLES:
        return _TONGYONG_SYLLABLES[syllable]
    initial, final = _split_pinyin(syllable)
    final = _palatal_umlaut(initial, final)
    if initial in ("b", "p", "m", "f") and final == "eng":
        final = "ong"  # feng -> fong
    return _TONGYONG_INITIALS.get(initial, initial) + _TONGYONG_FINALS.get(final, final)


@lru_cache(maxsize=4096)
def mps2_syllable(syllable: str) -> str:
    """One toneless Pinyin syllable in Mandarin Phonetic Symbols II (Taiwan): zhao -> jau, xie -> shie."""
    if syllable in _MPS2_SYLLABLES:
        return _MPS2_SYLLABLES[syllable]
    initial, final = _split_pinyin(syllable)
    if syllable.startswith("y") and final.startswith("u"):
        return syllable  # yu yue yuan yun stay as they are
    final = _palatal_umlaut(initial, final)
    return _MPS2_INITIALS.get(initial, initial) + _MPS2_FINALS.get(final, final)


# --- Cantonese -------------------------------------------------------------------------------------

@lru_cache(maxsize=32768)
def _context_jyutping(run: str) -> tuple[str, ...]:
    """One Jyutping syllable per character (tone digit kept), '' where ToJyutping has none.

    The run is put back into Hong Kong traditional characters first: a simplified character that stands
    for two traditional ones is read as the rarer by ToJyutping (宁, folded from 寧 ning, is read cyu as
    for 佇), while OpenCC picks the traditional form by its phrases (宁波 寧波)."""
    import ToJyutping  # noqa: N813 - the package's own name

    traditional = str(_opencc("s2hk").convert(run))
    pairs = ToJyutping.get_jyutping_list(traditional if len(traditional) == len(run) else run)
    if len(pairs) != len(run):
        return ("",) * len(run)
    return tuple(str(jyutping or "").split(" ")[0] for _, jyutping in pairs)


def _split_jyutping(syllable: str) -> tuple[str, str]:
    syllable = syllable.rstrip("0123456789")
    if syllable in ("m", "ng"):
        return "", syllable
    for initial in _JYUTPING_INITIALS:
        if syllable.startswith(initial) and len(syllable) > len(initial):
            return initial, syllable[len(initial):]
    return "", syllable


@lru_cache(maxsize=8192)
def hong_kong_syllable(jyutping: str, mandarin: str = "") -> tuple[str, ...]:
    """One Jyutping syllable in the Hong Kong government spelling: the usual form, then other forms.

    `mandarin` is the same character's Pinyin, if known. Hong Kong spellings keep an older Cantonese
    distinction that Jyutping has merged: s- is written "sh" where Mandarin has a retroflex (成 SHING,
    石 SHEK; 星 SING, 錫 SEK), so the Mandarin initial picks which of the two comes first.
    """
    initial, final = _split_jyutping(jyutping.lower())
    if not final:
        return ()
    retroflex = mandarin.startswith(_RETROFLEX)
    if initial in ("z", "c"):
        forms = _hk_affricate(final, retroflex)
    elif initial == "s":
        forms = _hk_sibilant(final, retroflex)
    elif initial == "j" and final == "i":
        forms = ["yee", "yi"]
    elif initial == "j" and final == "yu":
        forms = ["yu", "yue"]
    else:
        body = _HK_FINALS.get(final, final)
        first = _HK_INITIALS.get(initial, initial) + body
        forms = [first]
        if final == "o" and initial in ("ng", ""):  # 娥 NGOR, 柯 OR; but 何 HO
            forms = [first + "r", first]
        elif final == "o":
            forms.append(first + "r")
        if final in _HK_FINAL_ALTERNATES:
            forms.append(_HK_INITIALS.get(initial, initial) + _HK_FINAL_ALTERNATES[final])
    return tuple(dict.fromkeys(form for form in forms if form))


def _hk_affricate(final: str, retroflex: bool) -> list[str]:
    """Jyutping z- and c-: "ch" mostly, "ts" where Hong Kong writes it (曾 TSANG, 謝 TSE, 子 TSZ)."""
    body = _HK_FINALS.get(final, final)
    if final == "i":
        return ["chi", "tsz"]
    if final in ("e", "ang"):
        forms = ["ts" + body, "ch" + body]
        return forms[::-1] if retroflex and final == "e" else forms
    forms = ["ch" + body]
    if final in ("an", "am"):  # 振 CHUN, 針 CHUM
        forms.append("ch" + "u" + final[1:])
    if final in _HK_TS_ALTERNATE:
        forms.append("ts" + body)
    if final in _HK_FINAL_ALTERNATES:
        forms.append("ch" + _HK_FINAL_ALTERNATES[final])
    return forms


def _hk_sibilant(final: str, retroflex: bool) -> list[str]:
    """Jyutping s-: "sh" or "s" by the Mandarin initial; si is SZE (思, 施, 詩)."""
    if final == "i":
        return ["sze", "shi", "si"] if retroflex else ["sze", "si", "shi"]
    body = _HK_FINALS.get(final, final)
    plain, hushed = "s" + body, "sh" + body
    forms = [hushed, plain] if retroflex and final not in _HK_PLAIN_S_FINALS else [plain, hushed]
    if final in ("an", "am"):  # 新 SUN, 心 SUM, 沈 SHUM
        forms.append(("sh" if retroflex else "s") + "u" + final[1:])
    if final in _HK_FINAL_ALTERNATES:
        forms.append(forms[0][: -len(body)] + _HK_FINAL_ALTERNATES[final])
    return forms


# --- analysis of a name ----------------------------------------------------------------------------

class _Syllable:
    """One Han character read in every scheme, each spelling computed once (readings reuse them often)."""

    __slots__ = ("alternates", "cantonese", "cantonese_alternate", "char", "pinyin", "pinyin_token",
                 "wade_giles")

    def __init__(self, char: str, pinyin: str, alternates: tuple[str, ...], cantonese: tuple[str, ...]) -> None:
        self.char = char
        self.pinyin = pinyin  # toneless, 'v' for ü
        self.alternates = alternates  # other Mandarin readings in live use
        self.cantonese = cantonese or (_pinyin_token(pinyin),)  # Hong Kong spellings, usual first
        self.cantonese_alternate = self.cantonese[1] if len(self.cantonese) > 1 else self.cantonese[0]
        self.pinyin_token = _pinyin_token(pinyin)
        self.wade_giles = _wade_giles_token(pinyin)


@dataclass(frozen=True, slots=True)
class _Part:
    """A run of the name: its syllables grouped into words (family name, given name) or one Latin word."""

    words: tuple[tuple[_Syllable, ...], ...]
    latin: str = ""


@dataclass(frozen=True, slots=True)
class _Analysis:
    parts: tuple[_Part, ...]
    person: bool  # one run of 2-4 characters read as family name + given name
    surname: str  # the family name's characters when `person`
    dotted: bool  # parts separated by a middle dot: a transcribed foreign name
    organisation: bool = False  # a legal form, or organisation vocabulary: never a person's name


def _syllables(run: str, surname: str) -> tuple[_Syllable, ...]:
    """The run's characters read in every scheme, the first `surname` characters as a family name."""
    given = run[len(surname):]
    if surname in _COMPOUND_SURNAMES:
        family_pinyin: tuple[str, ...] = _COMPOUND_SURNAMES[surname]
    else:
        family_pinyin = tuple(_SURNAME_PINYIN.get(char) or _first_pinyin(char) for char in surname)
    mandarin = family_pinyin + (_context_pinyin(given) if given else ())
    cantonese = list(_context_jyutping(run))
    for index, char in enumerate(surname):
        if len(surname) == 1 or surname not in _COMPOUND_SURNAMES:
            cantonese[index] = _SURNAME_JYUTPING.get(char, cantonese[index])
    result: list[_Syllable] = []
    for position, (char, reading, jyutping) in enumerate(zip(run, mandarin, cantonese, strict=True)):
        # a family name has one reading (冯 is Feng, never ping), but a polyphonic family name's first character
        # (单 Shan) keeps its everyday readings: it may not be a family name after all (单田芳 Dan Tianfang)
        family = position < len(surname) and char not in _SURNAME_PINYIN
        alternates = () if family else _live_alternates(char, reading)
        hk = hong_kong_syllable(jyutping, reading) if jyutping else ()
        if reading:
            result.append(_Syllable(char, reading, alternates, hk))
    return tuple(result)


def _family_name(run: str) -> str:
    """The family name at the start of a 2-4 character personal name."""
    if run[:2] in _COMPOUND_SURNAMES and len(run) >= 3:
        return run[:2]
    if len(run) == 4 and run[0] in _COMMON_SURNAMES and run[1] in _COMMON_SURNAMES:
        return run[:2]  # Hong Kong double surname: 林鄭月娥, 葉劉淑儀
    return run[0]


def _person_words(syllables: tuple[_Syllable, ...], run: str, surname: str) -> tuple[tuple[_Syllable, ...], ...]:
    """Family name and given name as words; each of a double surname (林鄭) is a word of its own."""
    if len(syllables) != len(run):  # a character without any reading: no structure to trust
        return (syllables,) if syllables else ()
    if surname in _COMPOUND_SURNAMES:
        cuts = [0, 2]
    elif len(surname) == 2:
        cuts = [0, 1, 2]
    else:
        cuts = [0, 1]
    ends = [*cuts[1:], len(syllables)]
    return tuple(syllables[start:end] for start, end in zip(cuts, ends, strict=True) if syllables[start:end])


def _is_organisation(runs: Sequence[_Run]) -> bool:
    """A legal form in Latin letters (有限公司 arrives as "llc"), a run that ends in a word naming a kind of
    organisation (中国银行), or a run longer than a personal name that holds organisation vocabulary.

    A short run's other vocabulary says little: 建设 (construction), 国强, 中华 are common given names.
    """
    for run in runs:
        if not run.han:
            if is_legal_form(run.text):
                return True
            continue
        pieces = segment(run.text)
        if pieces and pieces[-1][0] in HEAD_WORDS:
            return True
        if len(run.text) > 4 and any(org for _, _, org in pieces):
            return True
        if len(run.text) == 4 and pieces[-1][2] and len(_family_name(run.text)) == 1:
            return True  # 瑞丰新材: as a person's, a three-character given name ending in a vocabulary word
    return False


def _org_words(syllables: tuple[_Syllable, ...], run: str) -> tuple[tuple[_Syllable, ...], ...]:
    """An organisation's run cut into its words: vocabulary words, and the stretches between them (the
    brand, the place) each one word, so that joined Pinyin reads "shenzhen youbangshida huoyun daili"."""
    if len(syllables) != len(run):
        return (syllables,)
    words: list[tuple[_Syllable, ...]] = []
    stretch: list[_Syllable] = []
    start = 0
    for chars, english, _ in segment(run):
        if english is None or (len(chars) == 1 and english):  # 新拓 Xintuo: a one-character word goes with it
            stretch.extend(syllables[start:start + len(chars)])
        else:
            if stretch:
                words.append(tuple(stretch))
                stretch = []
            words.append(syllables[start:start + len(chars)])
        start += len(chars)
    if stretch:
        words.append(tuple(stretch))
    return tuple(words)


@lru_cache(maxsize=16384)
def _analyse(folded: str) -> _Analysis:
    runs, dotted = _runs(folded)
    han_runs = [run for run in runs if run.han]
    organisation = _is_organisation(runs)
    person = not dotted and not organisation and len(han_runs) == 1 and 2 <= len(han_runs[0].text) <= 4
    parts: list[_Part] = []
    surname = ""
    for run in runs:
        if not run.han:
            parts.append(_Part((), run.text))
            continue
        if person:
            surname = _family_name(run.text)
            syllables = _syllables(run.text, surname)
            parts.append(_Part(_person_words(syllables, run.text, surname)))
        else:
            lone = len(run.text) == 1 and (run.text in _SURNAME_PINYIN or run.text in _COMMON_SURNAMES)
            lone_surname = run.text if lone and not organisation else ""
            syllables = _syllables(run.text, lone_surname)
            if syllables:
                parts.append(_Part(_org_words(syllables, run.text) if organisation else (syllables,)))
    return _Analysis(tuple(parts), person, surname, dotted, organisation)


# --- foreign names --------------------------------------------------------------------------------

@lru_cache(maxsize=16384)
def _transcribed_word(chars: str, syllables: tuple[str, ...]) -> str:
    """A word of a transcribed foreign name (its characters and their Pinyin) read back by the
    transcription conventions (see the tables): "阿尔科斯" -> "alkos", "斯博登" -> "spoden"."""
    pieces: list[str] = []
    for position, (char, syllable) in enumerate(zip(chars, syllables, strict=True)):
        following = syllables[position + 1] if position + 1 < len(syllables) else ""
        bare = _BARE_CONSONANTS.get(char) if not following.startswith(("a", "e", "i", "o", "u", "y")) else None
        if bare and char in "德特" and position + 2 == len(chars) and chars[-1] in _FINAL_S:
            bare = None  # 奥德斯 Odes
        if bare:
            pieces.append("l" if char == "尔" and following else bare)
            continue
        piece = _transcribed_syllable(syllable)
        if pieces and pieces[-1].endswith("i") and piece == "ia":
            piece = "a"  # 尼亚 -nia, 利亚 -lia
        if pieces and pieces[-1] == "s" and piece[:1] in _UNASPIRATED:
            piece = _UNASPIRATED[piece[0]] + piece[1:]
        pieces.append(piece)
    return "".join(pieces)


@lru_cache(maxsize=4096)
def _transcribed_syllable(syllable: str) -> str:
    """A syllable of a transcribed foreign name that is not a bare consonant."""
    if syllable in _TRANSCRIBED_SYLLABLES:
        return _TRANSCRIBED_SYLLABLES[syllable]
    initial, final = _split_pinyin(syllable)
    if initial == "j" and final.startswith("i"):
        initial = "k"
    elif final == "e" and initial in ("k", "g", "h"):
        final = "o"
    final = _TRANSCRIBED_FINALS.get(final, final)
    if final.endswith("ng"):
        final = final[:-1]
    return _TRANSCRIBED_INITIALS.get(initial, initial) + final


def transcribed_foreign(text: str) -> str:
    """A foreign name written in Chinese read back by the transcription conventions, one token per part.

    "弗拉基米尔·普京" -> "flakimir pkin"; "道格拉斯" -> "doglas". Only a rough key: Chinese
    transcription loses l/r, voicing and vowel length, so it is for fuzzy comparison.
    """
    return " ".join(_transcription_tokens(_analyse(fold_han(text)).parts))


def _transcribed_of(syllables: Sequence[_Syllable]) -> str:
    return _transcribed_word("".join(s.char for s in syllables), tuple(s.pinyin for s in syllables))


def _transcription_tokens(parts: Sequence[_Part], rhotic: bool = False) -> tuple[str, ...]:
    """The transcription reading, one token per part; `rhotic`: with r for every l (see _rhotic)."""
    tokens = []
    for part in parts:
        if part.latin:
            tokens.append(part.latin)
            continue
        word = _transcribed_of([syllable for word in part.words for syllable in word])
        tokens.append(_rhotic(word) if rhotic else word)
    return tuple(token for token in tokens if token)


def _rhotic(word: str) -> str:
    """Chinese has no r for a foreign r: it writes l (罗 ro, 里 ri, 拉 ra; 尔 r, l). A second reading with r
    for every l meets the r-names; on Wikidata's name pairs it raises the share the matcher accepts with
    one of the two readings from 37 % to 46 % (a word with both, Laurel, is left to fuzzy comparison)."""
    return word.replace("l", "r")


# --- readings --------------------------------------------------------------------------------------

_Spell = Callable[[_Syllable], str]
_Candidate = tuple[tuple[str, ...], str]  # tokens and scheme, before they become Reading objects

_pinyin_of: _Spell = attrgetter("pinyin_token")
_wade_giles_of: _Spell = attrgetter("wade_giles")
_cantonese_alternate_of: _Spell = attrgetter("cantonese_alternate")


def _cantonese_of(syllable: _Syllable) -> str:
    return syllable.cantonese[0]


def _wade_giles_taiwan_of(syllable: _Syllable) -> str:
    return _WG_TAIWAN_VARIANTS.get(syllable.wade_giles, syllable.wade_giles)


def _tongyong_of(syllable: _Syllable) -> str:
    return tongyong_syllable(syllable.pinyin)


def _mps2_of(syllable: _Syllable) -> str:
    return mps2_syllable(syllable.pinyin)


def _tokens(parts: Sequence[_Part], spell: _Spell, joined: bool) -> tuple[str, ...]:
    """The name's tokens in one spelling: one per word when `joined`, else one per syllable."""
    tokens: list[str] = []
    for part in parts:
        if part.latin:
            tokens.append(part.latin)
        elif joined:
            tokens.extend("".join(map(spell, word)) for word in part.words)
        else:
            for word in part.words:
                tokens.extend(map(spell, word))
    return tuple(token for token in tokens if token)


def _substituted(parts: tuple[_Part, ...], target: _Syllable, replacement: _Syllable) -> tuple[_Part, ...]:
    """The parts with one syllable (by identity) replaced: one polyphonic character read otherwise."""
    return tuple(
        _Part(tuple(tuple(replacement if s is target else s for s in word) for word in part.words), part.latin)
        for part in parts
    )


def _syllables_of(parts: tuple[_Part, ...]) -> list[_Syllable]:
    return [syllable for part in parts for word in part.words for syllable in word]


def _heteronym_readings(parts: tuple[_Part, ...]) -> list[_Candidate]:
    """Other readings of polyphonic characters, one character at a time (never their product).

    Each in Pinyin (joined) and Wade-Giles (split): 陈柏源 is Chen Boyuan or Chen Po-yuan as well.
    """
    found: list[_Candidate] = []
    polyphonic = [syllable for syllable in _syllables_of(parts) if syllable.alternates]
    for syllable in polyphonic[:_MAX_HETERONYM_READINGS]:
        other = _Syllable(syllable.char, syllable.alternates[0], (), syllable.cantonese)
        changed = _substituted(parts, syllable, other)
        found += [(_tokens(changed, _pinyin_of, True), PINYIN), (_tokens(changed, _wade_giles_of, False), WADE_GILES)]
    return found


def _umlaut_readings(parts: tuple[_Part, ...]) -> list[_Candidate]:
    """ü written "yu" (Chinese passports since 2012: 吕 LYU) and "v" (keyboard input: LV)."""
    if not any("v" in syllable.pinyin for syllable in _syllables_of(parts)):
        return []
    return [(_tokens(parts, lambda s: s.pinyin.replace("v", "yu"), True), PINYIN),
            (_tokens(parts, attrgetter("pinyin"), True), PINYIN)]


def _cantonese_readings(parts: tuple[_Part, ...]) -> list[_Candidate]:
    """Second Hong Kong spellings: all at once, in the given name only, then one syllable at a time."""
    found = [(_tokens(parts, _cantonese_alternate_of, False), CANTONESE_HK)]
    words = [word for part in parts for word in part.words]
    if len(words) > 1:  # a personal name: the family name as usual, the given name in its second spelling
        family = {id(syllable) for word in words[:-1] for syllable in word}
        found.append((_tokens(parts, lambda s: s.cantonese[0] if id(s) in family else s.cantonese_alternate,
                              False), CANTONESE_HK))
    for syllable in _syllables_of(parts):
        for form in syllable.cantonese[1:3]:
            other = _Syllable(syllable.char, syllable.pinyin, (), (form,))
            found.append((_tokens(_substituted(parts, syllable, other), _cantonese_of, False), CANTONESE_HK))
    found.append((_tokens(parts, _cantonese_alternate_of, True), CANTONESE_HK))
    return found


def _surname_spelling_readings(analysis: _Analysis) -> list[_Candidate]:
    """Customary surname spellings (李 Lee), the rest of the name in the scheme of the same region."""
    spellings = _SURNAME_SPELLINGS.get(analysis.surname, ())
    if not spellings and analysis.surname not in _COMPOUND_SURNAMES:
        spellings = _SURNAME_SPELLINGS.get(analysis.surname[:1], ())  # 林 of the double surname 林鄭
    regions: dict[str, _Spell] = {"tw": _wade_giles_of, "hk": _cantonese_of, "sea": _pinyin_of}
    found: list[_Candidate] = []
    if not any(len(part.words) > 1 for part in analysis.parts):
        return found  # no family name was cut off (a character without a reading)
    for spelling, region in spellings[:_MAX_SURNAME_SPELLINGS]:
        tokens: list[str] = []
        for part in analysis.parts:
            if part.latin:
                tokens.append(part.latin)
            elif part.words:
                tokens.append(spelling)
                tokens.extend(regions[region](syllable) for word in part.words[1:] for syllable in word)
        found.append((tuple(tokens), SURNAME_SPELLING))
    return found


@lru_cache(maxsize=65536)
def _readings(folded: str) -> tuple[Reading, ...]:
    """All readings of a folded name, most likely first: the main schemes split and joined, then the
    customary surname spellings, then second spellings, each kind bounded."""
    analysis = _analyse(folded)
    parts = analysis.parts
    if not any(part.words for part in parts):
        return ()
    found: list[_Candidate] = [
        (_tokens(parts, _pinyin_of, True), PINYIN),
        (_tokens(parts, _pinyin_of, False), PINYIN),
        (_tokens(parts, _wade_giles_of, False), WADE_GILES),
        (_tokens(parts, _cantonese_of, False), CANTONESE_HK),
        (_tokens(parts, _wade_giles_of, True), WADE_GILES),
        (_tokens(parts, _cantonese_of, True), CANTONESE_HK),
    ]
    cantonese = _cantonese_readings(parts)
    transcription = [(_transcription_tokens(parts), TRANSCRIPTION), (_transcription_tokens(parts, True), TRANSCRIPTION)]
    if analysis.person:
        found += _surname_spelling_readings(analysis)
    if analysis.dotted:  # a foreign name: its transcription readings rank high
        found[2:2] = transcription
    found += [*cantonese[:2], *_heteronym_readings(parts), transcription[0]]
    if analysis.person:  # Taiwan's passport spellings of personal names
        found += [(_tokens(parts, _wade_giles_taiwan_of, False), WADE_GILES),
                  (_tokens(parts, _tongyong_of, False), TONGYONG),
                  (_tokens(parts, _mps2_of, False), MPS2)]
    found += [transcription[1], *_umlaut_readings(parts), *cantonese[2:]]
    if analysis.organisation:  # its English translations after the pinyin, joined and split
        found[2:2] = [(tokens, TRANSLATION) for tokens in _translations(parts, analysis.dotted)]
    schemes: dict[tuple[str, ...], str] = {}  # Reading objects only for what is kept: they are slow to build
    for tokens, scheme in found:
        if tokens and tokens not in schemes:
            schemes[tokens] = scheme  # first scheme wins, as in unique_readings
            if len(schemes) >= MAX_READINGS:
                break
    return tuple(unique_readings([Reading(tokens, scheme) for tokens, scheme in schemes.items()]))


TRANSLATION = "translation"


_Piece = tuple[tuple[_Syllable, ...], tuple[str, ...]]  # a word's syllables and its English words (or none)
_Choose = Callable[[int, _Piece], str | None]  # the English for the n-th piece of the name, or None to romanise it
_Romanise = Callable[[list[_Syllable]], list[str]]  # a stretch of untranslated syllables, one token each
_MAX_WORD_SWITCHES = 4  # translation readings with one word in another English, per name


def _pieces(parts: tuple[_Part, ...]) -> list[_Piece | str]:
    """The name cut into vocabulary words (with their English choices), single unknown characters and
    Latin words (str), in order; an empty str after each run of Han characters, so that a brand does not
    run on into the next run (诺斯罗普·格鲁曼 is Northrop Grumman, two words)."""
    pieces: list[_Piece | str] = []
    for part in parts:
        if part.latin:
            pieces.append(part.latin)
            continue
        syllables = tuple(_syllables_of((part,)))
        start = 0
        for chars, english, _ in segment("".join(syllable.char for syllable in syllables)):
            pieces.append((syllables[start:start + len(chars)], () if english is None else choices(english)))
            start += len(chars)
        pieces.append("")
    return pieces


def _brand_prefixed(pieces: list[_Piece | str]) -> list[_Piece | str]:
    """The pieces with a word's first character given to the unknown stretch before it, where the rest is a
    word of its own: 恒邦微电子 is "Hengbangwei Electronics" as often as "Hengbang Microelectronics"."""
    result: list[_Piece | str] = []
    for piece in pieces:
        if isinstance(piece, tuple) and piece[1] and len(piece[0]) > 1 and result and _unknown(result[-1]):
            syllables = piece[0]
            rest = translate("".join(syllable.char for syllable in syllables[1:]))
            if rest is not None and translate(syllables[0].char) is None:
                result += [(syllables[:1], ()), (syllables[1:], choices(rest))]
                continue
        result.append(piece)
    return result


def _unknown(piece: _Piece | str) -> bool:
    return isinstance(piece, tuple) and not piece[1]


def _usual(index: int, piece: _Piece) -> str | None:
    """The usual English of a word; a one-character word (新 new, 和 and) is read as part of the brand
    (新拓 Xintuo, 和德 Hede), except the ones that are dropped (市 city, 省 province)."""
    syllables, english = piece
    if not english or (len(syllables) == 1 and english[0]):
        return None
    return english[0]


def _other(choice: int) -> _Choose:
    """Every word in its `choice`-th English (or its last, where it has fewer)."""
    def choose(index: int, piece: _Piece) -> str | None:
        syllables, english = piece
        return english[min(choice, len(english) - 1)] if english and len(syllables) > 1 else _usual(index, piece)
    return choose


def _single_translated(index: int, piece: _Piece) -> str | None:
    return piece[1][0] if piece[1] else None


def _switching(target: int, choice: int) -> _Choose:
    """The usual English everywhere but in the `target`-th piece, which takes its `choice`-th."""
    other = _other(choice)
    return lambda index, piece: other(index, piece) if index == target else _usual(index, piece)


def _pinyin_stretch(stretch: list[_Syllable]) -> list[str]:
    return [syllable.pinyin_token for syllable in stretch]


def _cantonese_stretch(stretch: list[_Syllable]) -> list[str]:
    return [syllable.cantonese[0] for syllable in stretch]


def _transcription_stretch(stretch: list[_Syllable]) -> list[str]:
    """A brand transcribed from a foreign word (莫斯特 Most, 奥德斯 Odes) read back by the transcription
    conventions (信诺 Sinno); a single character is read in Pinyin."""
    if len(stretch) < 2:
        return _pinyin_stretch(stretch)
    return [_transcribed_of(stretch)]


def _rhotic_stretch(stretch: list[_Syllable]) -> list[str]:
    if len(stretch) < 2:
        return _pinyin_stretch(stretch)
    return [_rhotic(token) for token in _transcription_stretch(stretch)]


def _initials_stretch(stretch: list[_Syllable]) -> list[str]:
    """A brand of two or three characters as the initials of its Pinyin, as firms write it (比亚迪 BYD)."""
    if not 2 <= len(stretch) <= 3:
        return _pinyin_stretch(stretch)
    return ["".join(syllable.pinyin_token[:1] for syllable in stretch)]


def _translated(pieces: list[_Piece | str], choose: _Choose, romanise: _Romanise, joined: bool) -> tuple[str, ...]:
    """One translation reading: the words `choose` gives in English, the stretches between them
    romanised, each stretch one token when `joined`, else one token per syllable."""
    tokens: list[str] = []
    stretch: list[_Syllable] = []

    def flush() -> None:
        spelled = romanise(stretch)
        tokens.extend(["".join(spelled)] if joined else spelled)
        stretch.clear()

    for index, piece in enumerate(pieces):
        if isinstance(piece, str):
            flush()
            tokens.append(piece)
            continue
        english = choose(index, piece)
        if english is None:
            stretch.extend(piece[0])
        else:
            flush()
            tokens.extend(english.split())
    flush()
    return tuple(token for token in tokens if token)


def _translations(parts: tuple[_Part, ...], foreign: bool) -> list[tuple[str, ...]]:
    """An organisation's name with its vocabulary in English and the rest romanised, in a few ways.

    "中国电子科技集团公司" -> "china electronics technology group corporation": lists give such names in
    English translation, which no romanisation meets. The rest (brand, place) is in Pinyin joined, then
    Pinyin split; then words in their second English (Sino, Space), one word at a time and all at once;
    then the rest in Hong Kong Cantonese (恒生 Hang Seng), read back as a transcribed foreign word, and
    with the brand taking the first character of the word after it; then one-character words translated;
    then a short brand as the initials of its Pinyin (比亚迪 BYD), unless the name is `foreign` (dotted).
    """
    pieces = _pieces(parts)
    switches = [(index, choice) for index, piece in enumerate(pieces)
                if isinstance(piece, tuple) and len(piece[0]) > 1 for choice in range(1, len(piece[1]))]
    found = [
        _translated(pieces, _usual, _pinyin_stretch, True),
        _translated(pieces, _usual, _pinyin_stretch, False),
        *(_translated(pieces, _switching(index, choice), _pinyin_stretch, True)
          for index, choice in switches[:_MAX_WORD_SWITCHES]),
        _translated(pieces, _other(1), _pinyin_stretch, True),
        _translated(pieces, _other(2), _pinyin_stretch, True),
        _translated(pieces, _usual, _cantonese_stretch, False),
        _translated(pieces, _usual, _transcription_stretch, True),
        _translated(pieces, _usual, _rhotic_stretch, True),
        _translated(_brand_prefixed(pieces), _usual, _pinyin_stretch, True),
        _translated(pieces, _single_translated, _pinyin_stretch, True),
    ]
    if not foreign:
        found.append(_translated(pieces, _usual, _initials_stretch, True))
    return list(dict.fromkeys(tokens for tokens in found if tokens))


def readings(text: str) -> list[Reading]:
    """Every plausible Latin reading of a name written in Han characters, best first ([] if none)."""
    found = list(_readings(fold_han(text)))
    if _looks_japanese(text):  # 山田太郎 is Yamada Taro as well as Shantian Tailang
        from hoarfrost.names import kana

        found = unique_readings([*found[:MAX_READINGS - _MAX_JAPANESE], *kana.readings(text)[:_MAX_JAPANESE]])
    return found


# --- Japanese names in kanji alone ------------------------------------------------------------------
# A Japanese name written without kana reaches this reader; its Japanese reading (by pykakasi, through the
# kana reader) is added when the name looks Japanese: the iteration mark 々 or a character only Japanese
# writes (国字 such as 畑, 込, 峠, 辻), or a two-character family name of the common Japanese ones
# (general tables, not names of listed persons). It is read from the text as written: folded to simplified
# Chinese, 東條 would no longer read Tojo.
_MAX_JAPANESE = 4
_JAPANESE_ONLY = frozenset("々〆畑畠込峠辻働枠栃匂榊笹凪雫麿躾糀鰯鱈鴫")
_JAPANESE_SURNAMES = frozenset(re.findall(r"\S+", """
    佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 渡邉 山本 中村 小林 加藤 吉田 山田 山口 松本 井上 木村 斎藤 斉藤 清水 山崎
    池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 藤井 岡本
    藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 森田 上田 内田 柴田 酒井 宮崎 横山 高木 安藤 宮本 大野
    小島 谷口 今井 工藤 高田 増田 丸山 杉山 村田 大塚 新井 小山 平野 藤本 河野 上野 野口 武田 松井 千葉 岩崎 菅原
    木下 久保 佐野 野村 松尾 市川 菊地 杉本 古川 大西 島田 水野 桜井 高野 吉川 山内 西田 飯田 菊池 西川 小松 北村
    安田 川口 平田 中田 服部 岩田 土屋 川崎 福島 本田 樋口 秋山 田代 荒木 永井 中西
"""))


def _looks_japanese(text: str) -> bool:
    run = "".join(char for char in unicodedata.normalize("NFKC", text) if not char.isspace())
    if not 2 <= len(run) <= 7 or not all(_is_han(char) or char in "々〆" for char in run):
        return False
    return any(char in _JAPANESE_ONLY for char in run) or (len(run) >= 3 and run[:2] in _JAPANESE_SURNAMES)


# --- one scheme at a time --------------------------------------------------------------------------

def _syllable_text(text: str, spell: _Spell) -> str:
    return " ".join(_tokens(_analyse(fold_han(text)).parts, spell, False))


def hanyu_pinyin(text: str) -> str:
    """The name in toneless Hanyu Pinyin, one syllable per word, surnames read as surnames."""
    return _syllable_text(text, _pinyin_of)


def wade_giles(text: str, marks: bool = False) -> str:
    """The name in Wade-Giles, one syllable per word; with `marks`, apostrophes and ü as in textbooks."""
    if marks:
        return _syllable_text(text, lambda s: wade_giles_syllable(s.pinyin))
    return _syllable_text(text, _wade_giles_of)


def tongyong_pinyin(text: str) -> str:
    """The name in Tongyong Pinyin (Taiwan), one syllable per word."""
    return _syllable_text(text, _tongyong_of)


def mps2(text: str) -> str:
    """The name in Mandarin Phonetic Symbols II (Taiwan), one syllable per word."""
    return _syllable_text(text, _mps2_of)


def hong_kong_romanisation(text: str) -> str:
    """The name in the usual Hong Kong government spelling of its Cantonese, one syllable per word."""
    return _syllable_text(text, _cantonese_of)


def cantonese_jyutping(text: str) -> str:
    """The Han characters' Cantonese in Jyutping with tone digits, as ToJyutping reads them in context."""
    runs, _ = _runs(fold_han(text))
    return " ".join(syllable for run in runs if run.han for syllable in _context_jyutping(run.text) if syllable)


def split_han_name(text: str) -> tuple[str, ...]:
    """A personal name cut into family name(s) and given name, in folded characters: ("朱", "海仑").

    Text that is not one run of 2-4 Han characters comes back as its runs.
    """
    analysis = _analyse(fold_han(text))
    result: list[str] = []
    for part in analysis.parts:
        if part.latin:
            result.append(part.latin)
        elif analysis.person:
            result.extend("".join(syllable.char for syllable in word) for word in part.words)
        else:
            result.append("".join(syllable.char for word in part.words for syllable in word))
    return tuple(result)
