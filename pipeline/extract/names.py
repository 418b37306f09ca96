"""Personal names: separating titles and forms of address from the name and splitting it into parts.

Works on token texts, so the same code serves NER spans, salutation patterns and corpus-wide merging.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.lexicons import PersonNames
from pipeline.nlp.first_names import known_first_name

# an upper-case letter of any alphabet („Ólafur“, „Štefan“; checked by is_name_token), then word
# characters; an Arabic article or an elided „d’“ may come first („al-Baschir“, „d’Estaing“)
_NAME_TOKEN = re.compile(r"^(?:(?:al|el|ad|as|asch|at|az|ar|ibn|bin)-|d['’])?(?P<first>[^\W\d_])[\w'’.-]*$")


def is_first_name(word: str) -> bool:
    """A known first name (the NLP package's lexicon); double names by their first part („Frank-Jürgen“)."""
    return bool(word) and known_first_name(word)


def is_name_token(word: str, names: PersonNames) -> bool:
    """Capitalised word (double names, apostrophes and initials allowed), no digits, not a title, not an
    acronym („Hertha BSC“ is a club)."""
    match = _NAME_TOKEN.match(word)
    if not match or not match["first"].isupper() or names.is_title(word) or any(c.isdigit() for c in word):
        return False
    return not (len(word) > 1 and word.isalpha() and word.isupper())


@dataclass(frozen=True)
class NameParts:
    """A personal name split into its parts (title kept separately, never part of ``name``)."""

    name: str  # full name as written, without titles („Frank-Jürgen Weise“, „Thomas W. Brandt“)
    first_name: str
    surname: str
    middle: str = ""  # further given names and initials; not part of the key

    @property
    def key(self) -> str:
        """Comparison key: case-folded first given name and surname (titles and initials ignored)."""
        return f"{self.first_name} {self.surname}".strip().casefold()


def _is_initial(word: str) -> bool:
    """„B.“, „Š.“: an upper-case letter and a full stop."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def split_name(words: list[str], names: PersonNames) -> NameParts | None:
    """Split name words („Ursula von der Leyen“, „Robert M. Böhmer“) or ``None`` if they are no name.

    The surname is the last word with the particles before it; the first word is the given name,
    further words before the surname are middle names. The name keeps initials as written („Thomas W.
    Brandt“); the key does not, so „Thomas Brandt“ is the same person.
    """
    words = [w for w in words if w]
    if len(words) == 2 and _is_initial(words[1]) and is_first_name(words[0]):
        # „Daniel B.“, „Heidi K.“: the press's shortened names of private persons
        return NameParts(name=" ".join(words), first_name=words[0], surname=words[1])
    if not words or not is_name_token(words[-1], names) or _is_initial(words[-1]):
        return None
    start = len(words) - 1
    while start > 0 and names.is_particle(words[start - 1]):
        start -= 1
    given, surname_words = words[:start], words[start:]
    if any(not is_name_token(w, names) for w in given):
        return None
    surname = " ".join(surname_words)
    if not given:
        return NameParts(name=surname, first_name="", surname=surname)
    if _is_initial(given[0]):
        return NameParts(name=surname, first_name="", surname=surname, middle=" ".join(given))
    return NameParts(
        name=" ".join([*given, surname]), first_name=given[0], surname=surname, middle=" ".join(given[1:])
    )
