"""The closed word classes the TABARI-style coder reads a sentence with.

TABARI parsed shallowly: it knew actors, agents and verbs from its dictionaries and a
few closed classes of words, and treated everything else as part of a noun phrase. These
are those classes, in upper case as `detente.compat.words` writes words. They are part of
the coder, not of any dictionary, so they live here rather than in detente's lexicon.
"""
from __future__ import annotations

DETERMINERS = frozenset(
    "A AN THE THIS THESE THOSE ITS HIS HER THEIR OUR MY YOUR SOME ANY EACH EVERY NO ALL BOTH ANOTHER SUCH".split()
)
POSSESSIVES = frozenset({"'S", "'"})
PREPOSITIONS = frozenset(
    """OF IN ON AT BY FOR WITH FROM TO INTO ONTO BETWEEN AGAINST ABOUT OVER DURING BEFORE TOWARD
    TOWARDS THROUGH UNDER WITHIN WITHOUT ACROSS AMONG AROUND UPON AMID DESPITE INCLUDING LIKE THAN
    VIA PER THROUGHOUT BEHIND BEYOND BESIDE INSIDE OUTSIDE NEAR ALONG OFF""".split()
)
#: Prepositions that tie a noun phrase to the actor that owns it ("the government of Gondor").
OWNER_PREPOSITIONS = frozenset({"OF", "IN", "FROM"})
CONJUNCTIONS = frozenset({"AND", "OR", "NOR", "BUT"})
LIST_CONJUNCTIONS = frozenset({"AND", "OR", "NOR"})
CORRELATIVES = frozenset({"NEITHER", "EITHER"})
#: Words that open a subordinate clause; a verb's subject is not looked for before them.
SUBORDINATORS = frozenset(
    "AFTER WHEN WHILE UNTIL BECAUSE ALTHOUGH THOUGH WHETHER WHERE WHO WHOM WHOSE WHICH THAT IF UNLESS SINCE WHEREAS".split()
)
BE_FORMS = frozenset("IS ARE WAS WERE BE BEEN BEING AM".split())
MODALS = frozenset("WILL WOULD SHALL SHOULD CAN COULD MAY MIGHT MUST CA WO SHA".split())
AUXILIARIES = BE_FORMS | MODALS | frozenset("HAS HAVE HAD HAVING DO DOES DID N'T NOT TO".split())
PRONOUNS = frozenset(
    "HE SHE IT THEY WE I YOU HIM HER THEM US ME HIMSELF HERSELF ITSELF THEMSELVES WHAT THERE".split()
)
ADVERBS = frozenset(
    """TODAY YESTERDAY TOMORROW TONIGHT NOW THEN ALSO AGAIN ALREADY STILL YET EVEN EVER NEVER JUST
    VERY ONLY SOON LATER EARLIER ABOUT ALMOST NEARLY QUITE RATHER MOST MORE LESS HOWEVER HERE""".split()
)
#: Nouns ending in -LY, which are not adverbs.
_LY_NOUNS = frozenset("FAMILY ASSEMBLY SUPPLY ALLY RALLY JULY MONOPOLY ANOMALY BELLY JELLY LILY HOLY".split())
#: Time nouns that make no noun phrase of their own ("said today").
TIME_ADVERBS = frozenset({"TODAY", "YESTERDAY", "TOMORROW", "TONIGHT", "NOW", "THEN"})
FORMER = "FORMER"


def is_adverb(word: str) -> bool:
    """A listed adverb, or a word in -LY that is not a listed noun."""
    return word in ADVERBS or (len(word) > 4 and word.endswith("LY") and word not in _LY_NOUNS)


def breaks_noun_phrase(word: str) -> bool:
    """Whether `word` cannot be part of a noun phrase."""
    return (word in PREPOSITIONS or word in CONJUNCTIONS or word in CORRELATIVES or word in SUBORDINATORS
            or word in AUXILIARIES or word in PRONOUNS or is_adverb(word))
