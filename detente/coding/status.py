"""Did it happen? asserted, negated, hypothetical or future, from the words before the
verb in its clause ("did not expel", "is considering sanctions", "will visit")."""
from __future__ import annotations

from dataclasses import dataclass

from detente.coding.verbs import DOCUMENT_NOUNS
from detente.config import STATUS_WINDOW
from detente.lexicon import Lexicon
from detente.model import Sentence, VerbMatch

ASSERTED, NEGATED, HYPOTHETICAL, FUTURE = "asserted", "negated", "hypothetical", "future"
#: Lists whose words, before an infinitive or a noun in its clause, govern its status:
#: "threatened on Saturday to expel" (future), "invited Putin to visit" (hypothetical).
GOVERNING = (("hypothetical", HYPOTHETICAL), ("request_verbs", HYPOTHETICAL), ("governing_hypothetical", HYPOTHETICAL), ("future", FUTURE), ("governing_future", FUTURE))
_HARD_STOPS = frozenset({";", ":", ".", '"', "(", ")"})
_COORDINATORS = frozenset({"and", "but", "or", "then", "yet"})
#: Acts that an order from outside only demands: the ordered must still yield.
YIELDING_TYPES = frozenset({"RETREAT", "CONCEDE", "AGREE", "COOPERATE", "AID", "CONSULT", "SUPPORT"})
_SUBORDINATORS = frozenset({"after", "before", "since", "because", "while", "when", "although", "though", "following", "during", "despite"})


