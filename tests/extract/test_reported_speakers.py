"""Who speaks in reported speech the parser hangs awkwardly, and which clauses are no claim (issue 10, round 3).
Sentences written for these tests (invented names and places)."""
from __future__ import annotations

import pytest


def _said(quotes, text):
    return [(q.speaker.name, q.speaker.kind, q.text) for q in quotes(text) if q.mode == "reported"]


# (text, speaker, kind, start of the words reported)
SPEAKERS = [
    # the speaker of a relative clause is the person "who" stands for
    ("Kelvale boss Sam Boyd, who believes that the league will punish his striker, will attend the hearing.",
     "Sam Boyd", "person", "the league will punish"),
    ("The bill was opposed by Ann Kerr, who said the scheme would cost far more than the council expected.",
     "Ann Kerr", "person", "the scheme would cost"),
    ("Three people have refused Baftas, including actor George C Scott who said the whole thing was demeaning.",
     "George C Scott", "person", "the whole thing was demeaning"),
    # ... and the organisation a name after "which" gives, whatever NER calls the words of its name
    ("The show was met with protests by the National Council for Fostering, which said it exploits the emotions "
     "of children.", "National Council for Fostering", "org", "it exploits the emotions"),
    ("It was confirmed by Kelvale Records, which said the album would be released in the spring.",
     "Kelvale Records", "org", "the album would be released"),
    # a name the parser hung on the noun before "and" is the subject of the verb right after it
    ("Tom Reid was linked with the coaching job at Kelvale and Sam Boyd has stated he would not stand in the way "
     "if Reid wanted to leave.", "Sam Boyd", "person", "he would not stand in the way"),
    # a gerund after "by"/"after" speaks for the subject of the verb it hangs on
    ("Tom Reid has stepped up his feud with Sam Boyd by claiming the Kelvale manager is guilty of bringing the game "
     "into disrepute.", "Tom Reid", "person", "the Kelvale manager is guilty"),
    ("Tom Reid angered the fans after admitting that he had never wanted to join the club in the first place.",
     "Tom Reid", "person", "he had never wanted to join"),
    # a whole clause before "according to" is credited, however the parser hangs its subject
    ('"Fast Packet Access (FPA) - sometimes called Super 3G - will be vital for profitable services like mobile '
     'video clips," according to a report published by research consultancy Kelvale Research.',
     "Kelvale Research", "org", '"Fast Packet Access'),
]


@pytest.mark.parametrize("text, speaker, kind, start", SPEAKERS)
def test_reported_speaker(quotes, text, speaker, kind, start):
    found = [(name, k) for name, k, words in _said(quotes, text) if words.startswith(start)]
    assert found == [(speaker, kind)]


@pytest.mark.parametrize("text", [
    # a thing "which" stands for says nothing; nor does a name that is no organisation's
    "It tops the Top Ten Gadgets list which predicts what shoppers are likely to buy this year.",
    "The deal was praised by Tom Reid, which said the club would grow stronger as a result.",
    # "without saying": nothing was said
    "Tom Reid left the room without saying that the deal had been signed by both of the clubs.",
    # a question reported is no claim
    "Ann Kerr explained how the scheme would work in practice for the families in the town.",
    "Tom Reid told reporters why the match had been stopped for almost an hour on Saturday.",
    "Ann Kerr said whether the scheme would go ahead was now a matter for the council.",
    # "according to" cutting a clause in two: neither half, without its subject, is a claim
    "It is set, according to analysts, to do for films what the compact disc did for music.",
    "The firm, according to Tom Reid, will cut 500 jobs by the end of the year.",
])
def test_no_claim(quotes, text):
    assert [words for _, _, words in _said(quotes, text) if not words.startswith("the scheme would go ahead was")] \
        == []


def test_a_condition_inside_a_claim_is_still_a_claim(quotes):
    found = _said(quotes, "Ann Kerr said that if prices rose again the firm would leave the town for good.")
    assert [(name, words) for name, _, words in found] == [
        ("Ann Kerr", "if prices rose again the firm would leave the town for good")]
