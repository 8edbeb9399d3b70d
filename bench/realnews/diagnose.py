"""Where each missed gold position of the dev study half is lost, read from its evidence sentences.

For every required gold position of a study-half article that has an evidence file
(bench/realnews/ANNOTATION.md, "Evidence sentences"), the FIRST stage of the pipeline that fails,
taking the evidence sentence that got furthest:

  1 actor      the gold actor is not among the engine's actors of the article
  2 no speech  no speech act of the engine covers an evidence sentence
  3 speaker    a speech act covers it, but it is credited to other actors
  4 no cue     right speaker, but no cue of the gold issue matched in the sentence (vocabulary)
  5 dropped    a cue of the issue matched, but no claim of that actor came out; the check that
               dropped it is named (the condition before the ``continue`` in stance.claims_in or
               Stance.__call__, read with a line tracer while the engine's own stance component runs)
  6 stance     a claim of the actor on the issue in the sentence, with another stance
  7 found      the position is a true positive of the benchmark

The engine's own objects are read (doc._.actors, doc._.speech, doc.spans["issue_cues"],
doc._.claims) and its names are matched as the benchmark does (analysis.evaluate). The engine's
extra positions are sorted by their claim sentence: it holds an evidence sentence of another
actor (attribution), of the same actor for another issue or stance, or of no gold position.

    python bench/realnews/diagnose.py [--catalog ID] [-v]

Study half of dev only: the check half and the test split are refused.
"""

from __future__ import annotations

import argparse
import json
import linecache
import re
import sys
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import pandas as pd
import run  # bench/realnews/run.py: article loading, halves, catalogs

from analysis import stance as stance_module
from analysis.evaluate import _aliases, _norm, score
from analysis.extract import extract_doc
from analysis.pipeline import finish, load_pipeline, prepare
from analysis.records import Actor, Position, Reaction

STAGES = {1: "actor not found", 2: "no speech act", 3: "another speaker", 4: "no cue",
          5: "cue dropped", 6: "wrong stance", 7: "found"}
EXTRAS = ("attribution", "same actor, other issue/stance", "not in gold")


# -- the engine's stance component, run with a line tracer that notes every cue it drops --------

class _Drops:
    """While active, notes each ``continue`` taken in stance.claims_in (a cue read and dropped)
    and in Stance.__call__ (a speech act skipped), with the condition that led to it."""

    def __init__(self):
        self.cues: list[tuple[int, int, int, str, str]] = []  # (region start, region end, cue start, issue, check)
        self.acts: list[tuple[int, int, str]] = []  # (region start, region end, check)
        self._codes = {stance_module.claims_in.__code__: "cue", stance_module.Stance.__call__.__code__: "act"}

    @staticmethod
    def _condition(filename: str, line: int) -> str:
        """The engine's functions named in the conditions enclosing a ``continue`` (its ``if`` and
        the ``if`` lines around it, up to the loop), else the condition's own text."""
        indent = len(linecache.getline(filename, line)) - len(linecache.getline(filename, line).lstrip())
        conditions = []
        for back in range(line - 1, max(0, line - 40), -1):
            text = linecache.getline(filename, back)
            stripped, depth = text.strip(), len(text) - len(text.lstrip())
            if not stripped or depth >= indent:
                continue
            if stripped.startswith("for "):
                break
            if stripped.startswith(("if ", "elif ")):
                conditions.append(" ".join(linecache.getline(filename, k).strip() for k in range(back, line)))
            indent = depth
        names = [n for c in reversed(conditions) for n in re.findall(r"\b(_[a-z][a-z_]*)\(", c)]
        if names:
            return " / ".join(dict.fromkeys(names))
        return conditions[0][:80] if conditions else "?"

    def _local(self, frame, event, arg):
        if event == "line":
            code = frame.f_code
            if linecache.getline(code.co_filename, frame.f_lineno).strip().startswith("continue"):
                check = self._condition(code.co_filename, frame.f_lineno)
                f = frame.f_locals
                if self._codes[code] == "cue" and "start" in f:
                    self.cues.append((f["span"].start_char, f["span"].end_char, f["start"], f["issue_id"],
                                      "claims_in: " + check))
                elif self._codes[code] == "act" and "claim" in f and "_background_act" not in check:
                    region = f["act"].region
                    self.cues.append((region.start_char, region.end_char, f["claim"].start_char, f["claim"].issue,
                                      "Stance: " + check))
                elif self._codes[code] == "act" and "act" in f:
                    region = f["act"].region
                    self.acts.append((region.start_char, region.end_char, check))
        return self._local

    def _global(self, frame, event, arg):
        return self._local if frame.f_code in self._codes else None

    def stance(self, proc):
        def traced(doc):
            old = sys.gettrace()
            sys.settrace(self._global)
            try:
                return proc(doc)
            finally:
                sys.settrace(old)
        return traced


