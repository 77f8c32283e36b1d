"""CAMEO event code -> PLOVER 2.0 type and mode, for importing CAMEO-coded datasets
(GDELT, ICEWS) into detente's store.

Re-keyed from the PLOVER project's CAMEO-to-PLOVER table (``CAMEO2PLOVER-2021.txt``,
draft 0.8) with these rules, so that an imported event reads like one detente codes:

- **The 2.0 codebook wins** where the two disagree (``OVERRIDES`` below, each with its
  reason): 163 impose sanctions is SANCTION/discontinue, not COERCE; 116 find guilty is
  SANCTION/convict; 114 complain officially is ACCUSE/disapprove (summoning an ambassador).
- **Modes are the 2.0 codebook's** (``detente/data/ontology/plover.yaml``): a mode of the 0.8
  table that the codebook no longer has ("ease", "ban", "assassinate", "massacre" ...) is
  replaced by the codebook mode that names the same act, or left out.
- **01 (statements) and 02 (appeals)**, which the 0.8 table leaves out and the codebook
  "drops", follow detente's own verb patterns, which code these senses too: appeals are
  REQUEST (the codebook: "all requests, demands, and orders"); 012, 013, 015, 016, 018, 019
  get the type detente's coder gives them. 010 make statement, 011 decline comment, 014
  consider policy option and 017 symbolic act have no PLOVER type: such rows are not
  loaded and are counted as skipped.

Goldstein weights are not here: they come from detente's ontology (``cameo.tsv``, the
GDELT table), so imported and coded events share one scale.
"""
from __future__ import annotations

from types import MappingProxyType

#: CAMEO codes with no PLOVER type: imported rows with them are skipped (and counted).
NO_PLOVER = frozenset({"010", "011", "014", "017"})

