"""The stage diagnosis of the real-news bench (bench/realnews/diagnose.py), on a self-written article
with its gold and evidence sentences in a temporary set: each position is built to stop at one stage."""

import hashlib
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "realnews"
PREFIX = "date 2024-03-01 "  # page metadata the bench takes off before parsing; evidence offsets count it
TEXT = (PREFIX + "Ministers meet in Vella\n"
        "Foreign Minister Anna Berg said the sanctions against Russia must be tightened. "
        "Defence Minister Peter Lind said he opposed any new weapons deliveries to Ukraine. "
        "Lind also said the weather in the capital was pleasant. "
        "Prime Minister Marta Holm called for an immediate ceasefire. "
        "Sanctions were lifted in March. "
        "Asked about future peace talks, Holm said she had nothing to add. "
        "Berg also welcomed the peace talks.\n")
ID = "x02-vella-ministers"  # an even number: a study-half article since stop 25
PEOPLE = ["Anna Berg", "Peter Lind", "Marta Holm", "Olga Sund"]
# (actor, issue, stance, the sentence that states it, the stage it should stop at)
CASES = [
    ("Anna Berg", "sanctions", "support", "Foreign Minister Anna Berg", 7),
    ("Peter Lind", "military_aid", "support", "Defence Minister Peter Lind", 6),  # read as oppose
    ("Peter Lind", "negotiations", "support", "Lind also said", 4),  # no cue in the sentence
    ("Peter Lind", "ceasefire", "support", "Prime Minister Marta Holm", 3),  # the act is Holm's
    ("Marta Holm", "sanctions", "oppose", "Sanctions were lifted", 2),  # no speech act
    ("Olga Sund", "negotiations", "support", "Lind also said", 1),  # never named
    ("Marta Holm", "negotiations", "support", "Asked about future", 5),  # the question's topic
]

DETAILS = {2: "(speaker not named in the sentence)", 3: "(credited to Marta Holm)",
           5: "(claims_in: _question_topic)", 6: "(read as oppose)"}


def span(words: str) -> list[int]:
    start = TEXT.index(words)
    return [start, TEXT.index(".", start) + 1]


@pytest.fixture(scope="module")
def diagnosed(tmp_path_factory, bench_module):
    base = tmp_path_factory.mktemp("realnews")
    for folder in ("gold", "cache", "evidence"):
        (base / folder).mkdir()
    sha = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    (base / "cache" / f"{ID}.txt").write_text(TEXT, encoding="utf-8")
    gold = {"id": ID, "text_sha256": sha, "outlet": "Vella Post",
            "actors": [{"name": n, "actor_type": "person", "country": ""} for n in PEOPLE],
            "positions": [{"actor": a, "issue": i, "stance": s} for a, i, s, _, _ in CASES]}
    (base / "gold" / f"{ID}.json").write_text(json.dumps(gold), encoding="utf-8")
    evidence = {"id": ID, "text_sha256": sha, "positions": [
        {"actor": a, "issue": i, "stance": s, "spans": [span(w)],
         "speaker_in_sentence": [a.split()[-1] in TEXT[slice(*span(w))]]} for a, i, s, w, _ in CASES]}
    (base / "evidence" / f"{ID}.json").write_text(json.dumps(evidence), encoding="utf-8")
    (base / "split.json").write_text(json.dumps({"dev": [ID, "x03-other"], "test": []}), encoding="utf-8")
    sys.path.insert(0, str(BENCH))
    diagnose = bench_module("diagnose")
    run = diagnose.run
    saved = run.GOLD, run.CACHE, run.SPLIT, run.CATALOG
    run.GOLD, run.CACHE, run.SPLIT, run.CATALOG = base / "gold", base / "cache", base / "split.json", None
    lines = []
    try:
        summary = diagnose.run_catalog(None, verbose=True, out=lines.append)
    finally:
        run.GOLD, run.CACHE, run.SPLIT, run.CATALOG = saved
    return diagnose, summary, lines


@pytest.mark.parametrize("case", CASES, ids=[f"stage{c[4]}" for c in CASES])
def test_each_position_stops_at_its_stage(diagnosed, case):
    diagnose, _, lines = diagnosed
    actor, issue, stance, words, stage = case
    line = next((x for x in lines if f"{actor} / {issue} / {stance}:" in x and "extra" not in x), None)
    if stage == 7:
        assert line is None  # a found position is not listed
    else:
        assert line is not None and f": {stage} {diagnose.STAGES[stage]}" in line
        assert DETAILS.get(stage, "") in line
        # the sentence printed is the evidence sentence, read at the shifted offsets
        assert line.endswith(TEXT[slice(*span(words))])


def test_counts_and_named_check(diagnosed):
    _, summary, _ = diagnosed
    assert summary["stages"] == {0: 0, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1}
    assert summary["checks"] == {"claims_in: _question_topic": 1}


def test_extras_are_classed_by_their_sentence(diagnosed):
    _, summary, lines = diagnosed
    extras = dict(x.split(": extra ", 1)[1].split(" | ")[0].split(": ", 1) for x in lines if ": extra " in x)
    assert extras == {"Marta Holm / ceasefire / support": "attribution (gold here: peter lind / ceasefire / support)",
                      "Peter Lind / military_aid / oppose":
                          "same actor, other issue/stance (gold here: peter lind / military_aid / support)",
                      "Anna Berg / negotiations / support": "not in gold"}
    assert summary["extras"] == {"attribution": 1, "same actor, other issue/stance": 1, "not in gold": 1}


@pytest.mark.parametrize("argv", [["--half", "check"], ["--split", "test"]])
def test_refuses_check_half_and_test_split(diagnosed, argv):
    diagnose, _, _ = diagnosed
    with pytest.raises(SystemExit):
        diagnose.main(argv)
