"""Property: any memo in our text conventions converts to valid TEI, renders back to
text, and converts again to the same TEI, keeping every word and mark in order.

Examples per test: TEIKIT_FUZZ_EXAMPLES (default 60 in the normal run; set it to
thousands for a long run on demand).
"""

from __future__ import annotations

import os

from helpers import body_content, convert, errors_of, roundtrip, same_tei
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("TEIKIT_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

LETTERS = "abcdefghijklmnopqrstuvwxyzéüñ"
word = st.text(alphabet=LETTERS, min_size=1, max_size=9)
cap_word = word.map(lambda w: w[0].upper() + w[1:])
number = st.sampled_from(["34,000", "610", "14,000", "1952", "402", "7", "1.2", "(VII)",
                          "pp. 916–917"])
punct = st.sampled_from([",", ";", ":", ".", "?", "!"])
CLASSIFICATIONS = ["top secret", "secret", "confidential; niact", "secret; priority",
                   "restricted"]
MONTHS = ["January", "March", "June", "October", "December"]


@st.composite
def memo(draw):
    state = {"note": 0, "page": draw(st.integers(1, 900)), "hands": ["h1", "h2"]}
    use_hands = draw(st.booleans())

    def mark() -> str:
        state["note"] += 1
        return str(state["note"])

    def page() -> str:
        state["page"] += draw(st.integers(1, 3))
        return f"[Page {state['page']}]"

    def phrase(allow_marks=True, allow_pages=True, depth=0) -> str:
        out = [draw(cap_word)]
        for _ in range(draw(st.integers(1, 12))):
            kind = draw(st.sampled_from(["word"] * 6 + ["number", "punct", "mark", "page",
                                                         "bracket", "gap", "add", "del",
                                                         "shift", "quote"]))
            if kind == "word":
                out.append(" " + draw(word))
            elif kind == "number":
                out.append(" " + draw(number))
            elif kind == "punct" and out[-1][-1].isalpha():
                out.append(draw(punct))
            elif kind == "mark" and allow_marks and out[-1][-1].isalpha():
                out.append(mark())
            elif kind == "page" and allow_pages:
                out.append(" " + page())
            elif kind == "bracket":
                out.append(" [" + draw(cap_word) + " " + draw(word) + "]")
            elif kind == "gap":
                out.append(f" [{draw(st.integers(1, 9))} lines of source text not declassified]")
            elif kind in ("add", "del") and depth == 0:
                sign = "+" if kind == "add" else "-"
                who = f"@{draw(st.sampled_from(state['hands']))} " if use_hands else ""
                inner = phrase(allow_marks, False, depth + 1)
                out.append(f" {{{sign}{who}{inner}{sign}}}")
            elif kind == "shift" and use_hands:
                out.append(f" {{@{draw(st.sampled_from(state['hands']))}}}")
            elif kind == "quote":
                out.append(f" “{draw(word)} {draw(word)}”")
        return "".join(out)

    lines = []
    if use_hands:
        lines += ["---", "id: d7", "hand: h1 | Ellis Briggs | ink", "hand: h2 | Dean Acheson |"
                  " pencil", "---", ""]
    heading = " ".join(draw(st.lists(cap_word, min_size=2, max_size=8)))
    if draw(st.booleans()):
        heading += " " + mark()
    lines += [heading, ""]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(CLASSIFICATIONS)))
    if draw(st.booleans()):
        lines.append(f"Washington, {draw(st.sampled_from(MONTHS))} {draw(st.integers(1, 28))}, "
                     f"{draw(st.integers(1945, 1960))}.")
    for _ in range(draw(st.integers(0, 2))):
        lines.append("  • " + " ".join(draw(st.lists(cap_word, min_size=1, max_size=4))))
    for _section in range(draw(st.integers(1, 3))):
        lines += ["", ""]
        for _ in range(draw(st.integers(1, 3))):
            if draw(st.integers(0, 5)) == 0:
                lines.append(page())
            lines.append(phrase() + ".")
    if draw(st.booleans()):
        lines += ["Sincerely yours,", " ".join(draw(st.lists(cap_word, min_size=1, max_size=3)))]
    if state["note"]:
        lines.append("")
        for k in range(1, state["note"] + 1):
            lines.append(f"  {k}. " + phrase(allow_marks=False, allow_pages=False) + ".")
    return "\n".join(lines) + "\n"


@SETTINGS
@given(memo())
def test_generated_memo_round_trips(text):
    tree = convert(text)
    assert errors_of(tree) == []
    rendered, again = roundtrip(tree)
    assert same_tei(tree, again), rendered
    assert body_content(rendered) == body_content(text)


@SETTINGS
@given(memo(), st.integers(30, 100))
def test_wrapped_text_round_trips(text, width):
    tree = convert(text)
    rendered, again = roundtrip(tree, width)
    assert same_tei(tree, again), rendered
