"""Junk marking on real lines of the seed articles, and the real sentences that must survive it."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from studyaid.document import Document, Exclusion
from studyaid.ingest import read_document
from studyaid.ingest.boilerplate import guess_title, mark_junk, merge_exclusions
from studyaid.ingest.dates import find_date, parse_date
from studyaid.ingest.structure import is_heading, sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# A real article paragraph (seed 001) put before a junk line, so the junk is not the first line.
LEAD = (
    "The European Commission has proposed legislation to phase out all EU imports of Russian oil and "
    "gas by January 1, 2028.\n\n"
)
LEAD2 = (
    "Hungary and Slovakia, both led by nationalist leaders sympathetic to the Kremlin, however, have continued "
    "to import Russian energy products.\n"
)
LEAD3 = "Zelenskyy and Macron also lamented Putin's refusal to meet with the Ukrainian president.\n\n"
LEAD_000 = (
    "Russian President Vladimir Putin has warned today, Friday 5 September, that any foreign troops "
    "deployed to Ukraine before a peace agreement is signed would be treated as \u201clegitimate targets\u201d "
    "by Moscow\u2019s forces. This statement comes hours after 26 of Ukraine\u2019s allies pledged to send "
    "troops as part of a so-called \u201creassurance force\u201d.\n"
    "But what does this \u201creassurance force\u201d entail, and how does it fit with Putin\u2019s threats?\n"
)
REPEAT_000 = (
    "Russian President Vladimir Putin has warned today, Friday, that any foreign troops deployed to "
    "Ukraine before a peace agreement is signed would be treated as \u201clegitimate targets\u201d by "
    "Moscow\u2019s forces. This statement comes hours after 26 of Ukraine\u2019s allies pledged to send "
    "troops as part of a so-called \u201creassurance force\u201d. But what does this \u201creassurance force\u201d "
    "entail, and how does it fit with Putin\u2019s threats?"
)
CAPTION = "Putin speaks at an economic forum in the Far Eastern port city of Vladivostok, Russia, on September 5."
VIDEO = "Zelenskyy, Macron Say Allies Agree On Post-War Security Guarantees"
BIO_004 = (
    "Jack Buckby is a British author, counter-extremism researcher, and journalist based in New York who "
    "writes frequently for National Security Journal. Reporting on the U.K., Europe, and the U.S., he works "
    "to analyze and understand left-wing and right-wing radicalization, and reports on Western governments\u2019 "
    "approaches to the pressing issues of today. His books and research papers explore these themes and "
    "propose pragmatic solutions to our increasingly polarized society."
)
RUSSIA_NOTICE = (
    "If you are in Russia or the Russia-controlled parts of Ukraine and hold a Russian passport or are a "
    "stateless person residing permanently in Russia or the Russia-controlled parts of Ukraine, please note "
    "that you could face fines or imprisonment for sharing, liking, commenting on, or saving our content, "
    "or for contacting us."
)
RFERL_SELF = (
    "RFE/RL journalists report the news in 27\u00a0languages in 23\u00a0countries where a free press is banned "
    "by the government or not fully established. We provide what many people cannot get locally: "
    "uncensored news, responsible discussion, and open debate."
)
LAST_003 = (
    "Trump made the remark as he hosted US tech titans at the White House for dinner on Thursday, adding "
    "that he has a \u201cvery good dialogue\u201d with the Russian leader and expressing hope that the US-led "
    "peace efforts will soon yield progress."
)
OPENING_003 = (
    "Russian President Vladimir Putin has rejected Western proposals for a \"reassurance force\" in Ukraine "
    "the day after any ceasefire comes into place, following a Paris summit aimed at finalising plans for "
    "security guarantees."
)
OPENING_004 = (
    "Russian President Vladimir Putin issued a direct threat this week, warning that any Western troops "
    "sent to Ukraine would be considered \u201clegitimate targets.\u201d"
)


def _short_id(value: object) -> str:
    if isinstance(value, str):
        return value[len(LEAD) :][:30] if value.startswith(LEAD) else value[:30]
    return "+".join(reason for _, reason in value)  # type: ignore[union-attr]


def junk(text: str) -> list[tuple[str, str]]:
    return [(text[e.start : e.end], e.reason) for e in mark_junk(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # navigation
        ("Accessibility links\n\nBreaking News\n\n" + LEAD2, [("Accessibility links\n\nBreaking News", "navigation")]),
        (LEAD + "Updated\n\n" + LEAD2, [("Updated", "navigation")]),
        (LEAD + "XS\nSM\nMD\nLG", [("XS\nSM\nMD\nLG", "navigation")]),
        (LEAD + "  \u2022 16x9 Image\n", [("\u2022", "markup"), ("16x9 Image", "navigation")]),
        (LEAD + "Published 5 September 2025\n\n" + LEAD2, [("Published 5 September 2025", "navigation")]),
        # headings, including the first-line title and short section questions
        (LEAD + "Trump's Frustrations\n\n" + LEAD2, [("Trump's Frustrations", "heading")]),
        (LEAD + "The Search For Security Guarantees\n" + LEAD2, [("The Search For Security Guarantees", "heading")]),
        (LEAD + "Why Now?\n" + LEAD2, [("Why Now?", "heading")]),
        (LEAD + "Putin Makes a Big Threat\n" + LEAD2, [("Putin Makes a Big Threat", "heading")]),
        (
            "Putin Rejects Western Proposal for \u201cReassurance Force\u201d in Ukraine\n" + LEAD2,
            [("Putin Rejects Western Proposal for \u201cReassurance Force\u201d in Ukraine", "heading")],
        ),
        (
            "Putin warns foreign troops in Ukraine would be legitimate targets\n" + LEAD2,
            [("Putin warns foreign troops in Ukraine would be legitimate targets", "heading")],
        ),
        # media player
        (
            LEAD + f"{VIDEO} {VIDEO}\nplease wait\n\nNo media source currently available\n\n0:00 0:01:18 0:00\n\n"
            + LEAD2,
            [
                (
                    f"{VIDEO} {VIDEO}\nplease wait\n\nNo media source currently available\n\n0:00 0:01:18 0:00",
                    "media-player",
                )
            ],
        ),
        # a caption given twice: both copies
        (LEAD + f"{CAPTION}\n{CAPTION}\n\n" + LEAD2, [(f"{CAPTION}\n{CAPTION}", "caption")]),
        # author bios
        (
            LEAD + "Evi Kiorri is a Brussels-based journalist, multimedia producer, and podcaster with deep "
            "experience in European affairs.",
            [
                (
                    "Evi Kiorri is a Brussels-based journalist, multimedia producer, and podcaster with deep "
                    "experience in European affairs.",
                    "author-bio",
                )
            ],
        ),
        (LEAD + "About the Author:\n" + BIO_004, [("About the Author:\n" + BIO_004, "author-bio")]),
        # publisher notices
        (
            LEAD + "Production: By Europod, in co-production with Sphera Network.\n" + LEAD2,
            [("Production: By Europod, in co-production with Sphera Network.", "publisher-notice")],
        ),
        (
            LEAD + "EUobserver is proud to have an editorial partnership with Europod to co-publish the podcast "
            "series \u201cLong Story Short\u201d hosted by Evi Kiorri. The podcast is available on all major platforms.",
            [
                (
                    "EUobserver is proud to have an editorial partnership with Europod to co-publish the podcast "
                    "series \u201cLong Story Short\u201d hosted by Evi Kiorri. The podcast is available on all major "
                    "platforms.",
                    "publisher-notice",
                )
            ],
        ),
        (
            LEAD + "You can find the transcript here if you prefer reading:\n" + LEAD2,
            [("You can find the transcript here if you prefer reading:", "publisher-notice")],
        ),
        (
            LEAD + "With reporting by RFE/RL's Ukrainian Service and Senior International Correspondent Mike Eckel",
            [
                (
                    "With reporting by RFE/RL's Ukrainian Service and Senior International Correspondent Mike Eckel",
                    "publisher-notice",
                )
            ],
        ),
        (LEAD + "    " + RFERL_SELF + "\n\n" + LEAD2, [(RFERL_SELF, "publisher-notice")]),
        (LEAD + RUSSIA_NOTICE + "\n\n" + LEAD2, [(RUSSIA_NOTICE, "publisher-notice")]),
        (LEAD + "To find out more, click here.\n\n" + LEAD2, [("To find out more, click here.", "publisher-notice")]),
        # a notice sentence inside a real paragraph: only the sentence goes
        (
            "Putin rejected the plan on Friday, officials said. Sign up for our free newsletter here.",
            [("Sign up for our free newsletter here.", "publisher-notice")],
        ),
        # everything after a late credit line is publisher matter
        (
            LEAD + LEAD2 + LEAD3 + "With reporting by Reuters\n\nRFE/RL has been declared an \"undesirable organization\" by "
            "the Russian government.",
            [
                (
                    "With reporting by Reuters\n\nRFE/RL has been declared an \"undesirable organization\" by the "
                    "Russian government.",
                    "publisher-notice",
                )
            ],
        ),
        (
            LEAD + "Reporting by Guy Faulconbridge in Moscow; Editing by Alex Richardson",
            [("Reporting by Guy Faulconbridge in Moscow; Editing by Alex Richardson", "publisher-notice")],
        ),
        (LEAD + "\u2022\n" + LEAD2, [("\u2022", "markup")]),
        # a "More ..." section heading without headlines after it ends nothing
        (LEAD + LEAD2 + "More Sanctions\n" + LEAD3, [("More Sanctions", "teaser-list")]),
        # teaser list
        (
            LEAD + "More Military\nThe U.S. Navy\u2019s \u2018Achilles Heel\u2019: China\u2019s Underwater Drones\n"
            "The F-35 Has a \u20185-Year Late\u2019 Problem\nX-37B: Russia Thinks This is a Space Bomber",
            [
                (
                    "More Military\nThe U.S. Navy\u2019s \u2018Achilles Heel\u2019: China\u2019s Underwater Drones\n"
                    "The F-35 Has a \u20185-Year Late\u2019 Problem\nX-37B: Russia Thinks This is a Space Bomber",
                    "teaser-list",
                )
            ],
        ),
        # a transcript repeating the opening paragraphs: the later copy goes, the first stays
        (
            LEAD_000 + "Production: By Europod.\n" + REPEAT_000 + "\n",
            [("Production: By Europod.", "publisher-notice"), (REPEAT_000, "repeated")],
        ),
        # dateline and sign-off
        (" date 2025-09-05 VLADIVOSTOK \u2014 " + OPENING_003 + "\n", [("date 2025-09-05 VLADIVOSTOK \u2014", "dateline")]),
        ("MOSCOW (Reuters) - " + OPENING_003, [("MOSCOW (Reuters) -", "dateline")]),
        (LEAD + LAST_003 + " \u2014 Agencies", [("\u2014 Agencies", "dateline")]),
        # markup: labels and bullets
        ("Key Points and Summary \u2013 " + OPENING_004 + "\n", [("Key Points and Summary \u2013", "markup")]),
        (
            LEAD + "-His comments are a direct response to a plan announced Thursday by a UK- and French-led "
            "coalition to send a post-war \u201creassurance\u201d force to guard Ukraine\u2019s borders.",
            [("-", "markup")],
        ),
        (
            "Summary\n\n  \u2022 Russian President Vladimir Putin warned that foreign troops deployed in Ukraine "
            "would be treated as \"legitimate targets.\"\n",
            [("Summary", "navigation"), ("\u2022", "markup")],
        ),
    ],
    ids=_short_id,
)
def test_marks_junk(text: str, expected: list[tuple[str, str]]) -> None:
    assert junk(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"Why are we interested in what Russia thinks about troops in Ukraine?" Rutte said. "It\'s a sovereign country."',
        "\"While European leaders claim Putin doesn\u2019t get to decide on the deployment of a reassurance force, "
        "that is belied by the fact that no country is willing to deploy to Ukraine absent a cease-fire, which of "
        "course Russia must agree to,\" he told RFE/RL.",
        "\"The risk is therefore very real that the Coalition of [the] Willing is providing Ukraine with a Potemkin "
        "security guarantee that will very much depend on Moscow's acquiescence,\" he said.",
        "At the same time, Russia continues to reject any external guarantees for Ukraine and has stepped up drone "
        "and missile strikes. Ukraine\u2019s air force reported intercepting 84 out of 112 drones launched overnight "
        "on Thursday.",
        "\u201cAnd if decisions are reached that will lead to peace, to long-term peace, then I simply see no point "
        "in their presence on Ukrainian territory.\u201d",
        "\u201cIt will definitely not be single digits, but in the thousands,\u201d Zelenskyy said. \u201cAnd that is "
        "a fact, but it is still a little too early to talk about it.\u201d",
        "\"It is important that the United States is with us. We talked with President Trump today. Many thanks "
        "for his involvement,\" Zelenskyy said.",
        "Asked directly if he planned to speak to Putin in the near future, Trump told reporters: \"Yeah, I will.\" "
        "He did not elaborate.",
        "The value of EU imports of Russian fossil fuels totaled 21.9 billion euros ($23.6 billion) this year, "
        "according to the Helsinki-based Center for Research on Energy and Clean Air.",
        "Michael Carpenter, a former White House national-security adviser and ambassador to the Organization for "
        "Security and Cooperation in Europe, suggested the Europeans were being naive about Moscow's position.",
        "Such a deal would put NATO troops closer to Russia than before the war.",
        "Evan Gershkovich is a reporter who was detained in Yekaterinburg in March 2023.",
        "The allies agreed on intelligence sharing and training for Ukraine's forces.",
        LEAD_000,
        "Putin met Trump in Alaska in August 2025",  # a one-line note is not a title
        # "reporting by" in a sentence is not a credit line, and what follows it is kept
        LEAD + LEAD2 + "Reporting by the BBC showed that Russian drones struck the Kharkiv region overnight.\n\n" + LEAD3,
        # a summary bullet, then the body paragraph that says it again in other words
        "Russian President Vladimir Putin warned that foreign troops deployed in Ukraine would be treated as "
        "\"legitimate targets.\"\n\nRussian President Vladimir Putin has warned against the deployment of any "
        "foreign troops into Ukraine, declaring they would be \"legitimate targets,\" in a blunt warning to Kyiv's "
        "Western allies as they look to agree on a \"reassurance force.\"",
    ],
)
def test_keeps_real_sentences(text: str) -> None:
    assert mark_junk(text) == ()


@pytest.mark.parametrize(
    ("line", "first", "expected"),
    [
        ("Trump's Frustrations", False, True),
        ("Why Now?", False, True),
        ("About the Author:", False, True),
        ("Putin Threatens to Target NATO Troops In Ukraine", False, True),
        ("But what does this \u201creassurance force\u201d entail, and how does it fit with Putin\u2019s threats?", False, False),
        ("He said:", False, False),
        ("Putin said the troops would be targets", False, False),
        ("Putin met Trump in Alaska in August 2025", False, False),
        ("Putin said the troops would be targets", True, True),
        ("Such a deal would put NATO troops closer to Russia than before the war.", True, False),
        ("\u201cWhy Now?\u201d", False, False),
    ],
)
def test_is_heading(line: str, first: bool, expected: bool) -> None:
    assert is_heading(line, first) is expected


def test_sentences_skip_abbreviations() -> None:
    text = "U.S. President Donald Trump responded. He met Jr. officials. Mr. Rutte spoke! Then \u201cyes.\u201d Done"
    assert [text[s:e] for s, e in sentences(text)] == [
        "U.S. President Donald Trump responded.",
        "He met Jr. officials.",
        "Mr. Rutte spoke!",
        "Then \u201cyes.\u201d",
        "Done",
    ]


def test_merge_exclusions_earlier_groups_win_and_neighbours_join() -> None:
    text = "# Title here\nbody text\n"
    merged = merge_exclusions(
        text, [(0, 1, "markup")], [(0, 12, "heading")], [(13, 17, "navigation"), (18, 22, "navigation")]
    )
    assert merged == (
        Exclusion(start=0, end=1, reason="markup"),
        Exclusion(start=2, end=12, reason="heading"),
        Exclusion(start=13, end=22, reason="navigation"),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2025-09-05 VLADIVOSTOK \u2014 Putin spoke.", "2025-09-05"),
        ("Title\nPublished: September 5, 2025\n\nText.", "2025-09-05"),
        ("Updated 4 Sept. 2025 10:00 GMT\n\nText.", "2025-09-04"),
        ("Putin spoke on September 5 in Vladivostok.", None),
        (" date 2025-13-45 nowhere", None),
    ],
)
def test_find_date(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


def test_parse_date_formats() -> None:
    assert parse_date("Sept. 5, 2025") == "2025-09-05"
    assert parse_date("5 September 2025") == "2025-09-05"
    assert parse_date("yesterday") is None


def test_guess_title_only_before_kept_text() -> None:
    text = "Breaking News\n\nA Title Here\n\nReal text follows.\n\nLater Heading\n"
    excluded = mark_junk(text)
    assert guess_title(text, excluded) == "A Title Here"
    assert guess_title("Real text.\n\nA Heading\n", mark_junk("Real text.\n\nA Heading\n")) is None


# --- per seed -----------------------------------------------------------------------------------
SEED_COUNTS = {
    "000": {"publisher-notice": 1, "repeated": 1, "heading": 1, "author-bio": 1},
    "001": {"navigation": 5, "heading": 3, "caption": 1, "markup": 4, "media-player": 1, "publisher-notice": 2},
    "002": {"heading": 1},
    "003": {"dateline": 2},
    "004": {"markup": 3, "heading": 3, "author-bio": 1, "teaser-list": 1},
}

MUST_KEEP = {
    "000": [
        "Russian President Vladimir Putin has warned today, Friday 5 September, that any foreign troops deployed",
        "Ukraine\u2019s air force reported intercepting 84 out of 112 drones launched overnight on Thursday.",
        "For now, the Paris summit shows that Europe and its allies are preparing for a post-war Ukraine, although "
        "there is no peace in sight yet.",
        "Macron said the plan is not about waging war against Russia but about ensuring stability and security.",
    ],
    "001": [
        '"Why are we interested in what Russia thinks about troops in Ukraine?" Rutte said.',
        "\"While European leaders claim Putin doesn\u2019t get to decide on the deployment of a reassurance force, that "
        "is belied by the fact that no country is willing to deploy to Ukraine absent a cease-fire, which of course "
        "Russia must agree to,\" he told RFE/RL.",
        "\"The risk is therefore very real that the Coalition of [the] Willing is providing Ukraine with a Potemkin "
        "security guarantee that will very much depend on Moscow's acquiescence,\" he said.",
        "Russian President Vladimir Putin warned that foreign troops deployed in Ukraine would be treated as "
        "\"legitimate targets.\"",
        "Asked directly if he planned to speak to Putin in the near future, Trump told reporters: \"Yeah, I will.\"",
        "He said the men were killed while working as part of a road construction crew in the village of Khotimlya.",
    ],
    "002": [
        "\u201cAnd if decisions are reached that will lead to peace, to long-term peace, then I simply see no point in "
        "their presence on Ukrainian territory.\u201d",
        "Macron also threatened further economic sanctions on Moscow to ramp up pressure and push for negotiations, "
        "while US President Donald Trump expressed plans for more talks with Putin.",
    ],
    "003": [
        OPENING_003,
        "\u201cIf these agreements are reached, no one doubts that Russia will implement them in full.\u201d",
        "\u201cPeace guarantees must be for both, Russia and Ukraine,\u201d stressed Putin.",
        LAST_003,
    ],
    "004": [
        OPENING_004,
        "His comments are a direct response to a plan announced Thursday by a UK- and French-led coalition",
        "\u201cIt will definitely not be single digits, but in the thousands,\u201d Zelenskyy said.",
        "Such a deal would put NATO troops closer to Russia than before the war.",
        "U.S. President Donald Trump responded by floating the possibility of sending Chinese troops to Ukraine, instead.",
    ],
}

MUST_EXCLUDE = {
    "000": [
        ("Production: By Europod, in co-production with Sphera Network.", "publisher-notice", 0),
        ("The podcast is available on all major platforms.", "publisher-notice", 0),
        ("You can find the transcript here if you prefer reading:", "publisher-notice", 0),
        ("So what comes next?", "heading", 0),
        (REPEAT_000, "repeated", 0),
        ("Evi Kiorri is a Brussels-based journalist", "author-bio", 0),
        ("Evi Kiorri is a Brussels-based journalist", "author-bio", 1),
    ],
    "001": [
        ("Accessibility links", "navigation", 0),
        ("Breaking News", "navigation", 0),
        ("Putin Warns Against Foreign Troops In Ukraine As Europe Tries To Finalize 'Reassurance Force'", "heading", 0),
        ("Updated", "navigation", 0),
        (CAPTION, "caption", 0),
        (CAPTION, "caption", 1),
        ("Summary", "navigation", 0),
        (f"{VIDEO} {VIDEO}", "media-player", 0),
        ("please wait", "media-player", 0),
        ("No media source currently available", "media-player", 0),
        ("0:00 0:01:18 0:00", "media-player", 0),
        ("Trump's Frustrations", "heading", 0),
        ("The Search For Security Guarantees", "heading", 0),
        ("With reporting by RFE/RL's Ukrainian Service", "publisher-notice", 0),
        ("16x9 Image", "navigation", 0),
        (RFERL_SELF, "publisher-notice", 0),
        ("RFE/RL has been declared an \"undesirable organization\" by the Russian government.", "publisher-notice", 0),
        (RUSSIA_NOTICE, "publisher-notice", 0),
        ("To find out more, click here.", "publisher-notice", 0),
        ("XS\nSM\nMD\nLG", "navigation", 0),
    ],
    "002": [("Putin Rejects Western Proposal for \u201cReassurance Force\u201d in Ukraine", "heading", 0)],
    "003": [("date 2025-09-05 VLADIVOSTOK \u2014", "dateline", 0), ("\u2014 Agencies", "dateline", 0)],
    "004": [
        ("Key Points and Summary \u2013", "markup", 0),
        ("Putin Threatens to Target NATO Troops In Ukraine", "heading", 0),
        ("Putin Makes a Big Threat", "heading", 0),
        ("Why Now?", "heading", 0),
        ("About the Author:", "author-bio", 0),
        (BIO_004, "author-bio", 0),
        ("His latest book is The Truth Teller: RFK Jr. and the Case for a Post-Partisan Presidency.", "author-bio", 0),
        ("More Military", "teaser-list", 0),
        ("X-37B: Russia Thinks This is a Space Bomber", "teaser-list", 0),
    ],
}


def seed(prefix: str) -> Document:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_document(path)


def nth(text: str, snippet: str, n: int) -> int:
    start = -1
    for _ in range(n + 1):
        start = text.index(snippet, start + 1)
    return start


@pytest.mark.parametrize("prefix", sorted(SEED_COUNTS))
def test_seed_exclusion_counts(prefix: str) -> None:
    document = seed(prefix)
    assert dict(Counter(e.reason for e in document.excluded)) == SEED_COUNTS[prefix]


@pytest.mark.parametrize("prefix", sorted(SEED_COUNTS))
def test_seed_exclusions_sorted_disjoint_trimmed(prefix: str) -> None:
    document = seed(prefix)
    previous_end = 0
    for ex in document.excluded:
        assert previous_end <= ex.start < ex.end <= len(document.text)
        piece = document.text[ex.start : ex.end]
        assert piece == piece.strip()
        previous_end = ex.end


@pytest.mark.parametrize(("prefix", "sentence"), [(p, s) for p, rows in MUST_KEEP.items() for s in rows])
def test_seed_real_sentences_are_kept(prefix: str, sentence: str) -> None:
    document = seed(prefix)
    start = document.text.index(sentence)
    assert document.exclusion_at(start, start + len(sentence)) is None
    assert document.masked_text[start : start + len(sentence)] == sentence


@pytest.mark.parametrize(
    ("prefix", "snippet", "reason", "n"), [(p, s, r, n) for p, rows in MUST_EXCLUDE.items() for s, r, n in rows]
)
def test_seed_junk_is_excluded(prefix: str, snippet: str, reason: str, n: int) -> None:
    document = seed(prefix)
    start = nth(document.text, snippet, n)
    for i in range(start, start + len(snippet)):
        if not document.text[i].isspace():
            ex = document.exclusion_at(i, i + 1)
            assert ex is not None and ex.reason == reason, (i, document.text[i], ex)


@pytest.mark.parametrize(
    ("prefix", "title", "date"),
    [
        ("000", None, None),
        ("001", "Putin Warns Against Foreign Troops In Ukraine As Europe Tries To Finalize 'Reassurance Force'", None),
        ("002", "Putin Rejects Western Proposal for \u201cReassurance Force\u201d in Ukraine", None),
        ("003", None, "2025-09-05"),
        ("004", None, None),
    ],
)
def test_seed_title_and_date(prefix: str, title: str | None, date: str | None) -> None:
    document = seed(prefix)
    assert (document.title, document.date) == (title, date)


# --- layouts other than the seeds' ------------------------------------------------------------------
OTHER_SITE = """Skip to main content
Menu
World
Ukraine war: Zelensky says Kyiv ready for talks with Putin