# code: (PLOVER type, mode or None). Grouped by CAMEO cue category.
_TABLE: dict[str, tuple[str, str | None]] = {
    # 01 MAKE PUBLIC STATEMENT: dropped by the codebook; these follow detente's patterns.
    "012": ("ACCUSE", "disapprove"),  # pessimistic comment
    "013": ("SUPPORT", None),  # optimistic comment
    "015": ("CONCEDE", None),  # acknowledge or claim responsibility
    "016": ("REJECT", None),  # deny responsibility (the codebook's own suggestion)
    "018": ("SUPPORT", None),  # empathetic comment
    "019": ("SUPPORT", None),  # express accord
    # 02 APPEAL: REQUEST, with REQUEST's modes as for the matching 10x demands.
    "020": ("REQUEST", None),
    "021": ("REQUEST", "assist"), "0211": ("REQUEST", "assist"), "0212": ("REQUEST", "assist"),
    "0213": ("REQUEST", "assist"), "0214": ("REQUEST", "assist"),
    "022": ("REQUEST", "assist"),
    "023": ("REQUEST", "assist"), "0231": ("REQUEST", "assist"), "0232": ("REQUEST", "assist"),
    "0233": ("REQUEST", "assist"), "0234": ("REQUEST", "assist"),
    "024": ("REQUEST", "change"), "0241": ("REQUEST", "change"), "0242": ("REQUEST", "change"),
    "0243": ("REQUEST", "change"), "0244": ("REQUEST", "change"),
    "025": ("REQUEST", "yield"), "0251": ("REQUEST", "yield"), "0252": ("REQUEST", "yield"),
    "0253": ("REQUEST", "yield"), "0254": ("REQUEST", "yield"), "0255": ("REQUEST", "yield"),
    "0256": ("REQUEST", "yield"),
    "026": ("REQUEST", "meet"), "027": ("REQUEST", "meet"), "028": ("REQUEST", "meet"),
    # 03 EXPRESS INTENT TO COOPERATE: AGREE (no modes in the codebook).
    **{code: ("AGREE", None) for code in (
        "030 031 0311 0312 0313 0314 032 033 0331 0332 0333 0334 034 0341 0342 0343 0344 "
        "035 0351 0352 0353 0354 0355 0356 036 037 038 039").split()},
    # 04 CONSULT
    "040": ("CONSULT", None), "041": ("CONSULT", "phone"), "042": ("CONSULT", "visit"),
    "043": ("CONSULT", "visit"), "044": ("CONSULT", "third-party"), "045": ("CONSULT", None),
    "046": ("CONSULT", None),
    # 05 ENGAGE IN DIPLOMATIC COOPERATION: SUPPORT
    **{code: ("SUPPORT", None) for code in "050 051 052 053 054 056 057".split()},
    "055": ("CONCEDE", None),  # apologize: a concession, as detente's patterns code it
    # 06 MATERIAL COOPERATION, 07 AID
    **{code: ("COOPERATE", None) for code in "060 061 062 063 064".split()},
    **{code: ("AID", None) for code in "070 071 072 073 074 075".split()},
    # 08 YIELD: verbal (081-083) CONCEDE, material (084-087) RETREAT
    **{code: ("CONCEDE", None) for code in "080 081 0811 0812 082 083 0831 0832 0833 0834".split()},
    "0813": ("RETREAT", None), "0814": ("RETREAT", None),  # ease curfew, state of emergency
    "084": ("RETREAT", None), "0841": ("RETREAT", "release"),
    "0842": ("RETREAT", "release"),  # return property: 0.8's "return" is not a 2.0 mode
    "085": ("RETREAT", None),  # ease economic sanctions: "ease" is no longer a mode
    "086": ("RETREAT", "access"), "0861": ("RETREAT", "access"), "0862": ("RETREAT", "access"),
    "0863": ("RETREAT", "access"),
    "087": ("RETREAT", "disarm"), "0871": ("RETREAT", "ceasefire"), "0872": ("RETREAT", "withdraw"),
    "0873": ("RETREAT", "disarm"),
    "0874": ("RETREAT", "withdraw"),  # retreat or surrender militarily
    # 09 INVESTIGATE: ACCUSE/investigate
    **{code: ("ACCUSE", "investigate") for code in "090 091 092 093 094".split()},
    # 10 DEMAND: REQUEST
    "100": ("REQUEST", None),
    **{code: ("REQUEST", "assist") for code in "101 1011 1012 1013 1014 102 103 1031 1032 1033 1034".split()},
    **{code: ("REQUEST", "change") for code in "104 1041 1042 1043 1044".split()},
    **{code: ("REQUEST", "yield") for code in "105 1051 1052 1053 1054 1055 1056".split()},
    **{code: ("REQUEST", "meet") for code in "106 107 108".split()},
    # 11 DISAPPROVE: ACCUSE
    "110": ("ACCUSE", "disapprove"), "111": ("ACCUSE", "disapprove"),
    "112": ("ACCUSE", "allege"),
    **{code: ("ACCUSE", "allege") for code in "1121 1122 1123 1124 1125 115".split()},
    "113": ("ACCUSE", "disapprove"),
    "114": ("ACCUSE", "disapprove"),
    "116": ("SANCTION", "convict"),
    # 12 REJECT
    "120": ("REJECT", None),
    **{code: ("REJECT", "assist") for code in "121 1211 1212 1213 1214 122 1221 1222 1223 1224".split()},
    **{code: ("REJECT", "change") for code in "123 1231 1232 1233 1234 124 1241 1242".split()},
    **{code: ("REJECT", "yield") for code in "1243 1244 1245 1246 128 129".split()},
    **{code: ("REJECT", "meet") for code in "125 126 127".split()},
    # 13 THREATEN: the mode is the content of the threat
    "130": ("THREATEN", None), "131": ("THREATEN", None),
    "1311": ("THREATEN", "relations"), "1312": ("THREATEN", "restrict"), "1313": ("THREATEN", "relations"),
    **{code: ("THREATEN", "restrict") for code in "132 1321 1322 1323 1324".split()},
    "133": ("THREATEN", "relations"), "134": ("THREATEN", "relations"), "135": ("THREATEN", "relations"),
    "136": ("THREATEN", "expel"), "137": ("THREATEN", "violence"), "138": ("THREATEN", "violence"),
    "1381": ("THREATEN", "restrict"), "1382": ("THREATEN", "territory"),
    "1383": ("THREATEN", "violence"), "1384": ("THREATEN", "violence"), "1385": ("THREATEN", "violence"),
    "139": ("THREATEN", "relations"),
    # 14 PROTEST
    "140": ("PROTEST", None),
    **{code: ("PROTEST", "demo") for code in "141 1411 1412 1413 1414".split()},
    **{code: ("PROTEST", "hunger") for code in "142 1421 1422 1423 1424".split()},
    **{code: ("PROTEST", "boycott") for code in "143 1431 1432 1433 1434".split()},
    **{code: ("PROTEST", "obstruct") for code in "144 1441 1442 1443 1444".split()},
    **{code: ("PROTEST", "riot") for code in "145 1451 1452 1453 1454".split()},
    # 15 EXHIBIT FORCE POSTURE: MOBILIZE
    "150": ("MOBILIZE", None), "151": ("MOBILIZE", "police"), "152": ("MOBILIZE", "troops"),
    "153": ("MOBILIZE", "police"), "154": ("MOBILIZE", "troops"), "155": ("MOBILIZE", None),
    # 16 REDUCE RELATIONS: SANCTION
    "160": ("SANCTION", None),
    "161": ("SANCTION", "discontinue"),
    **{code: ("SANCTION", "discontinue") for code in "162 1621 1622 1623".split()},
    "163": ("SANCTION", "discontinue"),
    "164": ("SANCTION", "withdraw"), "165": ("SANCTION", "withdraw"),
    **{code: ("SANCTION", "expel") for code in "166 1661 1662 1663".split()},
    # 17 COERCE
    "170": ("COERCE", None), "171": ("COERCE", "seize"), "1711": ("COERCE", "seize"),
    "1712": ("ASSAULT", "destroy"),  # destroy property
    "172": ("COERCE", "restrict"), "1721": ("COERCE", "censor"), "1722": ("COERCE", "restrict"),
    "1723": ("COERCE", "curfew"), "1724": ("COERCE", "martial-law"),
    "173": ("COERCE", "arrest"), "174": ("COERCE", "deport"),
    "175": ("ASSAULT", "crowd-control"),  # violent repression
    "176": ("COERCE", "cyber"),  # attack cybernetically (CAMEO 1.1b3)
    # 18 ASSAULT
    "180": ("ASSAULT", None), "181": ("ASSAULT", "abduct"), "182": ("ASSAULT", "beat"),
    "1821": ("ASSAULT", "sexual"), "1822": ("ASSAULT", "torture"), "1823": ("ASSAULT", None),
    "183": ("ASSAULT", "explosives"), "1831": ("ASSAULT", "suicide-attack"),
    "1832": ("ASSAULT", "explosives"), "1833": ("ASSAULT", "explosives"),
    "184": ("ASSAULT", "abduct"),  # human shield
    "185": ("ASSAULT", "targeted"), "186": ("ASSAULT", "targeted"),  # assassination
    # 19 FIGHT: ASSAULT, but blockade and occupation are COERCE
    "190": ("ASSAULT", None), "191": ("COERCE", "restrict"), "192": ("COERCE", "seize"),
    "193": ("ASSAULT", "firearms"), "194": ("ASSAULT", "heavy-weapons"), "195": ("ASSAULT", "aerial"),
    "1951": ("ASSAULT", "aerial"), "1952": ("ASSAULT", "drone"),
    "196": ("ASSAULT", None),
    # 20 UNCONVENTIONAL MASS VIOLENCE
    "200": ("ASSAULT", None), "201": ("ASSAULT", None), "202": ("ASSAULT", None), "203": ("ASSAULT", None),
    "204": ("ASSAULT", "unconventional"), "2041": ("ASSAULT", "unconventional"),
    "2042": ("ASSAULT", "unconventional"),
}