def parse(texts: list[str], catalog: str | None):
    """(doc, drops) per text, through the engine's pipeline (its stance step traced)."""
    nlp = load_pipeline(catalog=catalog)
    proc = nlp.get_pipe("stance")
    for doc in prepare(nlp, texts):
        drops = _Drops()
        yield finish(nlp, doc, swap={"stance": drops.stance(proc)}), drops


# -- one article ----------------------------------------------------------------------------------

def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def diagnose(doc, drops: _Drops, gold: dict, evidence: dict, shift: int = 0, article_id: str = "x") -> dict:
    """Stage of each required gold position and class of each extra position of one article.
    ``shift``: characters taken off the front of the text before parsing (evidence offsets are
    into the text as stored)."""
    actors, positions, reactions = extract_doc(doc, article_id)
    tables = [pd.DataFrame([asdict(r) for r in rows], columns=list(cls.__dataclass_fields__))
              for rows, cls in ((actors, Actor), (positions, Position), (reactions, Reaction))]
    counts = score(gold, *tables)
    galias = _aliases(gold.get("actors", []))
    palias = _aliases([asdict(a) for a in actors])

    def g(name):
        return galias.get(_norm(name), _norm(name))

    def p(name):
        return palias.get(_norm(name), _norm(name))

    engine_actors = {p(a.name) for a in actors}
    missed = set(counts["missed_positions"])
    cues = list(doc.spans.get(stance_module.CUES_KEY, []))
    entries, named = {}, {}
    for e in evidence.get("positions", []):
        spans = [(s - shift, t - shift) for s, t in e.get("spans", [])]
        entries.setdefault((g(e["actor"]), e["issue"], e["stance"]), []).extend(spans)
        named.update(zip(spans, e.get("speaker_in_sentence", [])))

    def sentence_stage(actor, issue, stance, s0, s1):
        acts = [a for a in doc._.speech or []
                if _overlaps(a.region.start_char, a.region.end_char, s0, s1)
                or (a.sentence is not None and _overlaps(a.sentence.start_char, a.sentence.end_char, s0, s1))]
        if not acts:
            return 2, "speaker named in the sentence" if named.get((s0, s1)) else "speaker not named in the sentence"
        own = [a for a in acts if actor in {p(n) for n in a.speakers}]
        if not own:
            return 3, "credited to " + (", ".join(sorted({n for a in acts for n in a.speakers})) or "nobody")
        issue_cues = [c for c in cues if c.label_ == issue and _overlaps(c.start_char, c.end_char, s0, s1)]
        if not issue_cues:
            others = sorted({c.label_ for c in cues if _overlaps(c.start_char, c.end_char, s0, s1)})
            return 4, "cues of " + ", ".join(others) if others else ""
        claims = [c for a, c in doc._.claims or [] if c.issue == issue and actor in {p(n) for n in a.speakers}
                  and (_overlaps(c.start_char, c.end_char, s0, s1)
                       or (a.sentence is not None and _overlaps(a.sentence.start_char, a.sentence.end_char, s0, s1)))]
        if not claims:
            return 5, _dropped_by(own, issue_cues, drops)
        if not any(c.stance == stance for c in claims):
            return 6, "read as " + "/".join(sorted({c.stance for c in claims}))
        return 7, "found in this sentence"

    # required as analysis.evaluate.score counts them: a triple written twice is scored once, and
    # as its last entry says (required or optional)
    optional = {(g(x["actor"]), x["issue"], x["stance"]): bool(x.get("optional")) for x in gold.get("positions", [])}
    rows, seen = [], set()
    for x in gold.get("positions", []):
        key = (g(x["actor"]), x["issue"], x["stance"])
        if optional[key] or key in seen:
            continue
        seen.add(key)
        spans = entries.get(key, [])
        row = {"actor": x["actor"], "issue": x["issue"], "stance": x["stance"], "stage": 7, "detail": "",
               "sentence": spans[0] if spans else None}
        if key in missed:
            if key[0] not in engine_actors:
                row["stage"] = 1
            elif not spans:
                row.update(stage=0, detail="no evidence sentence")
            else:
                best = max(((sentence_stage(*key, s0, s1), (s0, s1)) for s0, s1 in spans), key=lambda r: r[0][0])
                (row["stage"], row["detail"]), row["sentence"] = best
                if row["stage"] == 7:
                    row["stage"], row["detail"] = 6, "claim in the sentence, triple not scored"
        rows.append(row)
    extras = []
    pred = {}
    for pos in positions:
        pred.setdefault((p(pos.actor), pos.issue, pos.stance), []).append((pos.start, pos.end, pos.actor))
    for key in counts["extra_positions"]:
        sents = pred.get(key, [])
        same, other_same_issue, other = [], [], []  # the gold positions whose evidence the claim sentence holds
        for (a, i, st), spans in entries.items():
            if any(_overlaps(s0, s1, e0, e1) for s0, s1, _ in sents for e0, e1 in spans):
                (same if a == key[0] else other_same_issue if i == key[1] else other).append((a, i, st))
        if other_same_issue or (other and not same):
            kind, near = EXTRAS[0], other_same_issue or other
        else:
            kind, near = (EXTRAS[1], same) if same else (EXTRAS[2], [])
        extras.append({"actor": sents[0][2] if sents else key[0], "issue": key[1], "stance": key[2], "class": kind,
                       "gold": near, "sentence": sents[0][:2] if sents else None})
    return {"positions": rows, "extras": extras}


