"""Country names, codes and nationality adjectives to ISO 3166-1 alpha-2 codes.

pycountry holds the ISO names; lists also write countries the way the UN and
the press do ("Iran (Islamic Republic of)", "Russia", "Burma") and give
nationalities as adjectives ("Iraqi"), which no library maps, hence the small
alias table below. Codes are lower case, as in followthemoney.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

_ALIASES: dict[str, str] = {
    "russia": "ru", "iran": "ir", "syria": "sy", "north korea": "kp", "south korea": "kr",
    "korea north": "kp", "korea south": "kr", "dprk": "kp", "korea dprk": "kp",
    "democratic peoples republic of korea": "kp", "republic of korea": "kr", "korea": "kr",
    "vietnam": "vn", "laos": "la", "moldova": "md", "bolivia": "bo", "venezuela": "ve",
    "tanzania": "tz", "democratic republic of the congo": "cd", "congo democratic republic": "cd",
    "congo democratic republic of the": "cd", "drc": "cd", "republic of the congo": "cg",
    "congo republic of the": "cg", "congo": "cg", "ivory coast": "ci", "cote divoire": "ci",
    "burma": "mm", "macedonia": "mk", "czech republic": "cz", "turkey": "tr", "turkiye": "tr",
    "palestine": "ps", "palestinian territories": "ps", "west bank": "ps", "gaza": "ps",
    "gaza strip": "ps", "occupied palestinian territory": "ps", "kosovo": "xk",
    "united kingdom": "gb", "uk": "gb", "great britain": "gb", "britain": "gb",
    "usa": "us", "united states": "us", "united states of america": "us", "us": "us",
    "uae": "ae", "the netherlands": "nl", "holland": "nl", "swaziland": "sz",
    "cape verde": "cv", "east timor": "tl", "vatican": "va", "holy see": "va",
    "brunei": "bn", "micronesia": "fm", "taiwan": "tw", "hong kong": "hk", "macau": "mo",
    "soviet union": "suhh", "ussr": "suhh", "yugoslavia": "yucs", "crimea": "ua",
    "the gambia": "gm", "gambia the": "gm", "bahamas the": "bs", "st kitts and nevis": "kn",
    "st lucia": "lc", "st vincent and the grenadines": "vc", "sao tome and principe": "st",
    "kyrgyzstan": "kg", "state of palestine": "ps", "occupied palestinian territories": "ps",
    "china hong kong special administrative region": "hk", "hong kong sar": "hk",
    "china macao special administrative region": "mo", "macao sar": "mo", "former soviet union": "suhh",
    "cote d ivoire": "ci", "north macedonia the republic of": "mk", "man isle of": "im", "isle of man": "im",
    "bosnia herzegovina": "ba", "virgin islands british": "vg", "comoros islands": "km",
    "democratic republic of congo": "cd", "united kingdom of great britain": "gb",
    "libyan arab jamahiriya": "ly", "syrian arab republic": "sy",
}

_DEMONYMS: dict[str, str] = {
    "afghan": "af", "albanian": "al", "algerian": "dz", "american": "us", "angolan": "ao",
    "armenian": "am", "australian": "au", "austrian": "at", "azerbaijani": "az",
    "bahraini": "bh", "bangladeshi": "bd", "belarusian": "by", "belarussian": "by",
    "belgian": "be", "bosnian": "ba", "brazilian": "br", "british": "gb", "bruneian": "bn",
    "bulgarian": "bg", "burmese": "mm", "burundian": "bi", "cambodian": "kh",
    "cameroonian": "cm", "canadian": "ca", "central african": "cf", "chadian": "td",
    "chinese": "cn", "colombian": "co", "comoran": "km", "congolese": "cd",
    "croatian": "hr", "cuban": "cu", "cypriot": "cy", "czech": "cz", "danish": "dk",
    "djiboutian": "dj", "dutch": "nl", "egyptian": "eg", "emirati": "ae", "eritrean": "er",
    "estonian": "ee", "ethiopian": "et", "filipino": "ph", "finnish": "fi", "french": "fr",
    "georgian": "ge", "german": "de", "ghanaian": "gh", "greek": "gr", "guinean": "gn",
    "haitian": "ht", "hungarian": "hu", "indian": "in", "indonesian": "id", "iranian": "ir",
    "iraqi": "iq", "irish": "ie", "israeli": "il", "italian": "it", "japanese": "jp",
    "jordanian": "jo", "kazakh": "kz", "kazakhstani": "kz", "kenyan": "ke",
    "kosovar": "xk", "kuwaiti": "kw", "kyrgyz": "kg", "latvian": "lv", "lebanese": "lb",
    "libyan": "ly", "lithuanian": "lt", "malaysian": "my", "maldivian": "mv",
    "malian": "ml", "mauritanian": "mr", "mexican": "mx", "moldovan": "md",
    "mongolian": "mn", "moroccan": "ma", "mozambican": "mz", "nepalese": "np",
    "nicaraguan": "ni", "nigerian": "ng", "nigerien": "ne", "north korean": "kp",
    "norwegian": "no", "omani": "om", "pakistani": "pk", "palestinian": "ps",
    "panamanian": "pa", "philippine": "ph", "polish": "pl", "portuguese": "pt",
    "qatari": "qa", "romanian": "ro", "russian": "ru", "rwandan": "rw",
    "saudi": "sa", "saudi arabian": "sa", "senegalese": "sn", "serbian": "rs",
    "singaporean": "sg", "slovak": "sk", "slovenian": "si", "somali": "so",
    "south african": "za", "south korean": "kr", "south sudanese": "ss", "spanish": "es",
    "sri lankan": "lk", "sudanese": "sd", "swedish": "se", "swiss": "ch", "syrian": "sy",
    "tajik": "tj", "tajikistani": "tj", "tanzanian": "tz", "thai": "th",
    "tunisian": "tn", "turkish": "tr", "turkmen": "tm", "ugandan": "ug",
    "ukrainian": "ua", "uzbek": "uz", "uzbekistani": "uz", "venezuelan": "ve",
    "vietnamese": "vn", "yemeni": "ye", "zimbabwean": "zw", "korean": "kr",
}


# Codes lists use that ISO 3166 leaves to users: Kosovo, and "UK" for GB.
_USER_ASSIGNED = {"xk": "xk", "uk": "gb"}


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2.lower()
        table[_key(country.alpha_3)] = code
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                table[_key(value)] = code
                # "Iran (Islamic Republic of)" and "Iran, Islamic Republic of"
                table[_key(re.sub(r"\s*\(.*\)", "", value))] = code
    table.update(_ALIASES)
    table.update(_DEMONYMS)
    return table


@lru_cache(maxsize=4096)
def country_code(text: str | None) -> str | None:
    """The ISO 3166-1 alpha-2 code (lower case) for a country name, code or adjective."""
    if not text:
        return None
    key = _key(text)
    if not key:
        return None
    if len(key) == 2 and key.isalpha():
        if key in _USER_ASSIGNED:
            return _USER_ASSIGNED[key]
        return key if pycountry.countries.get(alpha_2=key.upper()) else None
    table = _table()
    if key in table:
        return table[key]
    parenthesised = _key(re.sub(r"\(.*?\)", " ", text))
    return table.get(parenthesised)


def country_codes(texts: list[str | None] | tuple[str | None, ...]) -> tuple[str, ...]:
    """Codes of several country texts, in order, without repeats or unknowns."""
    seen: dict[str, None] = {}
    for text in texts:
        code = country_code(text)
        if code:
            seen.setdefault(code, None)
    return tuple(seen)
