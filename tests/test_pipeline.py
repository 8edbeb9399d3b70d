"""The pipeline as a chain of components, and the engine version that decides re-analysis."""

import shutil

from analysis import pipeline


def test_components_run_in_the_order_of_the_method(nlp):
    names = nlp.pipe_names
    ours = ["person_index", "speaker_attribution", "issue_cues", "stance", "reaction_matcher"]
    assert [n for n in names if n in ours] == ours
    assert names.index("paragraph_breaks") < names.index("parser") < names.index("ner") < names.index("role_ruler")
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values())


def test_engine_version_follows_engine_files_only(tmp_path, monkeypatch):
    copy = tmp_path / "analysis"
    shutil.copytree(pipeline.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(pipeline, "PACKAGE", copy)
    before = pipeline.engine_version()
    (copy / "cli.py").write_text((copy / "cli.py").read_text() + "\n# a comment\n")
    assert pipeline.engine_version() == before  # the command line shapes no extraction
    stance = copy / "data" / "stance.toml"
    stance.write_text(stance.read_text() + "\n# a new cue list comment\n")
    after_data = pipeline.engine_version()
    assert after_data != before
    (copy / "speakers.py").write_text((copy / "speakers.py").read_text() + "\n# changed\n")
    assert pipeline.engine_version() not in (before, after_data)


def test_long_text_is_parsed_in_pieces_with_the_same_result(nlp):
    text = (("The minister said sanctions must stay. " * 40) + "\n\n") * 60  # about 95,000 characters
    [pieced] = list(pipeline.parse(nlp, [text]))
    whole = nlp(text)
    assert pieced.text == text
    assert len(list(pieced.sents)) == len(list(whole.sents))
    assert [(c.issue, c.stance) for _, c in pieced._.claims] == [(c.issue, c.stance) for _, c in whole._.claims]
