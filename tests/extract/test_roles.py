"""Who holds which role: titles in front of names and appositions after them."""
from __future__ import annotations

import pytest

from studyaid.document import Document, Exclusion
from studyaid.extract.roles import extract_roles


@pytest.fixture(scope="module")
def roles(parse, is_place):
    def _roles(text: str):
        document, doc = parse(text)
        return list(extract_roles(doc, document, is_place))

    return _roles


FOUND = [
    # seed 000
    ("Meanwhile, NATO Secretary-General Mark Rutte warned that Russia could threaten other European countries and "
     "stressed the importance of deterrence.",
     ("Mark Rutte", "Secretary-General", "NATO", "NATO Secretary-General")),
    # seed 000: an abbreviation for a country
    ("Macron and the UK Prime Minister Keir Starmer stressed that US backing is essential to make the initiative "
     "credible.",
     ("Keir Starmer", "Prime Minister", "United Kingdom", "UK Prime Minister")),
    # seed 004: an organisation of two words
    ("Speaking during a joint press conference with European Council President Antonio Costa, Ukraine\u2019s "
     "President Zelenskyy said that while the deal was still in its early stages, it is expected to involve troops "
     "on the ground in Ukraine.",
     ("Antonio Costa", "President", "European Council", "European Council President")),
    # seed 002: a possessive country
    ("Putin\u2019s stance came after Ukraine\u2019s President Volodymyr Zelensky, accompanied by Macron, revealed "
     "that 26 European states were ready to offer security guarantees to Ukraine post-war through a Coalition of the "
     "Willing.",
     ("Volodymyr Zelensky", "President", "Ukraine", "Ukraine\u2019s President")),
    # seed 000: a demonym
    ("Russian President Vladimir Putin has warned today, Friday 5 September, that any foreign troops deployed to "
     "Ukraine would be treated as \u201clegitimate targets\u201d by Moscow\u2019s forces.",
     ("Vladimir Putin", "President", "Russia", "Russian President")),
    # seed 001: an apposition after the name
    ("Michael Carpenter, a former White House national-security adviser and ambassador to the Organization for "
     "Security and Cooperation in Europe, suggested the Europeans were being naive about Moscow's position.",
     ("Michael Carpenter", "adviser", "White House", "former White House national-security adviser")),
    # seed 001: a lower-case modifier stays in the role, not in the title; no organisation named
    ("As the politicians spoke, Russian drones killed at least three people and injured three others late on "
     "September 4 in the Kharkiv region in northeastern Ukraine's, regional Governor Oleh Synyehubov said.",
     ("Oleh Synyehubov", "Governor", None, "regional Governor")),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_role_found(roles, text, expected):
    found = [(r.person.name, r.title, r.organization, r.role) for r in roles(text)]
    assert expected in found, found
    role = next(r for r in roles(text) if r.person.name == expected[0])
    assert role.person.kind == "person"
    assert text[role.sources[0].start:role.sources[0].end] == role.sources[0].sentence


def test_two_people_with_titles_in_one_sentence(roles):
    text = FOUND[2][0]
    found = {(r.person.name, r.title, r.organization) for r in roles(text)}
    assert found == {("Antonio Costa", "President", "European Council"), ("Zelenskyy", "President", "Ukraine")}


def test_a_title_does_not_swallow_the_name_before_it(roles):
    # seed 004: "Ukrainian President Zelenskyy" after a dash-led bullet
    found = roles("-Ukrainian President Zelenskyy confirmed Friday that an agreement is in place for "
                  "\u201cthousands\u201d of such troops.")
    assert [(r.person.name, r.title, r.organization) for r in found] == [("Zelenskyy", "President", "Ukraine")]


NO_ROLES = [
    # a title with no name: the person is resolved elsewhere, not a role fact
    "Trump made the remark as he hosted US tech titans at the White House for dinner on Thursday, adding that he has "
    "a \u201cvery good dialogue\u201d with the Russian leader.",
    "Zelenskyy and Macron also lamented Putin's refusal to meet with the Ukrainian president.",
    "The Russian president insisted that his troops would consider NATO troops \u201clegitimate targets.\u201d",
    "The French president and the Russian leader did not meet.",
    # a name with no title
    "Putin has often labeled Zelenskyy as illegitimate.",
    # a place is not a person, whatever is in front of it
    "Putin speaks at an economic forum in the Far Eastern port city of Vladivostok, Russia, on September 5.",
]


@pytest.mark.parametrize("text", NO_ROLES)
def test_no_role(roles, text):
    assert [(r.person.name, r.role) for r in roles(text)] == []


def test_roles_in_junk_are_not_read(nlp, is_place):
    text = "With reporting by RFE/RL's Ukrainian Service and Senior International Correspondent Mike Eckel"
    document = Document(path="t.txt", format="text", text=text,
                        excluded=(Exclusion(start=0, end=len(text), reason="publisher-notice"),))
    assert list(extract_roles(nlp(document.masked_text), document, is_place)) == []