12 August 2025
Share
Save
Getty Images
Zelensky spoke in Kyiv on Tuesday (Photo by Sergei Supinsky/AFP via Getty Images)

KYIV, Ukraine (AP) \u2014 Ukrainian President Volodymyr Zelenskyy said Tuesday that Kyiv is ready for talks with \
Russian President Vladimir Putin "in any format," but warned that Moscow must first agree to a ceasefire.

"We are ready for a meeting at the level of leaders," Zelenskyy told reporters in Kyiv.

Russia launched 45 drones and two missiles overnight, Ukraine's air force said. Most of the drones were shot down, \
it said.

What happens next?

The Kremlin has not responded to the proposal.

Related Topics
Russia-Ukraine war
Vladimir Putin

More on this story
Russia and Ukraine swap prisoners of war
What we know about the peace talks

Copyright 2025 BBC. All rights reserved. Read about our approach to external linking.
"""


def test_another_site_layout() -> None:
    assert junk(OTHER_SITE) == [
        ("Skip to main content\nMenu", "navigation"),
        ("World", "heading"),
        ("Ukraine war: Zelensky says Kyiv ready for talks with Putin", "heading"),
        ("12 August 2025\nShare\nSave", "navigation"),
        (
            "Getty Images\nZelensky spoke in Kyiv on Tuesday (Photo by Sergei Supinsky/AFP via Getty Images)",
            "caption",
        ),
        ("KYIV, Ukraine (AP) \u2014", "dateline"),
        ("What happens next?", "heading"),
        (
            "Related Topics\nRussia-Ukraine war\nVladimir Putin\n\nMore on this story\nRussia and Ukraine swap "
            "prisoners of war\nWhat we know about the peace talks",
            "teaser-list",
        ),
        ("Copyright 2025 BBC. All rights reserved. Read about our approach to external linking.", "publisher-notice"),
    ]
    excluded = mark_junk(OTHER_SITE)
    assert guess_title(OTHER_SITE, excluded) == "Ukraine war: Zelensky says Kyiv ready for talks with Putin"
    assert find_date(OTHER_SITE) == "2025-08-12"


HARD_WRAPPED = """Putin Warns Against Foreign Troops

