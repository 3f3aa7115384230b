"""Pairing quotation marks in raw text: curly, straight, mixed, unclosed paragraphs, single quotes."""
from __future__ import annotations

import pytest

from studyaid.extract.quote_marks import find_quotations, find_single_quotations

DOUBLE = [
    # curly pair inside a sentence (seed 000)
    ("Putin has warned that any foreign troops would be treated as \u201clegitimate targets\u201d by Moscow\u2019s forces.",
     [("legitimate targets", False)]),
    # straight quotes: a quote, its cue, and a second quote (seed 001)
    ('"Why are we interested in what Russia thinks about troops in Ukraine?" Rutte said. "It\'s a sovereign country."',
     [("Why are we interested in what Russia thinks about troops in Ukraine?", False),
      ("It's a sovereign country.", False)]),
    # straight open, curly close (seed 003)
    ('"And if decisions are reached that will lead to peace, to long-term peace, then I simply see no point in '
     'their presence on Ukrainian territory.\u201d',
     [("And if decisions are reached that will lead to peace, to long-term peace, then I simply see no point in "
       "their presence on Ukrainian territory.", False)]),
    # curly open, straight close
    ('had pledged to form a \u201creassurance force." Which according to Macron would not be deployed',
     [("reassurance force.", False)]),
    # a straight quote after a colon (seed 001)
    ('Trump told reporters: "Yeah, I will." He did not elaborate.', [("Yeah, I will.", False)]),
    # a partial quote closed after its comma: '"legitimate targets," in a blunt warning'
    ('declaring they would be "legitimate targets," in a blunt warning to Kyiv\'s Western allies as they look to '
     'agree on a "reassurance force."',
     [("legitimate targets,", False), ("reassurance force.", False)]),
    # a quote running to the end of its paragraph, continued in the next one (newspaper style)
    ("\u201cIf any troops appear there, especially now, during the fighting, we assume that they will be legitimate "
     "targets for destruction.\n\n\u201cAnd if decisions are reached, I simply see no point in their presence.\u201d",
     [("If any troops appear there, especially now, during the fighting, we assume that they will be legitimate "
       "targets for destruction.", True),
      ("And if decisions are reached, I simply see no point in their presence.", False)]),
    # apostrophes and possessives are not quotation marks
    ("Putin\u2019s threats came after 26 of Ukraine's allies and the allies\u2019 initiative.", []),
    # an inch mark with nothing open is not a closing mark
    ('The tablet has a 5" screen and "a clear picture" for the price.', [("a clear picture", False)]),
    # every quoted sentence of a paragraph opens a mark, only the last closes: one quotation per sentence
    ('The goalkeeper said: "We were poor in the first half. "The second half was better." He left early.',
     [("We were poor in the first half.", False), ("The second half was better.", False)]),
    ('"Is it over? "No, it is not," the coach said. "We go again on Sunday.',
     [("Is it over?", False), ("No, it is not,", False), ("We go again on Sunday.", True)]),
    # a quotation never closed before 'said: "': its words are of unknown extent, the new one opens there
    ('"We will learn. He was sent off twice. The coach said: "He is an option for Sunday. "We will decide later."',
     [("He is an option for Sunday.", False), ("We will decide later.", False)]),
    # a mark after a sentence's end with a space after it still closes the quotation
    ('He wrote "we lost. " and left the room.', [("we lost. ", False)]),
    # no quotation marks at all
    ("NATO Secretary-General Mark Rutte warned that Russia could threaten other European countries.", []),
]


@pytest.mark.parametrize("text, expected", DOUBLE)
def test_double_quotations(text, expected):
    found = list(find_quotations(text))
    assert [(q.text, q.unclosed) for q in found] == expected
    for q in found:
        assert text[q.start:q.end] == q.text  # offsets index the raw text exactly
        assert not q.single


def test_quotes_never_cross_a_paragraph():
    text = '"Peace guarantees must be for both, Russia and Ukraine\n\nstressed Putin." He left.'
    found = list(find_quotations(text))
    assert all("\n" not in q.text for q in found)
    assert found[0].unclosed and found[0].text == "Peace guarantees must be for both, Russia and Ukraine"


SINGLE = [
    # a headline's scare quote (seed 001)
    ("Putin Warns Against Foreign Troops In Ukraine As Europe Tries To Finalize 'Reassurance Force'",
     ["Reassurance Force"]),
    # curly single quotes next to an apostrophe (seed 004 teaser)
    ("The U.S. Navy\u2019s \u2018Achilles Heel\u2019: China\u2019s Underwater Drones", ["Achilles Heel"]),
    # a quoted phrase starting with a digit (seed 004 teaser)
    ("The F-35 Has a \u20185-Year Late\u2019 Problem", ["5-Year Late"]),
    # apostrophes only: possessives, contractions, plural possessives
    ("It's a sovereign country, Ukraine's allies said of the Europeans' position.", []),
    ("Putin doesn\u2019t get to decide on the allies\u2019 deployment.", []),
]


@pytest.mark.parametrize("text, expected", SINGLE)
def test_single_quotations(text, expected):
    found = list(find_single_quotations(text))
    assert [q.text for q in found] == expected
    for q in found:
        assert q.single and text[q.start:q.end] == q.text


@pytest.mark.parametrize("text, words", [
    ("legitimate targets", 2),
    ("by land, sea or air", 5),
    ("26 countries", 1),
])
def test_quotation_word_count(text, words):
    q = next(find_quotations(f"\u201c{text}\u201d"))
    assert q.words == words