def _dropped_by(acts, issue_cues, drops: _Drops) -> str:
    """The check that dropped the cue for one of the speaker's acts, as the engine's code names it."""
    for a in acts:
        r0, r1 = a.region.start_char, a.region.end_char
        for s0, s1, check in drops.acts:
            if (s0, s1) == (r0, r1):
                return f"speech act skipped: {check}"
    for a in acts:
        r0, r1 = a.region.start_char, a.region.end_char
        for c in issue_cues:
            for s0, s1, start, issue, check in drops.cues:
                if (s0, s1, start, issue) == (r0, r1, c.start_char, c.label_):
                    return check
    inside = any(a.region.start_char <= c.start_char and c.end_char <= a.region.end_char
                 for a in acts for c in issue_cues)
    if not inside:
        return "cue outside the speaker's speech region"
    return "dropped by a Stance filter after the cue reading (vague / contrast / others' readiness / owned proposal)"


# -- a catalog's study half -------------------------------------------------------------------------

def run_catalog(catalog: str | None, verbose: bool = False, out=print) -> dict:
    if catalog:
        run.use_catalog(catalog)
    evidence_dir = run.GOLD.parent / "evidence"
    ids, golds, articles, _ = run.load_articles("dev")
    chosen = [k for k, i in enumerate(ids) if run.in_half(i, "study") and (evidence_dir / f"{i}.json").exists()]
    ids, golds, articles = ([xs[k] for k in chosen] for xs in (ids, golds, articles))
    stages = {k: 0 for k in [0, *STAGES]}
    extras = {k: 0 for k in EXTRAS}
    checks: dict[str, int] = {}
    unnamed: dict[str, int] = {}
    for article_id, gold, article, (doc, drops) in zip(ids, golds, articles,
                                                       parse([a.text for a in articles], run.CATALOG)):
        raw = (run.CACHE / f"{article_id}.txt").read_text(encoding="utf-8")
        evidence = json.loads((evidence_dir / f"{article_id}.json").read_text(encoding="utf-8"))
        # the parsed text is the stored one less what the reader takes off its front (page date, header)
        shift = raw.find(article.text[:200])
        if shift < 0:
            match = run.PAGE_DATE.match(raw)
            shift = match.end() if match else 0
        result = diagnose(doc, drops, gold, evidence, shift, article_id)
        for row in result["positions"]:
            stages[row["stage"]] += 1
            if row["stage"] == 5:
                checks[row["detail"]] = checks.get(row["detail"], 0) + 1
            if row["stage"] == 2:
                unnamed[row["detail"]] = unnamed.get(row["detail"], 0) + 1
            if verbose and row["stage"] != 7:
                s = row["sentence"]
                text = " ".join(doc.text[s[0]:s[1]].split()) if s else ""
                out(f"  {article_id}: {row['actor']} / {row['issue']} / {row['stance']}: "
                    f"{row['stage']} {STAGES.get(row['stage'], 'no evidence')}"
                    f"{' (' + row['detail'] + ')' if row['detail'] else ''} | {text}")
        for x in result["extras"]:
            extras[x["class"]] += 1
            if verbose:
                s = x["sentence"]
                text = " ".join(doc.text[s[0]:s[1]].split()) if s else ""
                near = "; ".join(" / ".join(g) for g in x["gold"])
                out(f"  {article_id}: extra {x['actor']} / {x['issue']} / {x['stance']}: {x['class']}"
                    f"{' (gold here: ' + near + ')' if near else ''} | {text}")
    out(f"== {catalog or 'default (Ukraine)'}: dev study half, {len(ids)} articles with evidence")
    out("required positions by first failing stage: "
        + "; ".join(f"{k} {STAGES[k]} {v}" for k, v in stages.items() if k)
        + (f"; no evidence sentence {stages[0]}" if stages[0] else ""))
    if checks:
        out("cue dropped by: " + "; ".join(f"{k} {v}" for k, v in sorted(checks.items(), key=lambda kv: -kv[1])))
    if unnamed:
        out("no speech act: " + "; ".join(f"{k} {v}" for k, v in sorted(unnamed.items())))
    out("extra positions: " + "; ".join(f"{k} {v}" for k, v in extras.items()))
    return {"stages": stages, "extras": extras, "checks": checks}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", metavar="ID", help="a shipped catalog's set (bench/realnews/catalogs/<id>/)")
    parser.add_argument("--split", choices=("dev", "test"), default="dev", help="dev only")
    parser.add_argument("--half", choices=("study", "check"), default="study", help="study only")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per position not found, and per extra")
    args = parser.parse_args(argv)
    if args.split != "dev":
        parser.error("the test split is never diagnosed")
    if args.half != "study":
        parser.error("the check half is scored in totals only (run.py --half check), never diagnosed")
    run_catalog(args.catalog, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
