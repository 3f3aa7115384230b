"""Football clubs named after towns: in a story about the game, "Chelsea beat Porto" and "Porto's coach"
name clubs, not places. Read by :mod:`.places`, which keeps such a name as a place only after a
locative preposition that is no club use itself ("the match in Porto", "we lost at Newcastle").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .place_mentions import PlaceMention

# Football: an article using at least this many of these words is about the game, and there a city name
# that plays, is beaten, signs or has a coach is a club ("Chelsea beat Porto", "Porto's coach").
FOOTBALL_WORDS = frozenset(
    """
    match goal league cup striker midfielder defender goalkeeper keeper winger manager coach club season
    premiership fixture stadium transfer squad penalty referee derby boss signing champions football
    """.split()
)
MIN_FOOTBALL_WORDS = 3
# Verbs whose subject or object is a club in a football article: "Porto beat Benfica", "he joined Porto".
CLUB_VERBS = frozenset(
    """
    beat defeat draw lose face host play meet thrash edge overcome knock eliminate sign join leave manage
    coach trail lead score concede win visit hammer rout stun outplay
    """.split()
)
# Nouns a club has: "Porto's coach", "the Porto striker", "a win over Porto", "his spell at Porto".
CLUB_NOUNS = frozenset(
    """
    coach manager boss striker midfielder defender goalkeeper keeper winger player fan supporter chairman
    side team squad captain president forward win victory defeat draw tie clash spell stint move career
    """.split()
)
# Prepositions linking a club to a match or a move: "drew with Porto", "lost to Porto", "a win over Porto".
CLUB_PREPS = frozenset({"against", "with", "to", "by", "over", "from", "for"})
# "at X" is a club after a career word ("managed by Mourinho at Porto", "his spell at Porto"), a venue after a
# match verb ("we lost at Newcastle").
CAREER_WORDS = frozenset({"manage", "coach", "spend", "sign", "stay", "train", "work", "spell", "stint", "career",
                          "contract", "loan", "time", "day", "job", "post", "position", "role", "reign", "tenure"})


def about_football(doc: "Doc") -> bool:
    """Whether the article is about football: several of its words name the game's things."""
    return len({t.lemma_.lower() for t in doc if t.lemma_.lower() in FOOTBALL_WORDS}) >= MIN_FOOTBALL_WORDS


def club_names(doc: "Doc", mentions: list["PlaceMention"]) -> set[str]:
    """City names a football article uses as clubs anywhere ("Chelsea beat Porto", "Porto's coach",
    "managed by Mourinho at Porto"): in that article such a name is a place only after a locative preposition
    that is no club use itself ("the match in Porto", "we lost at Newcastle")."""
    if not any(m.entry is not None and m.entry.kind == "city" for m in mentions) or not about_football(doc):
        return set()
    return {m.name.text for m in mentions if m.entry is not None and m.entry.kind == "city" and club_use(m.root)}


def club_use(root: "Token") -> bool:
    """A city name standing as a club: subject or object of a match verb, owner of a player or result, or
    after a preposition of a match or a move ("lost to X", "his spell at X", "played under Y at X")."""
    while root.dep_ == "conj" and root.head.pos_ == "PROPN":
        root = root.head  # "Chelsea beat Porto and Benfica"
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "dobj") and head.lemma_.lower() in CLUB_VERBS:
        return True
    if root.dep_ in ("poss", "compound") and head.lemma_.lower() in CLUB_NOUNS:
        return True
    if root.dep_ != "pobj":
        return False
    governor = head.head
    if head.lower_ == "at":  # "his spell at Porto", "played under Mourinho at Porto"
        return governor.lemma_.lower() in CAREER_WORDS or any(
            c.dep_ == "prep" and c.lower_ == "under" for c in governor.children)
    return head.lower_ in CLUB_PREPS and governor.lemma_.lower() in CLUB_VERBS | CLUB_NOUNS
