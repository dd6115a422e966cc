"""Turkish case endings for proper nouns and numbers, written after an apostrophe.

Vowel harmony follows the last vowel that is *heard*: for ordinary names that is the last
vowel written; an all-capital abbreviation with no vowel after its first letter ("ABD", "AB",
"KKTC") is read letter by letter, so its last letter's name decides ("ABD'nin" = "abede'nin");
a number is read aloud ("2023'te" = "iki bin yirmi üç'te"). A few foreign names break the rule
("Seul'de", "Senegal'in"); SOUNDS lists them, and callers may pass ``sound`` for others.
"""

from __future__ import annotations

from typing import Literal

Case = Literal["acc", "gen", "dat", "loc", "abl"]

VOWELS = "aeıioöuü"
FRONT = "eiöü"
# "Fıstıkçı şahap": after these the d of -de/-den hardens to t.
VOICELESS = "fstkçşhp"

_LOWER = str.maketrans({"I": "ı", "İ": "i"})

# How each consonant letter is named when an abbreviation is spelled out.
_LETTER_NAMES = {"h": "he", "k": "ka", "ğ": "yumuşak ge"}

_ONES = ["", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"]
_TENS = ["", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan"]


# Names whose ending follows a vowel other than the last one written: loanwords in -l often
# take front endings, as "gol" → "golde". Keyed by the name's last word.
SOUNDS = {"Senegal": "senegel", "Stockholm": "stokhelm", "Seul": "seül", "Nepal": "nepel"}


def lower_tr(text: str) -> str:
    """Lower-case text the Turkish way (I→ı, İ→i)."""
    return text.translate(_LOWER).lower()


def spoken_form(word: str) -> str:
    """The word as it is heard, lower-cased: abbreviations spelled out, numbers read aloud."""
    word = word.strip()
    last = word.rsplit(" ", 1)[-1]
    if last in SOUNDS:
        return SOUNDS[last]
    if word.isdigit():
        return number_word(int(word))
    if _is_spelled_abbreviation(word):
        last = lower_tr(word[-1])
        return last if last in VOWELS else _LETTER_NAMES.get(last, last + "e")
    return lower_tr(word)


def _is_spelled_abbreviation(word: str) -> bool:
    # "NATO" and "AGİT" are read as words; "ABD", "AB", "KKTC" letter by letter.
    if len(word) < 2 or not word.isupper() or not word.isalpha():
        return False
    return not any(c in VOWELS for c in lower_tr(word[1:]))


def number_word(n: int) -> str:
    """The last word of a non-negative integer read aloud in Turkish (2023 → 'üç')."""
    if n == 0:
        return "sıfır"
    if n % 10:
        return _ONES[n % 10]
    if n % 100:
        return _TENS[(n // 10) % 10]
    if n % 1000:
        return "yüz"
    if n % 1_000_000:
        return "bin"
    return "milyon"


def last_vowel(word: str, sound: str | None = None) -> str:
    """The last vowel heard in ``word`` (or in ``sound`` when given); 'e' when there is none."""
    spoken = lower_tr(sound) if sound else spoken_form(word)
    for char in reversed(spoken):
        if char in VOWELS:
            return char
    return "e"


def _two_way(vowel: str) -> str:
    return "e" if vowel in FRONT else "a"


def _four_way(vowel: str) -> str:
    return {"a": "ı", "ı": "ı", "e": "i", "i": "i", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}[vowel]


def case_ending(
    word: str, case: Case, *, possessive: bool = False, sound: str | None = None
) -> str:
    """The ending (without apostrophe) that ``word`` takes in ``case``.

    ``possessive`` marks a compound that already ends in the 3rd-person possessive
    ("Bildirgesi", "Protokolü"): those take an n buffer in every case ("Bildirgesi'ne").
    """
    spoken = lower_tr(sound) if sound else spoken_form(word)
    vowel = last_vowel(word, sound)
    ends_in_vowel = spoken[-1] in VOWELS
    hard = not ends_in_vowel and spoken[-1] in VOICELESS
    wide = _two_way(vowel)
    narrow = _four_way(vowel)
    if case == "loc":
        return ("n" if possessive else "") + ("t" if hard else "d") + wide
    if case == "abl":
        return ("n" if possessive else "") + ("t" if hard else "d") + wide + "n"
    if case == "gen":
        return ("n" if ends_in_vowel else "") + narrow + "n"
    buffer = ("n" if possessive else "y") if ends_in_vowel else ""
    if case == "acc":
        return buffer + narrow
    if case == "dat":
        return buffer + wide
    raise ValueError(f"unknown case {case!r}")


def inflect(word: str, case: Case, *, possessive: bool = False, sound: str | None = None) -> str:
    """``word`` with its apostrophe case ending: inflect('Bakü', 'loc') → "Bakü'de"."""
    return f"{word}'{case_ending(word, case, possessive=possessive, sound=sound)}"


def acc(word: str, sound: str | None = None) -> str:
    """Accusative: Lavrov'u, Kaya'yı, Bakü'yü."""
    return inflect(word, "acc", sound=sound)


def gen(word: str, sound: str | None = None) -> str:
    """Genitive: Lavrov'un, Kaya'nın, ABD'nin."""
    return inflect(word, "gen", sound=sound)


def dat(word: str, sound: str | None = None) -> str:
    """Dative: Bakü'ye, Ankara'ya, Paris'e."""
    return inflect(word, "dat", sound=sound)


def loc(word: str, sound: str | None = None) -> str:
    """Locative: Bakü'de, Ankara'da, Paris'te."""
    return inflect(word, "loc", sound=sound)


def abl(word: str, sound: str | None = None) -> str:
    """Ablative: Bakü'den, Ankara'dan, Paris'ten."""
    return inflect(word, "abl", sound=sound)


def also(word: str) -> str:
    """The clitic "de/da" ("too") after ``word``, written apart: 'Voronov' → 'da'."""
    return "de" if last_vowel(word.split()[-1]) in FRONT else "da"