#: Where the 2.0 codebook (or detente's patterns) overrule the 0.8 table: code -> reason.
OVERRIDES = MappingProxyType({
    "163": "codebook: international sanctions are SANCTION/discontinue (0.8: COERCE/restrict)",
    "161": "codebook: breaking diplomatic relations is SANCTION/discontinue (0.8: withdraw)",
    "116": "codebook: a conviction is SANCTION/convict (0.8: ACCUSE/disapprove)",
    "114": "codebook: summoning an ambassador to complain is ACCUSE/disapprove (0.8: allege)",
    "112": "ACCUSE/allege: an accusation (0.8: disapprove)",
    "105": "REQUEST/yield like 1051-1056 (0.8: change)",
    "0874": "RETREAT/withdraw: retreat militarily (0.8: disarm)",
    "1712": "ASSAULT/destroy: 'seize' is not an ASSAULT mode",
    "175": "ASSAULT/crowd-control: the codebook mode for violent repression",
    "183": "ASSAULT/explosives: any bombing; 1831 suicide bombing is suicide-attack",
    "195": "ASSAULT/aerial: the codebook mode for aerial weapons (0.8: heavy-weapons)",
    "055": "CONCEDE: an apology, as detente's patterns code it (0.8: SUPPORT)",
})

#: Every CAMEO event code detente imports: code -> (PLOVER type, mode).
CAMEO_TO_PLOVER = MappingProxyType(dict(_TABLE))


def plover_of(cameo: str) -> tuple[str, str | None] | None:
    """The PLOVER (type, mode) of a CAMEO event code, or None (no PLOVER type or not a code)."""
    return CAMEO_TO_PLOVER.get(cameo)


def known_codes() -> frozenset[str]:
    """Every CAMEO event code an import accepts: mapped ones and those with no PLOVER type."""
    return frozenset(CAMEO_TO_PLOVER) | NO_PLOVER


def code_spellings() -> dict[str, str]:
    """How a code may be written -> the code: as is, and without its leading zero
    ("42" -> "042", "211" -> "0211"), as spreadsheets and some ICEWS files write it."""
    codes = known_codes()
    spellings = {code: code for code in codes}
    for code in codes:
        bare = code.lstrip("0")
        if bare and bare not in codes:
            spellings.setdefault(bare, code)
    return spellings
