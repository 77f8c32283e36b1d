"""Names that often mean something else are resolved by rules kept as data."""
from __future__ import annotations

import pytest

from detente.model import Document


def actors(pipeline, text: str) -> dict[str, str | None]:
    document = pipeline(Document(id="a", text=text))
    return {a.text: a.country for a in document.sentences[0].actors}


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Georgia accused Russia of occupying Abkhazia.", "Georgia", "GEO"),
        ("Russian troops entered Georgia in 2008.", "Georgia", "GEO"),
        ("Voters in Atlanta, Georgia went to the polls on Tuesday.", "Georgia", None),
        ("The U.S. state of Georgia certified its election results.", "Georgia", None),
        ("Georgia Tech beat Clemson on Saturday.", "Georgia", None),
        ("Washington imposed new sanctions on Iran.", "Washington", "USA"),
        ("Wildfires spread across Washington state on Monday.", "Washington", None),
        ("A statue of George Washington was unveiled.", "Washington", None),
        ("The Washington Monument reopened to visitors.", "Washington", None),
        ("Jordan closed its border with Syria.", "Jordan", "JOR"),
        ("Michael Jordan visited Amman.", "Jordan", None),
        ("Turkey summoned the Swedish ambassador.", "Turkey", "TUR"),
        ("Farmers sold Turkey dinners before Thanksgiving.", "Turkey", None),
        ("Chad closed its border with Sudan.", "Chad", "TCD"),
        ("Chad Smith met officials in Texas.", "Chad", None),
        ("Niger expelled the French ambassador.", "Niger", "NER"),
        ("The Niger River burst its banks.", "Niger", None),
        ("China protested to Japan over the visit.", "China", "CHN"),
    ],
)
def test_ambiguity_name_in_context(pipeline, text, name, country):
    found = actors(pipeline, text)
    matched = {text_: code for text_, code in found.items() if name in text_.split() or text_ == name}
    if country is None:
        assert all(code is None for code in matched.values()), found
    else:
        assert matched.get(name) == country, found


def test_ambiguity_rules_file_is_checked_like_every_data_file(tmp_path):
    from detente.datafiles import check_file

    bad = tmp_path / "ambiguity.yaml"
    bad.write_text("- name: Georgia\n  cancel: Atlanta\n", encoding="utf-8")
    problems = list(check_file(bad, "ambiguity"))
    assert problems and ":1:" in str(problems[0]) and "cancel" in str(problems[0])


def test_ambiguity_a_newspaper_named_for_a_city_is_media_not_government(pipeline):
    from detente.model import Document

    doc = pipeline(Document(id="t", text="The Washington Post reported the talks."))
    actor = doc.sentences[0].actors[0]
    assert (actor.text, actor.country, actor.sector) == ("Washington Post", "USA", "MED")