Russian President Vladimir Putin has warned against the deployment of any
foreign troops into Ukraine, declaring they would be "legitimate targets," in
a blunt warning to Kyiv's Western allies.

The Search For Security Guarantees
Trump has also criticized Zelenskyy for refusing to consider ceding any
Ukrainian sovereign territory to Russia as part of a potential peace deal.
Zelenskyy has said that would violate Ukraine's constitution.

Sign up for our newsletter to get the latest news
delivered to your inbox every morning.
"""


def test_hard_wrapped_paragraphs() -> None:
    assert junk(HARD_WRAPPED) == [
        ("Putin Warns Against Foreign Troops", "heading"),
        ("The Search For Security Guarantees", "heading"),
        ("Sign up for our newsletter to get the latest news\ndelivered to your inbox every morning.", "publisher-notice"),
    ]


@pytest.mark.parametrize("notice, kept", [
    ("Listen to the full interview on the station's website from 1900 GMT.",
     "The manager said the club would not sell its captain this summer."),
    ("Watch the whole match on BBC Two at 2100 BST.",
     "The visitors scored twice in the last ten minutes to win the cup."),
    ("The final episode is on BBC One on Sunday at 2100 GMT.",
     "The series drew more than eight million viewers last year, the channel said."),
])
def test_broadcast_notice_is_not_article_text(notice, kept):
    text = f"Club keeps its captain\n\n{notice}\n\n{kept}\n"
    spans = {text[e.start:e.end]: e.reason for e in mark_junk(text)}
    assert spans.get(notice) == "publisher-notice"
    assert kept not in spans


@pytest.mark.parametrize("sentence", [
    "Owners of some phones are being warned to watch out for malicious software on the website.",
    "Fans will watch the final at home after the club sold every ticket.",
])
def test_watching_in_a_sentence_is_not_a_notice(sentence):
    text = f"Phones at risk\n\n{sentence}\n"
    assert all(text[e.start:e.end] != sentence for e in mark_junk(text))


# "we", "our" and "us" outside quotation marks: a publisher's notice only where it speaks of its own work or
# readers, or opens with what it does; a writer's, a fan's or a title's "we" in body prose stays (issue 10).
@pytest.mark.parametrize("text, notice", [
    ("That is the view of a panel of experts who gathered at a trade fair in Lyon to talk about how new screens "
     "will change one of our favourite pastimes.", False),
    ("In the absence of the champion, we tend to think of the race as a two-horse affair.", False),
    ("We should be worried that the sport is not producing enough young sprinters.", False),
    ("The romantic comedy Shall We Dance? was third in the chart, behind two horror films.", False),
    ("The new rules will give content providers more control over what we can do with films we have bought.", False),
    ("The club's chief executive spoke to us about the months ahead.", False),
    # the publisher on its own work, readers or services
    ("We provide what many people cannot get locally: uncensored news and open debate.", True),
    ("You could face fines for sharing or saving our content in some countries.", True),
    ("Thousands of readers rely on our independent journalism every day.", True),
    ("At Rimdale Radio, we broadcast the news in nine languages.", True),
])
def test_we_is_a_notice_only_when_the_publisher_speaks(text, notice):
    assert (junk(text) == [(text, "publisher-notice")]) is notice
    if not notice:
        assert junk(text) == []
