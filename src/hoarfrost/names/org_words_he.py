"""English translations of organisation vocabulary in Hebrew names.

Lists give a Hebrew organisation's Latin name as an English translation ("Moshe's Farm", "Nachala Movement"),
which no transliteration meets; as for Russian (org_words_ru), the vocabulary is translated word by word and
the rest transliterated. No maintained offline library translates Hebrew words, so the table is kept here:
ordinary words only (kinds of organisation, sectors, common place words), never an organisation's own name.

Hebrew writes the article ה "the", the conjunction ו "and" and the prepositions ב ל מ כ ש as prefixes of
the word, so a word is looked up as written and then without up to two such letters ("החווה" the farm,
"ולמען" and for). Nouns have a construct form ending in ת where the free form ends in ה ("תנועה" movement,
"תנועת נחלה" Nachala movement): both are listed. `ORG_WORDS` make a name an organisation's; `OTHER_WORDS` are
translated too but alone do not (places, adjectives); an empty translation drops the word ("של" of).
"""

from __future__ import annotations

from collections.abc import Mapping

from hoarfrost.names.word_tables import word_table

ORG_WORDS: Mapping[str, str] = word_table("""
    חווה=farm; חוות=farm; חוה=farm; תנועה=movement; תנועת=movement; עמותה=association; עמותת=association;
    אגודה=society; אגודת=society; איגוד=union; ארגון=organisation; ארגוני=organisations; חברה=company;
    חברת=company; חברות=companies; בנק=bank; קרן=fund; קרנות=funds; מרכז=centre; מכון=institute;
    אוניברסיטה=university; אוניברסיטת=university; מכללה=college; מכללת=college; משרד=ministry; משרדי=offices;
    מפלגה=party; מפלגת=party; ישיבה=yeshiva; ישיבת=yeshiva; מועצה=council; מועצת=council; ועד=committee;
    ועדה=committee; ועדת=committee; מאחז=outpost; מאחזים=outposts; התנחלות=settlement; התיישבות=settlement;
    קבוצה=group; קבוצת=group; נוער=youth; שירותים=services; שירותי=services; תעשיות=industries;
    תעשייה=industry; תעשיית=industry; מערכות=systems; טכנולוגיות=technologies; השקעות=investments;
    אחזקות=holdings; סחר=trading; יבוא=import; ייבוא=import; יצוא=export; ייצוא=export; הנדסה=engineering;
    לוגיסטיקה=logistics; תקשורת=communications; אנרגיה=energy; ביטוח=insurance; נכסים=properties;
    פיתוח=development; מחקר=research; בית=house; קהילה=community; קהילת=community; שיתופית=cooperative;
    שיתופי=cooperative; מושב=moshav; קיבוץ=kibbutz; כולל=kollel; לשכה=bureau; לשכת=bureau; רשות=authority;
    מטה=headquarters; חטיבה=brigade; חטיבת=brigade; גדוד=battalion; גדודי=battalions; פלוגה=company;
    פלוגת=company; משמר=guard; מחנה=camp; מחנות=camps; מוסד=institution; מוסדות=institutions
""")

OTHER_WORDS: Mapping[str, str] = word_table("""
    של=; עבור=for; למען=for; גבעה=hill; גבעת=hill; גבעות=hills; הר=mount; הרי=mountains; עמק=valley;
    עמקי=valleys; נחל=stream; ארץ=land; מדינה=state; מדינת=state; ישראל=israel; יהודה=judea; שומרון=samaria;
    ירושלים=jerusalem; יהודי=jewish; יהודית=jewish; יהודים=jews; לאומי=national; לאומית=national;
    בינלאומי=international; בינלאומית=international; קהילתית=community; קהילתי=community; אזורי=regional;
    אזורית=regional; חדש=new; חדשה=new; עולמי=world; עולמית=world; ביטחון=security; הגנה=defence; עזרה=aid;
    צדקה=charity; חינוך=education; תורה=torah; תורת=torah; דרום=south; צפון=north; מזרח=east; מערב=west;
    עתיד=future; שלום=peace; ציון=zion
""")

# Prefix letters: the article, "and", and the prepositions in, to, from, as, that.
_PREFIXES = frozenset("הובלמכש")
_FINALS = str.maketrans("ךםןףץ", "כמנפצ")
_ORG = {word.translate(_FINALS): english for word, english in ORG_WORDS.items()}
_OTHER = {word.translate(_FINALS): english for word, english in OTHER_WORDS.items()}


def translate_word(word: str) -> tuple[str, bool] | None:
    """(English, marks an organisation) for a Hebrew word of the vocabulary, with or without up to two
    prefix letters; None for any other word. Final letter forms are folded (ם is מ)."""
    word = word.translate(_FINALS)
    for strip in range(3):
        stem, prefixes = word[strip:], word[:strip]
        if len(stem) < 2 or any(letter not in _PREFIXES for letter in prefixes):
            break
        if stem in _ORG:
            return _ORG[stem], True
        if stem in _OTHER:
            return _OTHER[stem], False
    return None