@dataclass
class StatusReader:
    lexicon: Lexicon

    def __call__(self, sentence: Sentence, match: VerbMatch) -> str:
        lowers = sentence.lowers
        start = self._window_start(lowers, match.start)
        dated = {i for d in sentence.dates for i in range(d.start, d.end)}
        window = [w for i, w in enumerate(lowers[start : match.start], start) if i not in dated]  # "refused on Monday to extend"
        if match.pattern.cameo.startswith("014"):
            return HYPOTHETICAL  # CAMEO 014, "consider policy option": the act is only considered
        if self._alleged(sentence, lowers, match) or self._demanded(lowers, start) or self._failed_document(lowers, match):
            return HYPOTHETICAL
        if self._has(window, "conditional") or self._has(window, "obligation"):
            return HYPOTHETICAL  # "if Minsk does not release", "is not obliged to negotiate": no act, no denial
        if self._has(window, "negation") or any(w.endswith("n't") for w in window):
            return NEGATED
        if match.end < len(lowers) and lowers[match.end] == "no" and not match.pattern.noun:
            return NEGATED  # "had offered no evidence": nothing was offered
        chained = self._chained_infinitive(lowers, match.start)
        if self._infinitive(lowers, match.start) or match.pattern.noun or chained is not None:
            at = chained if chained is not None else match.start
            governed = self._governing_window(lowers, self._window_start(lowers, at) if chained is not None else start, at)
            if match.pattern.plover in YIELDING_TYPES and self._has(governed, "orders"):
                return HYPOTHETICAL  # "the court ordered Israel to halt its offensive": demanded, not done
            for name, status in GOVERNING:
                if self._has(governed, name):
                    return status
        if match.pattern.noun:
            noun_status = self._noun_status(lowers, match)
            if noun_status:
                return noun_status
        if self._conditional_would(window) or "would" in window and self._reported(lowers, match.start):
            return FUTURE
        if self._has(window, "hypothetical"):
            return HYPOTHETICAL
        if self._has(window, "future"):
            return FUTURE
        return ASSERTED

    def _demanded(self, lowers: list[str], start: int) -> bool:
        """ "demanded that its forces lay down their arms", "a demand on Monday that its
        forces ... lay down": the clause is the demand's content."""
        for at in range(start - 1, max(0, start - 12), -1):
            if lowers[at] in _HARD_STOPS or lowers[at] == ",":
                return False
            if lowers[at] == "that":
                return any(w in self.lexicon["demand_words"] for w in lowers[max(0, at - 4) : at])
        return False

    def _failed_document(self, lowers: list[str], match: VerbMatch) -> bool:
        """ "Russia vetoed a resolution condemning the invasion": the condemnation never passed."""
        if match.start == 0 or lowers[match.start - 1] not in DOCUMENT_NOUNS:
            return False
        failed = self.lexicon["failed_documents"]
        if any(w in failed for w in lowers[max(0, match.start - 6) : match.start]):
            return True
        later = lowers[match.end :]  # "a resolution condemning the invasion, which Moscow vetoed"
        return "which" in later and any(w in failed for w in later[later.index("which") : later.index("which") + 4])

    def _noun_status(self, lowers: list[str], match: VerbMatch) -> str | None:
        """ "a planned visit", "an invasion would bring costs", "the risk of an invasion":
        the noun's own modifiers, a modal right after its phrase, a risk before it."""
        if any(w in self.lexicon["noun_risk"] for w in lowers[max(0, match.start - 4) : match.start]):
            return HYPOTHETICAL
        if match.start > 0 and lowers[match.start - 1] in self.lexicon["noun_hypothetical"]:
            return HYPOTHETICAL
        if match.start > 0 and lowers[match.start - 1] in self.lexicon["noun_future"]:
            return FUTURE
        for word in lowers[match.end : match.end + 10]:
            if word in ("would", "could", "might", "may"):
                return HYPOTHETICAL
            if word in ("will", "shall"):
                return FUTURE
            if word in (",", ".", ";"):
                break
        return None

    def _alleged(self, sentence: Sentence, lowers: list[str], match: VerbMatch) -> bool:
        """ "accused the army of carrying out the attack": the attack is only alleged."""
        before = match.start - 1
        if before < 0 or lowers[before] not in ("of", "for") or not lowers[match.start].endswith("ing"):
            return False
        return any(v.pattern.plover == "ACCUSE" and v.start < before for v in sentence.verbs)

    def _chained_infinitive(self, lowers: list[str], start: int) -> int | None:
        """ "threatened to open the gates and send refugees": the "to" that "and send"
        continues, if any."""
        if start == 0 or lowers[start - 1] not in ("and", "or"):
            return None
        for at in range(start - 2, max(-1, start - 10), -1):
            if lowers[at] in _HARD_STOPS or lowers[at] == ",":
                return None
            if lowers[at] == "to":
                return at + 1
        return None

    def _infinitive(self, lowers: list[str], start: int) -> bool:
        at = start - 1
        while at > 0 and lowers[at].endswith("ly"):
            at -= 1  # "ordered Israel to immediately halt"
        return at >= 0 and lowers[at] == "to"

    def _governing_window(self, lowers: list[str], start: int, end: int) -> list[str]:
        """For "... urged other states in the region to deepen ...": the words back to
        the clause's start, so the verb that governs the infinitive is seen."""
        at = start
        while at > 0 and at > end - 3 * STATUS_WINDOW and lowers[at - 1] not in _HARD_STOPS and lowers[at - 1] not in _SUBORDINATORS:
            at -= 1  # but "agreed to a truce after talks in Moscow": the talks are not agreed to
        return lowers[at:end]

    def _window_start(self, lowers: list[str], end: int) -> int:
        start = max(0, end - STATUS_WINDOW)
        for at in range(end - 1, start - 1, -1):
            if lowers[at] in _HARD_STOPS or lowers[at] == "," and at < end - 2 or lowers[at] in _COORDINATORS or lowers[at] in _SUBORDINATORS:
                return at + 1  # "did not confirm the strikes but urged": the second verb has its own status
        return start

    def _has(self, window: list[str], name: str) -> bool:
        return self.lexicon.occurs_in(name, window)

    def _reported(self, lowers: list[str], start: int) -> bool:
        """ "Obama announced on Wednesday that the United States and Cuba would restore
        relations": a plan reported by a speaker, however long the subject."""
        for at in range(start - 1, max(-1, start - 16), -1):
            if lowers[at] in _HARD_STOPS:
                return False
            if lowers[at] == "that":
                return any(w in self.lexicon["speech_verbs"] for w in lowers[max(0, at - 4) : at])
        return False

    def _conditional_would(self, window: list[str]) -> bool:
        """ "said it would expel": a reported plan, not a condition."""
        if "would" not in window:
            return False
        at = window.index("would")
        before = window[max(0, at - 5) : at]
        if "that" in window[:at]:  # "announced that the United States and Cuba would restore"
            before = window[max(0, window.index("that") - 3) : at]
        return any(w in self.lexicon["speech_verbs"] for w in before)  # "said on Wednesday it would"
